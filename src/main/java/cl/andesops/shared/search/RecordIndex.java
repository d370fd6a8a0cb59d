package cl.andesops.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cl.andesops.shared.config.SearchLimits;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;

/**
 * The text of one table (purchase orders, Compra Ágil requests) as a {@link ManagedIndex}. It answers a text filter
 * with the ids of every matching row (optionally within a range of Chile days), which the screens' SQL or the
 * Monitor's columns then take, so counts, sums and charts stay exact while the words are matched by the search
 * engine (Spanish analysis, accents, plurals, prefixes, phrases, exclusions), not by {@code LIKE '%…%'}. Words that
 * match more than {@link SearchLimits#maxTextMatches()} records are {@link TooBroad}: the search stops there.
 */
public abstract class RecordIndex extends ManagedIndex {

    /** One row's searchable text and the values a filter can restrict on. */
    public record Row(long id, String code, Integer day, String text) {
    }

    private final UserText userText = new UserText(new SpanishAnalyzer(), new String[]{"text"}, new float[]{1f}, "code");
    private volatile int maxMatches;
    /**
     * The id sets of recent text filters, valid for one index generation: one Monitor summary and every page of its
     * grid ask the same words, and fifty open Monitors ask them together. Weighed by their bytes (an id and its JSON
     * are about 24), so a national-scale table's broad words cannot keep gigabytes.
     */
    private final Cache<String, Match> recent;
    private volatile long recentGeneration = -1;

    /** One text filter's ids (null when the words are too broad), and the same as JSON once a caller asked for it. */
    private static final class Match {
        final long[] ids;
        volatile String json;

        Match(long[] ids) {
            this.ids = ids;
        }

        int weight() {
            return 64 + (ids == null ? 0 : (int) Math.min(Integer.MAX_VALUE, ids.length * 24L));
        }
    }

    /** Words that match more records than a text filter may: say so, do not hand the SQL the whole table. */
    public static final class TooBroad extends IllegalArgumentException {
        private final String text;
        private final int limit;

        TooBroad(String text, int limit) {
            super("El texto «" + clip(text) + "» coincide con más de " + String.format(java.util.Locale
                    .forLanguageTag("es-CL"), "%,d", limit) + " registros: agregue palabras o acorte el período.");
            this.text = text;
            this.limit = limit;
        }

        public String text() {
            return text;
        }

        public int limit() {
            return limit;
        }

        private static String clip(String t) {
            return t.length() > 60 ? t.substring(0, 60) + "…" : t;
        }
    }

    /** {@code table} has an {@code id}, a unique {@code code} and a {@code version}; the index is {@code index/name}. */
    protected RecordIndex(String name, String table, Path dataDir, DataChanged.Dataset dataset, JdbcClient jdbc,
                          DataVersions versions, SearchLimits limits) {
        super(name, "record-1", table, dataset, new SpanishAnalyzer(), dataDir, List.of(), jdbc, versions);
        this.maxMatches = limits.maxTextMatches();
        this.recent = Caffeine.newBuilder().maximumWeight(limits.textCacheBytes())
                .weigher((String k, Match m) -> m.weight() + k.length() * 2).build();
    }

    /** How many records a text filter may match. */
    public int maxMatches() {
        return maxMatches;
    }

    /** Sets how many records a text filter may match, forgetting the id sets kept: for tests. */
    public void limitMatches(int max) {
        maxMatches = max;
        recent.invalidateAll();
    }

