package cl.andesops.shared.events;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.persistence.DataVersions;

/**
 * Derived data that follows the data versions of some datasets: it records, per dataset, the version it reflects
 * ({@code derived_version}) and, after any commit (this node's or another's), a restart or a crash, catches up from
 * there on its own thread, never the sync's. A failure is its own: it is logged, the version stays, and the next
 * commit (or a retry a minute later) tries again. One catch-up runs at a time; a burst of commits is read in one.
 * A change to what the data is judged by ({@link #basis()}, e.g. the rules' fingerprint) starts again from zero.
 * While a history import runs on the bulk path ({@link BulkImport}: the indexes its reads need are set aside) it
 * waits, and reads what came in once the import ends.
 */
public abstract class Follower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Follower.class);
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final String name;
    private final Set<Dataset> datasets;
    private final DataVersions versions;
    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final Map<Dataset, Long> reflects = new EnumMap<>(Dataset.class);
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean deferred = new AtomicBoolean();
    private volatile long lastEnd;
    private String loadedBasis;
    private volatile ScheduledExecutorService worker;
    private volatile boolean running;
    private volatile boolean held;
    private volatile long failures;
    private final java.util.List<Runnable> afterEach = new java.util.concurrent.CopyOnWriteArrayList<>();

    protected Follower(String name, Set<Dataset> datasets, DataVersions versions, JdbcClient read,
            JdbcTemplate writer) {
        this.name = name;
        this.datasets = Set.copyOf(datasets);
        this.versions = versions;
        this.read = read;
        this.writer = writer;
    }

    /**
     * Brings what is derived from {@code dataset} from version {@code from} (exclusive) to {@code to} (inclusive):
     * the rows stamped in between. {@code from} 0 means everything. Runs on the follower's thread only.
     */
    protected abstract void follow(Dataset dataset, long from, long to);

    /**
     * Whether this node keeps the derived data now: true by default (each node keeps its own, as the search indexes);
     * data kept in the shared database is kept by the leader alone.
     */
    protected boolean active() {
        return true;
    }

    /**
     * The least time between two catch-ups (zero: after every commit). A follower that reads a whole period again
     * each time (a comparison of every party with its peers) waits so long after its last one; commits meanwhile are
     * read by the next.
     */
    protected Duration spacing() {
        return Duration.ZERO;
    }

    /**
     * The version of a dataset to follow up to now: the current one by default; a follower that reads what another
     * derives (the alerts read the indicators) stops at what that one reflects, and runs again after it
     * ({@link #afterEach}).
     */
    protected long upTo(Dataset dataset, long current) {
        return current;
    }

    /** Runs {@code action} after each catch-up of this follower that recorded a version (on its thread). */
    public void afterEach(Runnable action) {
        afterEach.add(action);
    }

    /** What the derived data is computed under; when it changes, every dataset is followed again from zero. */
    protected String basis() {
        return "";
    }

    public String name() {
        return name;
    }

    /** The version of the dataset this follower reflects. */
    public synchronized long reflects(Dataset dataset) {
        return reflects.getOrDefault(dataset, 0L);
    }

    /** Catch-ups that failed since the start: for the administration page and tests. */
    public long failures() {
        return failures;
    }

    /** Whether it reflects every dataset's current version (on a node that does not keep it: whether the keeper does). */
    public boolean caughtUp() {
        if (!active()) {
            return datasets.stream().allMatch(d -> recorded(d) >= versions.current(d));
        }
        return datasets.stream().allMatch(d -> reflects(d) >= versions.current(d));
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("follow-" + name)
                .priority(Thread.NORM_PRIORITY - 1).factory());
        running = true;
        queue();
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.shutdown();
            try {
                // a catch-up cut short records nothing and is followed again at the next start: the app's stop (10 s
                // before a container is killed) does not wait for it long
                if (!w.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the search indexes: what follows is not needed for the first page. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    @EventListener
    void on(DataChanged event) {
        if (running && datasets.contains(event.dataset()) && event.newerThan(reflects(event.dataset()))) {
            queue();
        }
    }

    /** A bulk import began (it waits) or ended (it reads what came in meanwhile). */
    @EventListener
    void on(BulkImport bulk) {
        held = bulk.running();
        if (!held && running) {
            queue();
        }
    }

    /** Whether it waits for a bulk import to end. */
    public boolean held() {
        return held;
    }

    /** This node now leads (or no longer does): a new leader reads the versions recorded, as another left them. */
    @EventListener
    void on(cl.andesops.shared.cluster.LeadershipChanged change) {
        if (running && change.leads()) {
            synchronized (this) {
                reflects.clear();
            }
            queue();
        }
    }

    /**
     * Ends a catch-up read part way when the follower is stopping: thrown from a row handler, it closes the read;
     * the catch-up records nothing.
     */
    protected final void stopIfStopping() {
        if (!running) {
            throw new Stopping();
        }
    }

    /** A catch-up cut short because the follower is stopping. */
    protected static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }

    /** Queues a catch-up that does not wait for the spacing: for tests and benchmarks. */
    public void queueNow() {
        lastEnd = 0;
        queue();
    }

    /**
     * Waits until it reflects every dataset's current version, catching up now whatever the spacing: for tests and
     * benchmarks.
     */
    public boolean awaitJudged(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        queueNow();
        while (System.nanoTime() < deadline) {
            if (caughtUp()) {
                return true;
            }
            Thread.sleep(5);
        }
        return caughtUp();
    }

    /** Queues a catch-up (one at a time: a queued one reads whatever has been committed when it runs). */
    public void queue() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    catchUp();
                });
            } catch (RejectedExecutionException | NullPointerException stopping) {
                queued.set(false);
            }
        }
    }

    private void catchUp() {
        if (!running || !active() || held) {
            return;
        }
        long wait = spacing().isZero() || lastEnd == 0 ? 0 : lastEnd + spacing().toNanos() - System.nanoTime();
        if (wait > 0) {
            if (deferred.compareAndSet(false, true)) {
                try {
                    worker.schedule(() -> {
                        deferred.set(false);
                        queue();
                    }, wait, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopping) {
                    deferred.set(false);
                }
            }
            return;
        }
        String basis = basis();
        try {
            load(basis);
            boolean moved = false;
            for (Dataset d : datasets) {
                long to = upTo(d, versions.current(d));
                long from = reflects(d);
                if (to > from && running) {
                    follow(d, from, to);
                    if (!running) {
                        return; // stopped part way: the version stays, and the next start follows it again
                    }
                    if (!basis.equals(basis())) {
                        return; // the basis changed meanwhile: the restart it caused follows again from zero
                    }
                    record(d, to, basis);
                    lastEnd = System.nanoTime();
                    moved = true;
                }
            }
            if (moved) {
                afterEach.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            if (!running) {
                return; // stopping: what was cut short is not recorded, and the next start follows it again
            }
            failures++;
            log.error("Following the data ({}) failed: it tries again at the next commit or in a minute", name, e);
            try {
                worker.schedule(this::queue, RETRY.toSeconds(), TimeUnit.SECONDS);
            } catch (RejectedExecutionException stopping) {
                // stopping: the next start catches up from the version recorded
            }
        }
    }

    /** Reads the versions recorded (once, or again when the basis has changed: then every dataset from zero). */
    private synchronized void load(String basis) {
        if (!basis.equals(loadedBasis)) {
            reflects.clear(); // the basis moved (a new day for one that judges up to today): follow again
            loadedBasis = basis;
        }
        if (!reflects.isEmpty()) {
            return;
        }
        for (Dataset d : datasets) {
            var row = read.sql("SELECT version, rules FROM derived_version WHERE follower = :f AND dataset = :d")
                    .param("f", name).param("d", d.name()).query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)})
                    .optional();
            boolean same = row.isPresent() && basis.equals(row.get()[1] == null ? "" : row.get()[1]);
            reflects.put(d, same ? (Long) row.get()[0] : 0L);
        }
    }

    /** The version the keeper recorded for the dataset, under the current basis (0 when none). */
    private long recorded(Dataset d) {
        String basis = basis();
        return read.sql("SELECT version, rules FROM derived_version WHERE follower = :f AND dataset = :d")
                .param("f", name).param("d", d.name())
                .query((rs, n) -> basis.equals(rs.getString(2) == null ? "" : rs.getString(2)) ? rs.getLong(1) : 0L)
                .optional().orElse(0L);
    }

    private synchronized void record(Dataset d, long version, String basis) {
        if (writer.update("UPDATE derived_version SET version = ?, rules = ? WHERE follower = ? AND dataset = ?",
                version, basis, name, d.name()) == 0) {
            writer.update("INSERT INTO derived_version (follower, dataset, version, rules) VALUES (?, ?, ?, ?)", name,
                    d.name(), version, basis);
        }
        reflects.put(d, version);
    }

    /** Forgets what it reflects: the next catch-up follows every dataset from zero (after a change of basis). */
    protected synchronized void restart() {
        reflects.clear();
        lastEnd = 0; // a new basis is followed at once, not after the spacing
        queue();
    }
}
