package cl.andesops.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;

/**
 * An embedded Lucene index of one table, derived from the database, with its whole life in one place: opened at
 * start, rebuilt when it is missing, of another layout or ahead of the database (another database), caught up when
 * it is behind, updated after every commit of its dataset, closed after the sync has stopped. The index records in
 * its commit the data version it reflects ({@link DataVersions}); catching up reads the rows stamped after it, so a
 * missed event, a crash or a restart all end the same way. A rebuilt index is merged into one segment: it is read
 * far more than written. Subclasses give the documents and keep only their queries.
 */
public abstract class ManagedIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManagedIndex.class);
    private static final String LAYOUT = "layout";
    private static final String VERSION = "version";
    private static final int CHUNK = 1_000;
    /**
     * Updates are searchable at once (a near-real-time reader of the writer) and made durable by a commit at most
     * this often: a commit writes and syncs files, and a history import announces a batch every second or so. What a
     * crash loses since the last commit is caught up at the next start, by data version.
     */
    static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Started before the sync and stopped after it (the sync's phase is higher), so no commit goes unindexed. */
    public static final int PHASE = Integer.MAX_VALUE - 200;

    /** One row's document and the code that identifies it in the index. */
    public record Doc(String code, Iterable<? extends IndexableField> fields) {
    }

    private final String name;
    private final String layout;
    private final String table;
    private final DataChanged.Dataset dataset;
    private final Analyzer analyzer;
    private final Path dir;
    private final List<Path> obsolete;
    protected final JdbcClient jdbc;
    private final DataVersions versions;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService indexer;
    /** When the last commit was made ({@code System.nanoTime}), and whether one is scheduled. */
    private long committedAt = System.nanoTime();
    private boolean commitScheduled;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile boolean running;
    private volatile long indexedVersion;

    /**
     * @param name     the folder under {@code dataDir/index} and the indexer thread's name
     * @param layout   what the documents look like: an index written with another layout is rebuilt
     * @param table    the table indexed: an {@code id}, a unique {@code code} and the {@code version} stamp
     * @param obsolete folders of earlier layouts under {@code dataDir/index}, removed at start
     */
    protected ManagedIndex(String name, String layout, String table, DataChanged.Dataset dataset, Analyzer analyzer,
                           Path dataDir, List<String> obsolete, JdbcClient jdbc, DataVersions versions) {
        this.name = name;
        this.layout = layout;
        this.table = table;
        this.dataset = dataset;
        this.analyzer = analyzer;
        this.dir = dataDir.resolve("index").resolve(name);
        this.obsolete = obsolete.stream().map(o -> dataDir.resolve("index").resolve(o)).toList();
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** The documents of these rows (by id); rows that no longer exist are left out. */
    protected abstract List<Doc> documents(List<Long> ids);

    // ---- lifecycle ---------------------------------------------------------------------------------------

    /** Also called again after a stop (tests pause idle contexts), so everything it needs is made here. */
    @Override
    public void start() {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform()
                .name(name + "-indexer").daemon(true).unstarted(r));
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // the writer commits as it closes
        indexer = thread;
        commitScheduled = false;
        try {
            for (Path old : obsolete) {
                if (Files.isDirectory(old)) {
                    log.info("Removing the {} index of an earlier layout at {}", name, old);
                    FileSystemUtils.deleteRecursively(old);
                }
            }
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            Map<String, String> committed = committedData(directory);
            long stored = versions.current(dataset);
            String reason = null;
            if (!layout.equals(committed.get(LAYOUT))) {
                reason = committed.isEmpty() ? "it is new" : "it was written with another layout";
            } else if (parse(committed.get(VERSION)) > stored) {
                reason = "it reflects version " + committed.get(VERSION) + " but the database is at " + stored;
            }
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(32)
                    .setOpenMode(reason == null ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                            : IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
            running = true;
            if (reason != null) {
                indexedVersion = -1;
                log.info("Building the {} index from the database: {}", name, reason);
                indexer.execute(this::rebuild);
            } else {
                indexedVersion = parse(committed.get(VERSION));
                if (indexedVersion < stored) {
                    log.info("The {} index reflects version {} of {}: catching up", name, indexedVersion, stored);
                }
                queueCatchUp();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + name + " index at " + dir, e);
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
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException | InterruptedException ex) {
            log.warn("Closing the {} index: {}", name, ex.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @EventListener
    void on(DataChanged event) {
        if (event.dataset() == dataset && running && (!event.isEmpty() || event.fromOtherNode())
                && event.newerThan(indexedVersion)) {
            queueCatchUp();
        }
    }

    /** One catch-up queued at a time: a burst of commits is read in one pass. */
    private void queueCatchUp() {
        if (catchUpQueued.compareAndSet(false, true)) {
            try {
                indexer.execute(() -> {
                    catchUpQueued.set(false);
                    catchUp();
                });
            } catch (RejectedExecutionException stopping) {
                catchUpQueued.set(false); // stopping: the next start catches up from the version it recorded
            }
        }
    }

    /** Indexes the rows stamped after the version the index reflects, then records the version read first. */
    private void catchUp() {
        if (!running || indexedVersion < 0) {
            return;
        }
        try {
            long target = versions.current(dataset);
            if (target == indexedVersion) {
                return;
            }
            List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE version > :v").param("v", indexedVersion)
                    .query(Long.class).list();
            for (int from = 0; from < ids.size() && running; from += CHUNK) {
                for (Doc d : documents(ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                    writer.updateDocument(new Term("code", d.code()), d.fields());
                }
            }
            publish(target);
            if (System.nanoTime() - committedAt >= COMMIT_EVERY_NANOS) {
                commit(target);
            } else if (!commitScheduled) {
                commitScheduled = true;
                indexer.schedule(this::commitNow, COMMIT_EVERY_NANOS, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // the index is closing: it commits what it published as it closes, and the next start catches up
            log.debug("The {} index is closing: its commit is left to the close", name);
        } catch (IOException | RuntimeException e) {
            log.error("Updating the {} index failed: the next commit or start tries again", name, e);
        }
    }

    /** The scheduled commit of what was published since the last one. */
    private void commitNow() {
        commitScheduled = false;
        try {
            if (running && writer.hasUncommittedChanges()) {
                commit(indexedVersion);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Committing the {} index failed: the next commit or start tries again", name, e);
        }
    }

    /** Re-reads every row into the (empty) index, makes it searchable, merges it, then catches up. */
    private void rebuild() {
        try {
            long target = versions.current(dataset);
            writer.deleteAll();
            long after = 0;
            int n = 0;
            while (running) {
                List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE id > :after ORDER BY id LIMIT :n")
                        .param("after", after).param("n", CHUNK * 5).query(Long.class).list();
                if (ids.isEmpty()) {
                    break;
                }
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    for (Doc d : documents(ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                        writer.addDocument(d.fields());
                    }
                }
                n += ids.size();
                after = ids.getLast();
            }
            if (!running) {
                return; // not committed: the next start rebuilds
            }
            commit(target);
            log.info("The {} index was built: {} rows", name, n);
            long t0 = System.nanoTime();
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefresh();
            log.info("The {} index was merged in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
            catchUp();
        } catch (IOException | RuntimeException e) {
            log.error("Building the {} index failed: the next start tries again", name, e);
        }
    }

    /**
     * Makes what was indexed up to {@code version} searchable, and names that version in the next commit (the
     * writer commits as it closes, too).
     */
    private void publish(long version) throws IOException {
        writer.setLiveCommitData(Map.of(LAYOUT, layout, VERSION, Long.toString(version)).entrySet());
        indexedVersion = version;
        searchers.maybeRefresh();
        generation.incrementAndGet();
    }

    private void commit(long version) throws IOException {
        publish(version);
        writer.commit();
        committedAt = System.nanoTime();
    }

    private static Map<String, String> committedData(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    private static long parse(String version) {
        try {
            return version == null ? -1 : Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- for the queries ---------------------------------------------------------------------------------

    /** Moves on with every commit to the index: a cache of query results is valid for one generation. */
    protected long generation() {
        return generation.get();
    }

    /** The data version the index reflects; -1 while it is being built. */
    public long indexedVersion() {
        return indexedVersion;
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

    protected IndexSearcher acquire() {
        try {
            searchers.maybeRefresh();
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            log.warn("Releasing a searcher of the {} index: {}", name, e.toString());
        }
    }

    /**
     * These rows indexed in memory exactly as this index holds them, to say which of them queries match: see
     * {@link IndexBatch}.
     */
    public IndexBatch batch(List<Long> ids) {
        return new IndexBatch(ids.isEmpty() ? List.of() : documents(ids), analyzer);
    }

    protected Analyzer analyzer() {
        return analyzer;
    }
}
