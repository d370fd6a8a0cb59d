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
        Set<String> out = new LinkedHashSet<>();
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

    /** Collects the codes of the hits, by document number. */
    private final class Hits extends org.apache.lucene.search.SimpleCollector {
        private final Set<String> out;
        private int base;

        Hits(Set<String> out) {
            this.out = out;
        }

        @Override
        protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void collect(int doc) {
            synchronized (out) {
                out.add(codes[base + doc]);
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
