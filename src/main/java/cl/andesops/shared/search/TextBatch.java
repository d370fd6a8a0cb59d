package cl.andesops.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * A few rows of a {@link RecordIndex} indexed in memory as it holds them ({@link RecordIndex#batch}), searchable by the
 * screens' text filters.
 */
public final class TextBatch implements AutoCloseable {
    private final org.apache.lucene.store.ByteBuffersDirectory dir;
    private final org.apache.lucene.index.DirectoryReader reader;
    private final IndexSearcher searcher;
    private final UserText userText;

    TextBatch(org.apache.lucene.store.ByteBuffersDirectory dir, UserText userText) throws IOException {
        this.dir = dir;
        this.reader = org.apache.lucene.index.DirectoryReader.open(dir);
        this.searcher = new IndexSearcher(reader);
        this.userText = userText;
    }

    /** The ids of the rows whose text matches what a person typed, as the screen's text filter would. */
    public java.util.Set<Long> matching(String text) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        try {
            searcher.search(userText.query(text), new CollectorManager<SimpleCollector, Void>() {
                @Override
                public SimpleCollector newCollector() {
                    return new SimpleCollector() {
                        private NumericDocValues values;

                        @Override
                        protected void doSetNextReader(LeafReaderContext context) throws IOException {
                            values = DocValues.getNumeric(context.reader(), "id");
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            if (values.advanceExact(doc)) {
                                synchronized (out) {
                                    out.add(values.longValue());
                                }
                            }
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    };
                }

                @Override
                public Void reduce(Collection<SimpleCollector> collectors) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Searching a batch of records failed", e);
        }
        return out;
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
