package cl.andesops.orders.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.search.ManagedIndex;

/**
 * Loads the order columns once the app is ready (from the snapshot when it fits this database, else from every
 * order) and keeps them at the database's data version: after each commit, and once more after loading, it reads
 * the orders stamped after the version the columns reflect, whatever was missed. Saves a snapshot after a full load,
 * every ten minutes while orders change, and at stop (after the sync has stopped).
 */
@Component
class ColumnLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ColumnLoader.class);
    private static final long SAVE_EVERY_MS = 600_000;

    private final JdbcClient jdbc;
    private final DataVersions versions;
    private final Path snapshot;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile OrderColumns columns;
    private volatile boolean running;
    /** Changes applied since the snapshot was last written. */
    private volatile boolean dirty;

    ColumnLoader(JdbcClient jdbc, DataVersions versions, StorageProperties storage) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.snapshot = storage.dataDir().resolve("index").resolve("order-columns.bin");
    }

    /** Loads once the application is ready, so the load does not compete with starting up. */
    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        Thread.ofPlatform().name("order-columns").daemon(true).start(this::loadThenSave);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (columns != null && dirty) {
            save();
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

    /** The loaded columns, or null while they load (or if loading failed). */
    OrderColumns columns() {
        return columns;
    }

    boolean awaitLoaded(long timeout, TimeUnit unit) throws InterruptedException {
        return loaded.await(timeout, unit) && columns != null;
    }

    private void loadThenSave() {
        long t0 = System.nanoTime();
        try {
            OrderColumns c = restore();
            String how = "from the snapshot and the orders written since";
            boolean full = c == null;
            if (full) {
                c = readAll();
                how = "from the database";
            }
            catchUp(c);
            columns = c;
            catchUp(c); // what was committed while the columns were published
            log.info("Order columns loaded {}: {} detailed orders, {} MB, in {} ms", how, c.rows,
                    c.bytes() / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
            if (full && running) {
                save();
            }
        } catch (RuntimeException e) {
            log.error("Loading the order columns failed: the Monitor says it is still loading", e);
        } finally {
            loaded.countDown();
        }
        while (running && columns != null) {
            try {
                Thread.sleep(SAVE_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (running && dirty) {
                save();
            }
        }
    }

    /** Every order, by id ranges, at the version read first (what is committed meanwhile is caught up after). */
    private OrderColumns readAll() {
        OrderColumns c = new OrderColumns();
        c.version = versions.current(Dataset.ORDERS);
        long maxId = jdbc.sql("SELECT coalesce(max(id), 0) FROM purchase_order").query(Long.class).single();
        c.grow((int) maxId + 1);
        for (long from = 0; from <= maxId && running; from += 100_000) {
            jdbc.sql("SELECT " + OrderColumns.COLUMNS + " FROM purchase_order WHERE id >= :a AND id < :b")
                    .param("a", from).param("b", from + 100_000).query(rs -> {
                        c.set(rs);
                    });
        }
        dirty = true;
        return c;
    }

    /**
     * Follows a commit that stamped {@code version} ({@link cl.andesops.shared.events.DataChanged#UNKNOWN}: whatever
     * is committed): reads the orders stamped after the version the columns reflect.
     */
    void catchUp(long version) {
        OrderColumns c = columns;
        if (c != null && (version == cl.andesops.shared.events.DataChanged.UNKNOWN || version > c.version)) {
            catchUp(c);
        }
    }

    private synchronized void catchUp(OrderColumns c) {
        long target = versions.current(Dataset.ORDERS);
        if (target == c.version) {
            return;
        }
        c.lock.writeLock().lock();
        try {
            jdbc.sql("SELECT " + OrderColumns.COLUMNS + " FROM purchase_order WHERE version > :v")
                    .param("v", c.version).query(rs -> {
                        c.set(rs);
                    });
            c.version = Math.max(c.version, target);
            dirty = true;
        } finally {
            c.lock.writeLock().unlock();
        }
    }

    /** The schema's migration: a snapshot from another schema is not read. */
    private int schema() {
        return jdbc.sql("SELECT coalesce(max(installed_rank), 0) FROM flyway_schema_history WHERE success")
                .query(Integer.class).single();
    }

    private String codeAt(int id) {
        return jdbc.sql("SELECT code FROM purchase_order WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }

    /** Writes a snapshot under the read lock. Synchronized: the periodic save and the one at stop share a file. */
    synchronized void save() {
        OrderColumns c = columns;
        if (c == null) {
            return;
        }
        long t0 = System.nanoTime();
        c.lock.readLock().lock();
        try {
            dirty = false;
            int maxId = c.maxDetailedId();
            String maxCode = maxId == 0 ? "" : codeAt(maxId);
            ColumnSnapshot.write(snapshot, c, new ColumnSnapshot.Header(schema(), c.version, maxId,
                    maxCode == null ? "" : maxCode));
            log.debug("Order columns saved: {} orders in {} ms", c.rows, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            dirty = true;
            log.warn("Saving the order columns failed ({}): the next start reads the database", e.toString());
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** The snapshot's columns when it belongs to this database and schema, else null (and nothing kept). */
    private OrderColumns restore() {
        if (!Files.isRegularFile(snapshot)) {
            return null;
        }
        try {
            ColumnSnapshot.Header h = ColumnSnapshot.header(snapshot);
            if (h == null || h.schema() != schema()) {
                return null;
            }
            // an empty snapshot says nothing about which database it belongs to; one ahead of it is of another
            if (h.maxId() <= 0 || h.version() > versions.current(Dataset.ORDERS)
                    || !h.maxCode().equals(codeAt(h.maxId()))) {
                log.info("The order columns snapshot is empty or belongs to another database: reading the database");
                return null;
            }
            long stored = jdbc.sql("SELECT coalesce(max(id), 0) FROM purchase_order").query(Long.class).single();
            OrderColumns c = ColumnSnapshot.read(snapshot, stored);
            if (c == null) {
                log.warn("The order columns snapshot is damaged: reading the database");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            log.warn("The order columns snapshot could not be read ({}): reading the database", e.toString());
            return null;
        }
    }
}
