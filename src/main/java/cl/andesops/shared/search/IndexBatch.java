package cl.andesops.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A few rows indexed in memory exactly as a {@link ManagedIndex} holds them (the same documents and analysis), so that
 * the screens' queries say which of them they match without a search of the whole index per query: what an alert
 * asks of the records a commit changed. Close it when done.
 */
public final class IndexBatch implements AutoCloseable {

    private static final String CODE = "batch_code";

    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int size;
    private final String[] codes;

    IndexBatch(List<ManagedIndex.Doc> docs, org.apache.lucene.analysis.Analyzer analyzer) {
        try {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (ManagedIndex.Doc d : docs) {
                    Document doc = new Document();
                    for (IndexableField f : d.fields()) {
                        doc.add(f);
                    }
                    doc.add(new StoredField(CODE, d.code()));
                    w.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null); // thrown away after one commit: nothing to gain from caching its queries
            size = docs.size();
            // each row's code by document number, read once: a query's hits are then numbers, not stored reads
            codes = new String[reader.maxDoc()];
            var stored = reader.storedFields();
            for (int doc = 0; doc < codes.length; doc++) {
                codes[doc] = stored.document(doc, Set.of(CODE)).get(CODE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Indexing a batch of records in memory failed", e);
        }
    }

    /** The codes of the rows the query matches. */
    public Set<String> codes(Query query) {
        return codes(docs(query));
    }

    /** Every row, as document numbers. */
    public java.util.BitSet all() {
        java.util.BitSet b = new java.util.BitSet(codes.length);
        b.set(0, codes.length);
        return b;
    }

    /** The codes of these document numbers. */
    public Set<String> codes(java.util.BitSet docs) {
        Set<String> out = new LinkedHashSet<>();
        for (int d = docs.nextSetBit(0); d >= 0; d = docs.nextSetBit(d + 1)) {
            out.add(codes[d]);
        }
        return out;
    }

    /**
     * The rows the query matches, as document numbers: a part of many searches (their words, a facet's values) is
     * run once and the searches combine the parts' sets.
     */
    public java.util.BitSet docs(Query query) {
        java.util.BitSet out = new java.util.BitSet(codes.length);
        if (size == 0) {
            return out;
        }
        try {
            // every hit, unscored, in one pass
            searcher.search(query, new org.apache.lucene.search.CollectorManager<Hits, Void>() {
                @Override
                public Hits newCollector() {
                    return new Hits(out);
                }

                @Override
                public Void reduce(java.util.Collection<Hits> collectors) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Searching a batch of records failed", e);
        }
        return out;
    }

    /** Collects the hits' document numbers. */
    private static final class Hits extends org.apache.lucene.search.SimpleCollector {
        private final java.util.BitSet out;
        private int base;

        Hits(java.util.BitSet out) {
            this.out = out;
        }

        @Override
        protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void collect(int doc) {
            synchronized (out) {
                out.set(base + doc);
            }
        }

        @Override
        public org.apache.lucene.search.ScoreMode scoreMode() {
            return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
        } catch (IOException e) {
            // in memory: nothing to lose
        }
    }
}
