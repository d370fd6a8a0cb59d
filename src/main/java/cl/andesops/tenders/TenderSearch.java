package cl.andesops.tenders;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.search.ManagedIndex;
import cl.andesops.shared.search.SpanishAnalyzer;
import cl.andesops.shared.search.UserText;

/**
 * Full-text tender search on a {@link ManagedIndex} of the tenders: BM25 top-k over name, items, description and
 * buyer with Spanish analysis, facet counts that follow the query, highlighting and more-like-this. Whatever a user
 * types gives results or an empty list, never an error.
 */
@Service
public class TenderSearch extends ManagedIndex {

    private static final String[] TEXT_FIELDS = {"name", "items", "description", "buyer"};
    private static final float[] BOOSTS = {3f, 1.5f, 1f, 1f};

    private final TenderQueries queries;
    private final Clock clock;
    private final Analyzer analyzer;
    private final UserText text;
    private final FacetsConfig facets = new FacetsConfig();
    /** Facet ordinals of the current reader: costly to build, so built once per refresh and shared. */
    private volatile DefaultSortedSetDocValuesReaderState facetState;

    /** Stored and indexed with offsets, so the highlighter reads where the words are instead of analysing again. */
    private static final org.apache.lucene.document.FieldType TEXT_WITH_OFFSETS;

