package cl.andesops.shared.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL plans each query by the statistics it keeps of every table, and its autovacuum refreshes them only a
 * minute or more after a bulk load: until then a month just imported is planned as if it were not there (the grid's
 * first page of that month took 305 ms instead of 1 ms). After a bulk load the importer asks for them at once. SQLite
 * plans by its indexes alone (the app never gathers {@code sqlite_stat1}), so there it does nothing.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    PlannerStatistics(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
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
