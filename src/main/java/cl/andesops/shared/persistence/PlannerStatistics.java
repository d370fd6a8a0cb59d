package cl.andesops.shared.persistence;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cl.andesops.shared.events.DataChanged;

/**
 * PostgreSQL plans each query by the statistics it keeps of every table, and its autovacuum refreshes them only a
 * minute or more after a bulk load: until then new rows are planned as if they were not there (the grid's first page
 * of a month just imported took 305 ms instead of 1 ms; the writer's lookup by code, prepared while the table was
 * empty, scanned the whole table, 330-550 ms a batch, and a 100,000-order ingest ran at 1,400 orders/s instead of
 * 5,500). So the statistics are refreshed when a month's import ends, and while rows pour in: each time the rows
 * this process added reach 10,000, then twice that, and so on (a handful of times for years of history). SQLite
 * plans by its indexes alone (the app never gathers {@code sqlite_stat1}), so there it does nothing.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    static final long FIRST_REFRESH = 10_000;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong nextRefresh =
            new AtomicLong(FIRST_REFRESH);

    PlannerStatistics(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** After a commit of this node: rows added so far, and a refresh when they doubled since the last. */
    @EventListener
    void on(DataChanged event) {
        if (!dialect.postgres() || event.fromOtherNode() || event.added().isEmpty()) {
            return;
        }
        long total = added.addAndGet(event.added().size());
        long due = nextRefresh.get();
        if (total >= due && nextRefresh.compareAndSet(due, Math.max(due * 2, total))) {
            refresh();
        }
    }

    /** Refreshes the planner's statistics of every table (PostgreSQL samples, so this stays seconds at any size). */
    public void refresh() {
        if (!dialect.postgres()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            jdbc.execute("ANALYZE");
            log.info("Planner statistics refreshed in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the planner statistics ({}): autovacuum will", e.getMessage());
        }
    }
}