    static {
        TEXT_WITH_OFFSETS = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        TEXT_WITH_OFFSETS.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    TenderSearch(TenderQueries queries, Clock clock, StorageProperties storage, JdbcClient jdbc,
                 DataVersions versions) {
        // the layout names what the documents hold: name and description with offsets for the highlighter, and
        // (offsets-2) the buyer's code, so a hit's buyer links to its profile
        super("tenders", "offsets-2", "tender", DataChanged.Dataset.TENDERS, new SpanishAnalyzer(), storage.dataDir(),
                List.of("tenders-2"), jdbc, versions);
        this.queries = queries;
        this.clock = clock;
        this.analyzer = analyzer();
        this.text = new UserText(analyzer, TEXT_FIELDS, BOOSTS, "code");
        facets.setMultiValued("category", true);
    }

    @Override
    protected List<Doc> documents(List<Long> ids) {
        List<Doc> docs = new ArrayList<>();
        for (TenderQueries.IndexRow row : queries.indexRows(ids)) {
            try {
                docs.add(new Doc(row.code(), facets.build(document(row))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    private Document document(TenderQueries.IndexRow r) {
        Document d = new Document();
        d.add(new StringField("code", r.code(), Field.Store.YES));
        d.add(new Field("name", r.name(), TEXT_WITH_OFFSETS));
        d.add(new Field("description", r.description(), TEXT_WITH_OFFSETS));
        d.add(new TextField("items", r.items(), Field.Store.NO));
        if (r.buyer() != null) {
            d.add(new TextField("buyer", r.buyer(), Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField("buyer", r.buyer()));
        }
        if (r.buyerCode() != null) {
            d.add(new StoredField("buyer_code", r.buyerCode()));
        }
        facet(d, "state", r.state());
        facet(d, "type", r.type());
        facet(d, "region", r.region());
        for (String c : r.categories()) {
            d.add(new SortedSetDocValuesFacetField("category", c));
        }
        if (r.amount() != null) {
            d.add(new NumericDocValuesField("amount", r.amount()));
            d.add(new LongPoint("amount_p", r.amount()));
            d.add(new StoredField("amount_s", r.amount()));
        }
        long closes = r.closesAt() == null ? Long.MAX_VALUE : r.closesAt();
        d.add(new NumericDocValuesField("closes", closes));
        d.add(new LongPoint("closes_p", closes));
        d.add(new StoredField("closes_s", closes));
        long published = r.publishedAt() == null ? 0 : r.publishedAt();
        d.add(new NumericDocValuesField("published", published));
        d.add(new StoredField("published_s", published));
        return d;
    }

    private static void facet(Document d, String dim, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new SortedSetDocValuesFacetField(dim, value));
            d.add(new StoredField(dim + "_s", value));
        }
    }

    // ---- search ------------------------------------------------------------------------------------------

    public TenderResults search(TenderQuery q, int offset, int limit) {
        IndexSearcher searcher = acquire();
        try {
            Query query = query(q);
            int n = Math.max(1, Math.min(offset + limit, MAX_RANKED));
            FacetsCollectorManager.FacetsResult result = sort(q) == null
                    ? FacetsCollectorManager.search(searcher, query, n, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, n, sort(q), new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            long total = 0;
            for (FacetsCollector.MatchingDocs m : result.facetsCollector().getMatchingDocs()) {
                total += m.totalHits();
            }
            ScoreDoc[] page = top.scoreDocs.length <= offset ? new ScoreDoc[0]
                    : java.util.Arrays.copyOfRange(top.scoreDocs, offset, Math.min(top.scoreDocs.length, offset + limit));
            List<TenderHit> hits = page.length == 0 ? List.of() : TenderHits.of(searcher, analyzer,
                    TenderHits.highlightQuery(query, searcher.getIndexReader()), page);
            return new TenderResults(hits, total, facets(searcher, result.facetsCollector()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * A page of a query's hits and their exact total, as {@link #search} ranks and counts them, without what only the
     * screen shows (the facet counts, the marked words): for the API.
     */
    public TenderResults list(TenderQuery q, int offset, int limit) {
        IndexSearcher searcher = acquire();
        try {
            Query query = query(q);
            int n = Math.max(1, Math.min(offset + limit, MAX_RANKED));
            TopDocs top = sort(q) == null
                    ? searcher.search(query, new org.apache.lucene.search.TopScoreDocCollectorManager(n,
                    Integer.MAX_VALUE))
                    : searcher.search(query, new org.apache.lucene.search.TopFieldCollectorManager(sort(q), n,
                    Integer.MAX_VALUE));
            ScoreDoc[] page = top.scoreDocs.length <= offset ? new ScoreDoc[0]
                    : java.util.Arrays.copyOfRange(top.scoreDocs, offset, Math.min(top.scoreDocs.length, offset + limit));
            return new TenderResults(TenderHits.plain(searcher, page), top.totalHits.value(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The most hits a search ranks (and a file of them holds). */
    public static final int MAX_RANKED = 10_000;

    /**
     * The hits of a query in the order the screen shows them, at most {@code limit} and never more than
     * {@value #MAX_RANKED}, given in pages of 500 to {@code each} (for a file of the results).
     *
     * @return how many hits were given
     */
    public long forEach(TenderQuery q, long limit, java.util.function.Consumer<TenderHit> each) {
        IndexSearcher searcher = acquire();
        try {
            Query query = query(q);
            int n = (int) Math.max(1, Math.min(limit, MAX_RANKED));
            TopDocs top = sort(q) == null ? searcher.search(query, n) : searcher.search(query, n, sort(q));
            long given = 0;
            for (int from = 0; from < top.scoreDocs.length; from += 500) {
                ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from,
                        Math.min(top.scoreDocs.length, from + 500));
                // a file shows no marked words: its hits are not highlighted
                for (TenderHit hit : TenderHits.plain(searcher, page)) {
                    each.accept(hit);
                    given++;
                }
            }
            return given;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Codes of the tenders most like this one (more-like-this over name, items and description). */
    public List<TenderRow> similar(String code, int n) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term("code", code)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[]{"name", "description"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            Query like = mlt.like("name", new StringReader(doc.get("name") + " " + doc.get("name") + " "
                    + doc.get("description")));
            BooleanQuery q = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(new TermQuery(new Term("code", code)), Occur.MUST_NOT).build();
            List<String> codes = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                codes.add(searcher.storedFields().document(sd.doc).get("code"));
            }
            return queries.rows(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The full query: the text, AND the facet selections. */
    Query query(TenderQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query text = textQuery(q.text());
        b.add(text, text instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST);
        filter(b, "state", q.states());
        filter(b, "type", q.types());
        filter(b, "region", q.regions());
        filter(b, "buyer", q.buyers());
        filter(b, "category", q.categories());
        Query closing = q.closing() == null ? null : closingQuery(q.closing());
        if (closing != null) {
            b.add(closing, Occur.FILTER);
        }
        Query amount = q.amount() == null ? null : amountQuery(q.amount());
        if (amount != null) {
            b.add(amount, Occur.FILTER);
        }
        return b.build();
    }

    private void filter(BooleanQuery.Builder b, String dim, Set<String> values) {
        if (!values.isEmpty()) {
            b.add(facetQuery(dim, values), Occur.FILTER);
        }
    }

    /** The tenders with any of these values of a facet. */
    Query facetQuery(String dim, Set<String> values) {
        String field = facets.getDimConfig(dim).indexFieldName;
        List<BytesRef> terms = values.stream()
                .map(v -> org.apache.lucene.facet.DrillDownQuery.term(field, dim, v).bytes()).toList();
        return new TermInSetQuery(field, terms);
    }

    /** The tenders closing in a window of {@link TenderWindows#CLOSING} now, or null when it bounds nothing. */
    Query closingQuery(String closing) {
        long[] range = TenderWindows.closing(closing, clock.instant());
        return range == null ? null : LongPoint.newRangeQuery("closes_p", range[0], range[1]);
    }

    /** The tenders in an amount window of {@link TenderWindows#AMOUNTS}, or null when it bounds nothing. */
    Query amountQuery(String amount) {
        long[] range = TenderWindows.amount(amount);
        return range == null ? null : LongPoint.newRangeQuery("amount_p", range[0], range[1]);
    }

    /** The user's words as a Lucene query over the tender's text fields ({@link UserText}). */
    Query textQuery(String input) {
        return text.query(input);
    }

    private static Sort sort(TenderQuery q) {
        return switch (q.order()) {
            case RELEVANCE -> null;
            case CLOSING -> new Sort(new SortField("closes", SortField.Type.LONG));
            case PUBLISHED -> new Sort(new SortField("published", SortField.Type.LONG, true));
            case AMOUNT -> {
                SortField f = new SortField("amount", SortField.Type.LONG, true);
                f.setMissingValue(Long.MIN_VALUE);
                yield new Sort(f);
            }
        };
    }

    /** The query the highlighter is given for a search ({@link TenderHits#highlightQuery}). */
    Query highlightQuery(TenderQuery q) {
        IndexSearcher searcher = acquire();
        try {
            return TenderHits.highlightQuery(query(q), searcher.getIndexReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private Map<String, List<TenderResults.FacetCount>> facets(IndexSearcher searcher, FacetsCollector fc)
            throws IOException {
        Map<String, List<TenderResults.FacetCount>> out = new LinkedHashMap<>();
        if (searcher.getIndexReader().numDocs() == 0) {
            return out;
        }
        SortedSetDocValuesFacetCounts counts;
        try {
            DefaultSortedSetDocValuesReaderState state = facetState;
            if (state == null || state.getReader() != searcher.getIndexReader()) {
                state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
                facetState = state;
            }
            counts = new SortedSetDocValuesFacetCounts(state, fc);
        } catch (IllegalArgumentException noFacetsYet) {
            return out;
        }
        for (String dim : List.of("state", "type", "region", "buyer", "category")) {
            FacetResult r;
            try {
                r = counts.getTopChildren(dim.equals("state") || dim.equals("type") ? 20 : 12, dim);
            } catch (IllegalArgumentException missingDim) {
                r = null;
            }
            List<TenderResults.FacetCount> values = new ArrayList<>();
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.add(new TenderResults.FacetCount(lv.label, dim.equals("region")
                            ? cl.andesops.shared.format.Formats.regionShort(lv.label) : lv.label,
                            lv.value.longValue()));
                }
            }
            out.put(dim, values);
        }
        LongRange[] closing = TenderWindows.closingRanges(clock.instant());
        LongRangeFacetCounts closingCounts = new LongRangeFacetCounts("closes", fc, closing);
        List<TenderResults.FacetCount> closingValues = new ArrayList<>();
        for (LabelAndValue lv : closingCounts.getAllChildren("closes").labelValues) {
            closingValues.add(new TenderResults.FacetCount(lv.label, lv.label, lv.value.longValue()));
        }
        out.put("closing", closingValues);
        LongRangeFacetCounts amountCounts = new LongRangeFacetCounts("amount", fc, TenderWindows.amountRanges());
        List<TenderResults.FacetCount> amountValues = new ArrayList<>();
        for (LabelAndValue lv : amountCounts.getAllChildren("amount").labelValues) {
            amountValues.add(new TenderResults.FacetCount(lv.label, lv.label, lv.value.longValue()));
        }
        out.put("amount", amountValues);
        return out;
    }

    /** The closing-date keys, in the order a screen lists them. */
    public static final List<String> CLOSING = TenderWindows.CLOSING;
}
