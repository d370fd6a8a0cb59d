package cl.andesops.tenders;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * A page of tender hits as the list shows them: each document read once, its name and description highlighted from
 * the offsets the index keeps.
 * <p>
 * The typed word a search also takes as a prefix (the last one) would make the highlighter analyse every hit's text
 * again into a memory index (Lucene does so for any prefix query): 36 % of a common word's search at a million
 * tenders (#29's profile). The highlighter is given the prefix as its most frequent words instead
 * ({@value #PREFIX_WORDS} of at most {@value #PREFIX_SCAN} read), so it reads the offsets stored with the postings;
 * a hit that matched only through a rarer word of the prefix shows its text unmarked.
 */
final class TenderHits {

    static final int PREFIX_WORDS = 64;
    static final int PREFIX_SCAN = 20_000;
    private static final String[] HIGHLIGHTED = {"name", "description"};

    private TenderHits() {
    }

    /** A page of hits as they are, unmarked: for a file or the API, which show no highlighting. */
    static List<TenderHit> plain(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
        return of(searcher, null, null, page);
    }

    /**
     * A page of hits with the words of the query marked; {@code highlight} is {@link #highlightQuery} of it, built
     * once per search.
     */
    static List<TenderHit> of(IndexSearcher searcher, Analyzer analyzer, Query highlight, ScoreDoc[] page)
            throws IOException {
        List<TenderHit> out = new ArrayList<>();
        if (page.length == 0) {
            return out;
        }
        Map<Integer, Document> docs = new HashMap<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : page) {
            docs.put(sd.doc, stored.document(sd.doc));
        }
        Map<String, String[]> highlights = highlight == null ? Map.of()
                : highlight(searcher, analyzer, highlight, page, docs);
        for (int i = 0; i < page.length; i++) {
            Document d = docs.get(page[i].doc);
            String name = d.get("name");
            String[] names = highlights.get("name");
            String[] snippets = highlights.get("description");
            String nameHtml = names != null && names[i] != null ? names[i] : escape(name);
            String snippet = snippets != null && snippets[i] != null ? snippets[i]
                    : escape(abbreviate(d.get("description"), 220));
            Number amount = d.getField("amount_s") == null ? null : d.getField("amount_s").numericValue();
            long closes = d.getField("closes_s").numericValue().longValue();
            long published = d.getField("published_s").numericValue().longValue();
            out.add(new TenderHit(d.get("code"), name, nameHtml, snippet, d.get("buyer"), d.get("buyer_code"),
                    d.get("region_s"), d.get("state_s"), d.get("type_s"),
                    amount == null ? null : BigDecimal.valueOf(amount.longValue()),
                    closes == Long.MAX_VALUE ? null : Instant.ofEpochMilli(closes),
                    published == 0 ? null : Instant.ofEpochMilli(published)));
        }
        return out;
    }

    private static Map<String, String[]> highlight(IndexSearcher searcher, Analyzer analyzer, Query highlight,
                                                   ScoreDoc[] page, Map<Integer, Document> docs) throws IOException {
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withHighlightPhrasesStrictly(false)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator it, int threshold)
                    throws IOException {
                // the documents just read, not a second read of the same stored fields
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    Document d = docs.get(doc);
                    CharSequence[] v = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String s = d == null ? null : d.get(fields[f]);
                        v[f] = s == null || s.length() <= DEFAULT_MAX_LENGTH ? s : s.substring(0, DEFAULT_MAX_LENGTH);
                    }
                    values.add(v);
                }
                return values;
            }
        };
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        return highlighter.highlightFields(HIGHLIGHTED, highlight, pageDocs, new int[]{1, 2});
    }

    /**
     * The query the highlighter is given: the search's, with each prefix on a highlighted field replaced by its most
     * frequent words, and the prefixes on the other fields (items, buyer), which nothing marks, left out.
     */
    static Query highlightQuery(Query q, IndexReader reader) throws IOException {
        if (q instanceof PrefixQuery p) {
            return List.of(HIGHLIGHTED).contains(p.getPrefix().field()) ? words(p.getPrefix(), reader)
                    : new MatchNoDocsQuery();
        }
        if (q instanceof BoostQuery b) {
            Query inner = highlightQuery(b.getQuery(), reader);
            return inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                    bq.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause c : bq.clauses()) {
                Query inner = highlightQuery(c.query(), reader);
                changed |= inner != c.query();
                out.add(inner, c.occur());
            }
            return changed ? out.build() : bq;
        }
        return q;
    }

    private record Word(BytesRef term, int docFreq) {
    }

    private static Query words(Term prefix, IndexReader reader) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, prefix.field());
        if (terms == null) {
            return new MatchNoDocsQuery();
        }
        PriorityQueue<Word> top = new PriorityQueue<>(Comparator.comparingInt(Word::docFreq));
        TermsEnum te = terms.iterator();
        BytesRef start = prefix.bytes();
        if (te.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return new MatchNoDocsQuery();
        }
        int scanned = 0;
        for (BytesRef t = te.term(); t != null && scanned < PREFIX_SCAN && startsWith(t, start); t = te.next()) {
            scanned++;
            int df = te.docFreq();
            if (top.size() < PREFIX_WORDS) {
                top.add(new Word(BytesRef.deepCopyOf(t), df));
            } else if (df > top.peek().docFreq()) {
                top.poll();
                top.add(new Word(BytesRef.deepCopyOf(t), df));
            }
        }
        if (top.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Word w : top) {
            any.add(new TermQuery(new Term(prefix.field(), w.term())),
                    Occur.SHOULD);
        }
        return any.build();
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        if (term.length < prefix.length) {
            return false;
        }
        return java.util.Arrays.equals(term.bytes, term.offset, term.offset + prefix.length, prefix.bytes,
                prefix.offset, prefix.offset + prefix.length);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max).strip() + " …";
    }
}
