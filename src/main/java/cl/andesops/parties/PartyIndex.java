package cl.andesops.parties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cl.andesops.compraagil.CompraAgilPartyQueries;
import cl.andesops.orders.OrderPartyQueries;
import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.format.PartyKeys.Kind;
import cl.andesops.shared.format.PartyKeys.Named;
import cl.andesops.shared.format.PartyKeys.Rows;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.search.ManagedIndex;
import cl.andesops.shared.search.SpanishAnalyzer;
import cl.andesops.tenders.TenderPartyQueries;

/**
 * The party search: every buyer, supplier and product name any record gave, one Lucene document per (party, name),
 * found by the same analysis as the tender search, or by its key (an organism or product code, a RUT in any
 * spelling). Derived from the three datasets and kept by their data versions, recorded in its commit: a commit of a
 * dataset reads the names of the rows it stamped, off the sync's thread; a new index, or one of another layout,
 * reads every table a window of ids at a time.
 */
@Component
public class PartyIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartyIndex.class);
    /**
     * The documents' layout; a change rebuilds the index at the next start. The {@code spelling} term added later
     * needs none: a document without it is not found held, so it is written again (with it) the first time a commit
     * gives its name, as every name was before.
     */
    static final String LAYOUT = "parties-1";
    private static final long WINDOW = 20_000;
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A party found: what it is, its key, the name that matched and its profile (relative to the root). */
    public record Hit(Kind kind, String key, String name,
                      @tools.jackson.databind.annotation.JsonSerialize(using = cl.andesops.shared.format.SitePath.class)
                      String path) {
    }

    private final OrderPartyQueries orders;
    private final TenderPartyQueries tenders;
    private final CompraAgilPartyQueries compraAgil;
    private final DataVersions versions;
    private final Path dir;
    private final Map<Dataset, Long> indexed = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ExecutorService indexer;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile boolean running;
    private volatile boolean building;
    private long committedAt = System.nanoTime();

    PartyIndex(OrderPartyQueries orders, TenderPartyQueries tenders,
               CompraAgilPartyQueries compraAgil, DataVersions versions, StorageProperties storage) {
        this.orders = orders;
        this.tenders = tenders;
        this.compraAgil = compraAgil;
        this.versions = versions;
        this.dir = storage.dataDir().resolve("index").resolve("parties");
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    public void start() {
        indexer = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("party-indexer").daemon(true)
                .unstarted(r));
        try {
            Files.createDirectories(dir);
            FSDirectory directory = FSDirectory.open(dir);
            Map<String, String> committed = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            boolean fresh = !LAYOUT.equals(committed.get("layout"));
            for (Dataset d : Dataset.values()) {
                long v = fresh ? -1 : parse(committed.get(d.name()));
                indexed.put(d, v > versions.current(d) ? -1 : v); // ahead of the database: another database
            }
            fresh |= indexed.containsValue(-1L);
            writer = new IndexWriter(directory, new IndexWriterConfig(new SpanishAnalyzer()).setRAMBufferSizeMB(32)
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            if (fresh) {
                indexed.replaceAll((d, v) -> -1L);
            }
            searchers = new SearcherManager(writer, null);
            running = true;
            queue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the party index at " + dir, e);
        }
    }

    @Override
    public void stop() {
        running = false;
        ExecutorService e = indexer;
        if (e == null) {
            return;
        }
        e.shutdown();
        try {
            e.awaitTermination(10, TimeUnit.SECONDS);
            searchers.close();
            writer.close();
        } catch (IOException | InterruptedException ex) {
            log.warn("Closing the party index: {}", ex.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return ManagedIndex.PHASE;
    }

    @EventListener
    void on(DataChanged event) {
        if (running && (!event.isEmpty() || event.fromOtherNode())) {
            queue();
        }
    }

    private void queue() {
        if (queued.compareAndSet(false, true)) {
            try {
                indexer.execute(() -> {
                    queued.set(false);
                    catchUp();
                });
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    /** Reads the names each dataset stamped since the version the index reflects (all of them when it is new). */
    private void catchUp() {
        try {
            boolean changed = false;
            for (Dataset d : Dataset.values()) {
                long target = versions.current(d);
                long at = indexed.get(d);
                if (target == at || !running) {
                    continue;
                }
                if (at < 0) {
                    building = true;
                    long t0 = System.nanoTime();
                    long max = maxId(d);
                    for (long lo = 0; lo < max && running; lo += WINDOW) {
                        names(d, Rows.ids(lo, lo + WINDOW), this::put);
                    }
                    log.info("The party index read the names of {} in {} ms", d, (System.nanoTime() - t0) / 1_000_000);
                } else {
                    // the names the stamped rows give are mostly already here, spelled the same: only the others
                    // are written (each write deletes a document and adds one, for the merges to clean up)
                    searchers.maybeRefreshBlocking(); // every earlier write visible: none is taken as still held
                    IndexSearcher held = searchers.acquire();
                    try {
                        Held spelled = new Held(held);
                        names(d, Rows.since(at), n -> {
                            if (!spelled.holds(n)) {
                                put(n);
                            }
                        });
                    } finally {
                        searchers.release(held);
                    }
                }
                if (!running) {
                    return; // not recorded: the next start reads again
                }
                indexed.put(d, target);
                changed = true;
            }
            if (changed) {
                Map<String, String> data = new HashMap<>();
                data.put("layout", LAYOUT);
                indexed.forEach((d, v) -> data.put(d.name(), Long.toString(v)));
                writer.setLiveCommitData(data.entrySet());
                if (building) {
                    writer.forceMerge(1);
                }
                if (building || System.nanoTime() - committedAt >= COMMIT_EVERY_NANOS) {
                    writer.commit();
                    committedAt = System.nanoTime();
                }
                searchers.maybeRefresh();
            }
            building = false;
        } catch (IOException | RuntimeException e) {
            log.error("Updating the party index failed: the next commit or start tries again", e);
        }
    }

    private long maxId(Dataset d) {
        return switch (d) {
            case ORDERS -> orders.maxId();
            case TENDERS -> tenders.maxId();
            case COMPRA_AGIL -> compraAgil.maxId();
        };
    }

    private void names(Dataset d, Rows rows, Consumer<Named> each) {
        switch (d) {
            case ORDERS -> orders.names(rows, each);
            case TENDERS -> tenders.names(rows, each);
            case COMPRA_AGIL -> compraAgil.names(rows, each);
        }
    }

    /** Told of each name written (on the indexer's thread): for tests. */
    volatile Consumer<Named> onWrite = n -> { };

    /** One document per party and spelling of its name: a name seen again replaces itself. */
    void put(Named n) {
        onWrite.accept(n);
        try {
            writer.updateDocument(PartyDocs.id(n), PartyDocs.document(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a searcher's live documents hold a name in this spelling: a term looked up in each segment (no search,
     * no stored field read). The searcher is the one of the last catch-up, which made every earlier write visible.
     */
    private static final class Held {
        private final List<org.apache.lucene.index.LeafReader> leaves = new ArrayList<>();
        private final List<org.apache.lucene.index.TermsEnum> terms = new ArrayList<>();
        private org.apache.lucene.index.PostingsEnum postings;

        Held(IndexSearcher searcher) throws IOException {
            for (var leaf : searcher.getIndexReader().leaves()) {
                org.apache.lucene.index.Terms t = leaf.reader().terms("spelling");
                if (t != null) {
                    leaves.add(leaf.reader());
                    terms.add(t.iterator());
                }
            }
        }

        boolean holds(Named n) {
            org.apache.lucene.util.BytesRef spelling = PartyDocs.spelling(n).bytes();
            try {
                for (int i = 0; i < leaves.size(); i++) {
                    if (terms.get(i).seekExact(spelling)) {
                        postings = terms.get(i).postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                        org.apache.lucene.util.Bits live = leaves.get(i).getLiveDocs();
                        for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                             doc = postings.nextDoc()) {
                            if (live == null || live.get(doc)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits until every queued update is searchable: for tests and benchmarks. */
    public void awaitIndexed() {
        try {
            queue();
            indexer.submit(() -> { }).get();
            searchers.maybeRefreshBlocking();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documents (a party under each of its names) the index holds. */
    public int count() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Commits what {@link #put} added, merged as a new index is: for the benchmark that fills it by hand. */
    void commitForBench() throws IOException {
        writer.forceMerge(1);
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    // ---- searching ---------------------------------------------------------------------------------------

    /** Whether the index is reading every table (a new index): a search may miss parties until it is done. */
    public boolean building() {
        return building || indexed.containsValue(-1L);
    }

    /** Every spelling of a party's name any record gave (at most {@code limit}), in no particular order. */
    public List<String> names(Kind kind, String key, int limit) {
        return read(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(PartyDocs.party(kind, key), limit).scoreDocs) {
                out.add(stored.document(sd.doc).get("name"));
            }
            return out;
        });
    }

    /** Whether any record named a party of this kind with this key. */
    public boolean known(Kind kind, String key) {
        return read(searcher -> searcher.count(PartyDocs.party(kind, key)) > 0);
    }

    /**
     * The parties whose key is the text (a code, a RUT in any spelling) or whose names match its words, best first,
     * each party once with the name that matched best; {@code kind} null for every kind.
     */
    public List<Hit> search(String text, Kind kind, int limit) {
        Query q = PartyDocs.query(text, kind);
        if (q == null || limit <= 0 || searchers == null) {
            return List.of();
        }
        return read(searcher -> {
            Map<String, Hit> out = new LinkedHashMap<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q, limit * 4).scoreDocs) {
                Hit hit = PartyDocs.hit(stored.document(sd.doc));
                out.putIfAbsent(hit.kind() + ":" + hit.key(), hit);
                if (out.size() == limit) {
                    break;
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    /** A read of the newest searcher. */
    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> r) {
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return r.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the party index failed", e);
        }
    }

    private static long parse(String v) {
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
