package cl.andesops.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.events.DataChanged;

/**
 * The text of one table (purchase orders, Compra Ágil requests) in an embedded Lucene index, derived from the
 * database: updated after every sync commit, rebuilt when missing or stale. It answers a text filter with the ids of
 * every matching row (optionally within a range of Chile days), which the SQL of the screens then joins, so counts,
 * sums and charts stay exact SQL while the words are matched by the search engine (Spanish analysis, accents,
 * plurals, prefixes, phrases, exclusions), not by {@code LIKE '%…%'} scanning every row.
 */
public abstract class RecordIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordIndex.class);

    /** One row's searchable text and the values a filter can restrict on. */
    public record Row(long id, String code, Integer day, String text) {
    }

    private final String name;
    private final String table;
    private final Path dir;
    protected final JdbcClient jdbc;
    private final DataChanged.Dataset dataset;
    private final UserText userText = new UserText(new SpanishAnalyzer(), new String[]{"text"}, new float[]{1f}, "code");
    private ExecutorService indexer;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile boolean running;
    /**
     * The id sets of recent text filters, valid until the index changes: one Monitor summary joins the same set in a
     * dozen queries (totals, series, tops, mixes, the previous period), and fifty open Monitors ask the same words.
     */
    private final java.util.Map<String, Match> recent = new java.util.concurrent.ConcurrentHashMap<>();

    /** One text filter's ids, and the same as JSON once a caller asked for it (a grid asks again for every page). */
    private static final class Match {
        final long[] ids;
        volatile String json;

        Match(long[] ids) {
            this.ids = ids;
        }
    }
    private static final int RECENT_MAX = 64;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** {@code table} has a unique {@code code} column; the index lives in {@code dataDir/index/name}. */
    protected RecordIndex(String name, String table, Path dataDir, DataChanged.Dataset dataset, JdbcClient jdbc) {
        this.name = name;
        this.table = table;
        this.dir = dataDir.resolve("index").resolve(name);
        this.dataset = dataset;
        this.jdbc = jdbc;
    }

    /** The searchable text of these rows. */
    protected abstract List<Row> rows(List<String> codes);

    /** Rows stored in the database: an index holding another number is stale. */
    private int storedCount() {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private List<String> codesAfter(String after, int limit) {
        return jdbc.sql("SELECT code FROM " + table + " WHERE code > :after ORDER BY code LIMIT :limit")
                .param("after", after).param("limit", limit).query(String.class).list();
    }

    @Override
    public void start() {
        indexer = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name(name + "-indexer").daemon(true)
                .unstarted(r));
        try {
            Files.createDirectories(dir);
            writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new SpanishAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(32));
            searchers = new SearcherManager(writer, null);
            running = true;
            int indexed = writer.getDocStats().numDocs;
            int stored = storedCount();
            if (indexed != stored) {
                log.info("The {} index holds {} of {} rows: rebuilding it from the database", name, indexed, stored);
                indexer.execute(this::rebuild);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + name + " index at " + dir, e);
        }
    }

    @Override
    public void stop() {
        running = false;
        indexer.shutdown();
        try {
            indexer.awaitTermination(10, TimeUnit.SECONDS);
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException | InterruptedException e) {
            log.warn("Closing the {} index: {}", name, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @EventListener
    void on(DataChanged event) {
        if (event.dataset() == dataset && running && !event.isEmpty()) {
            List<String> codes = new ArrayList<>(event.added());
            codes.addAll(event.changed());
            try {
                indexer.execute(() -> index(codes));
            } catch (RejectedExecutionException stopping) {
                // stopping: the next start finds the index stale and rebuilds it
            }
        }
    }

    void rebuild() {
        try {
            writer.deleteAll();
            String after = "";
            int n = 0;
            while (running) {
                List<String> codes = codesAfter(after, 5_000);
                if (codes.isEmpty()) {
                    break;
                }
                for (Row row : rows(codes)) {
                    writer.addDocument(document(row));
                }
                n += codes.size();
                after = codes.getLast();
            }
            writer.commit();
            searchers.maybeRefresh();
            generation.incrementAndGet();
            recent.clear();
            log.info("The {} index was rebuilt: {} rows", name, n);
        } catch (IOException e) {
            log.error("Rebuilding the {} index failed", name, e);
        }
    }

    void index(List<String> codes) {
        try {
            for (int from = 0; from < codes.size(); from += 1_000) {
                for (Row row : rows(codes.subList(from, Math.min(codes.size(), from + 1_000)))) {
                    writer.updateDocument(new Term("code", row.code()), document(row));
                }
            }
            writer.commit();
            searchers.maybeRefresh();
            generation.incrementAndGet();
            recent.clear();
        } catch (IOException e) {
            log.error("Indexing {} rows of {} failed", codes.size(), name, e);
        }
    }

    /** Waits until every queued update is searchable: for tests and benchmarks. */
    public void awaitIndexed() {
        try {
            indexer.submit(() -> { }).get();
            searchers.maybeRefreshBlocking();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
     * The ids of every row whose text matches what the user typed, within the given days (either may be null), as a
     * JSON array for {@code id IN (SELECT value FROM json_each(:ids))}. Blank text matches nothing here: callers do
     * not filter then.
     */
    public String matchingIds(String text, Integer fromDay, Integer toDay) {
        Match match = match(text, fromDay, toDay);
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
        return match(text, fromDay, toDay).ids;
    }

    private Match match(String text, Integer fromDay, Integer toDay) {
        String key = fromDay + "|" + toDay + "|" + text;
        Match cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Match match = new Match(search(text, fromDay, toDay));
        if (recent.size() >= RECENT_MAX) {
            recent.clear();
        }
        if (generation.get() == before) {
            recent.put(key, match);
        }
        return match;
    }

    private long[] search(String text, Integer fromDay, Integer toDay) {
        Query words = userText.query(text);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, words instanceof MatchAllDocsQuery
                ? Occur.FILTER : Occur.MUST);
        if (fromDay != null || toDay != null) {
            b.add(IntPoint.newRangeQuery("day", fromDay == null ? Integer.MIN_VALUE : fromDay,
                    toDay == null ? Integer.MAX_VALUE : toDay), Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.search(b.build(), new CollectorManager<IdCollector, long[]>() {
                    @Override
                    public IdCollector newCollector() {
                        return new IdCollector();
                    }

                    @Override
                    public long[] reduce(java.util.Collection<IdCollector> collectors) {
                        long[] all = new long[collectors.stream().mapToInt(c -> c.size).sum()];
                        int at = 0;
                        for (IdCollector c : collectors) {
                            System.arraycopy(c.ids, 0, all, at, c.size);
                            at += c.size;
                        }
                        return all;
                    }
                });
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Searching the " + name + " index failed", e);
        }
    }

    /** Reads the row id of every match from doc values, no scoring. */
    private static final class IdCollector extends SimpleCollector {
        long[] ids = new long[1_024];
        int size;
        private NumericDocValues values;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getNumeric(context.reader(), "id");
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                if (size == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, size * 2);
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