    /** The id sets kept now, in bytes as weighed: for tests. */
    public long cachedBytes() {
        recent.cleanUp();
        return recent.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Whether the words match more records than a text filter may (within the days; either may be null). */
    public boolean tooBroad(String text, Integer fromDay, Integer toDay) {
        return restricts(text) && match(text, fromDay, toDay).ids == null;
    }

    /** The searchable text of these rows. */
    protected abstract List<Row> rows(List<Long> ids);

    @Override
    protected final List<Doc> documents(List<Long> ids) {
        return rows(ids).stream().map(r -> new Doc(r.code(), document(r))).toList();
    }

    private static Document document(Row r) {
        Document d = new Document();
        d.add(new StringField("code", r.code(), Field.Store.NO));
        d.add(new NumericDocValuesField("id", r.id()));
        if (r.day() != null) {
            d.add(new IntPoint("day", r.day()));
        }
        d.add(new TextField("text", r.code() + " " + (r.text() == null ? "" : r.text()), Field.Store.NO));
        return d;
    }

    /**
     * Whether the text restricts the lists: blank text, punctuation, or only exclusions ("-x": everything but a word,
     * millions of ids to hand to SQL) do not; an exclusion narrows a search for some word.
     */
    public boolean restricts(String text) {
        Query q = userText.query(text);
        return !(q instanceof MatchAllDocsQuery) && !(q instanceof BooleanQuery b
                && b.clauses().stream().noneMatch(c -> c.occur() == Occur.MUST));
    }

    /**
     * The ids of every row whose text matches what the user typed, within the given days (either may be null), as a
     * JSON array for SQL. Blank text matches nothing here: callers do not filter then.
     */
    public String matchingIds(String text, Integer fromDay, Integer toDay) {
        Match match = matched(text, fromDay, toDay);
        String json = match.json;
        if (json == null) {
            StringBuilder b = new StringBuilder(match.ids.length * 8 + 2).append('[');
            for (int i = 0; i < match.ids.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(match.ids[i]);
            }
            json = b.append(']').toString();
            match.json = json;
        }
        return json;
    }

    /** The same ids as {@link #matchingIds}, as an array (in no particular order); do not modify it. */
    public long[] matchingIdArray(String text, Integer fromDay, Integer toDay) {
        return matched(text, fromDay, toDay).ids;
    }

    private Match matched(String text, Integer fromDay, Integer toDay) {
        Match m = match(text, fromDay, toDay);
        if (m.ids == null) {
            throw new TooBroad(text, maxMatches);
        }
        return m;
    }

    private Match match(String text, Integer fromDay, Integer toDay) {
        long generation = generation();
        if (generation != recentGeneration) {
            recent.invalidateAll();
            recentGeneration = generation;
        }
        String key = fromDay + "|" + toDay + "|" + text;
        Match cached = recent.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Match match = new Match(search(text, fromDay, toDay));
        if (generation() == generation) {
            recent.put(key, match);
        }
        return match;
    }

    /** The codes of the batch's rows whose text matches what a person typed, as the screens' text filter would. */
    public java.util.Set<String> matching(IndexBatch batch, String text) {
        return batch.codes(userText.query(text));
    }

    /** Searches run (not served from the recent matches): for tests. */
    public long searches() {
        return searches.get();
    }

    private final java.util.concurrent.atomic.AtomicLong searches = new java.util.concurrent.atomic.AtomicLong();

    /** The ids matching, or null past {@link #maxMatches} (the collection stops there). */
    private long[] search(String text, Integer fromDay, Integer toDay) {
        searches.incrementAndGet();
        java.util.concurrent.atomic.AtomicInteger collected = new java.util.concurrent.atomic.AtomicInteger();
        Query words = userText.query(text);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, words instanceof MatchAllDocsQuery
                ? Occur.FILTER : Occur.MUST);
        if (fromDay != null || toDay != null) {
            b.add(IntPoint.newRangeQuery("day", fromDay == null ? Integer.MIN_VALUE : fromDay,
                    toDay == null ? Integer.MAX_VALUE : toDay), Occur.FILTER);
        }
        IndexSearcher searcher = acquire();
        try {
            return searcher.search(b.build(), new CollectorManager<IdCollector, long[]>() {
                @Override
                public IdCollector newCollector() {
                    return new IdCollector(collected, maxMatches);
                }

                @Override
                public long[] reduce(Collection<IdCollector> collectors) {
                    long[] all = new long[collectors.stream().mapToInt(c -> c.size).sum()];
                    int at = 0;
                    for (IdCollector c : collectors) {
                        System.arraycopy(c.ids, 0, all, at, c.size);
                        at += c.size;
                    }
                    return all;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Searching a record index failed", e);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Overflow) {
                    return null;
                }
            }
            throw e;
        } finally {
            release(searcher);
        }
    }

    /** More matches than a text filter may have: ends the search. */
    private static final class Overflow extends RuntimeException {
        Overflow() {
            super(null, null, false, false);
        }
    }

    /** Reads the row id of every match from doc values, no scoring; past the limit (over all slices) it stops. */
    private static final class IdCollector extends SimpleCollector {
        long[] ids = new long[1_024];
        int size;
        private NumericDocValues values;
        private final java.util.concurrent.atomic.AtomicInteger collected;
        private final int limit;

        IdCollector(java.util.concurrent.atomic.AtomicInteger collected, int limit) {
            this.collected = collected;
            this.limit = limit;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getNumeric(context.reader(), "id");
        }

        @Override
        public void collect(int doc) throws IOException {
            if (collected.incrementAndGet() > limit) {
                throw new Overflow();
            }
            if (values.advanceExact(doc)) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = values.longValue();
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
