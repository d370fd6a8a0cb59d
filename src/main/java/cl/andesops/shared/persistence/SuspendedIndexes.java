package cl.andesops.shared.persistence;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secondary indexes set aside while a table is filled in bulk, and made again after: each is dropped in the same
 * transaction that records the statement which makes it ({@code suspended_index}), and made in the same transaction
 * that forgets it, so a process that dies at any point leaves every index either in place or recorded, and
 * {@link #restore()} at the next start finds it. Unique indexes (the upserts' keys) are never set aside.
 */
@Component
public class SuspendedIndexes {

    private static final Logger log = LoggerFactory.getLogger(SuspendedIndexes.class);

    /** An index set aside: its table and the statement that makes it again. */
    public record Suspended(String name, String table, String definition) {
    }

    private final JdbcTemplate writer;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;
    private final Clock clock;

    SuspendedIndexes(@Qualifier(Writer.NAME) JdbcTemplate writer, @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx,
                     SqlDialect dialect, Clock clock) {
        this.writer = writer;
        this.tx = tx;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The table's secondary (not unique) indexes, but those named in {@code keep}: each with its statement. */
    public List<Suspended> secondary(String table, Set<String> keep) {
        List<Suspended> all = dialect.postgres()
                ? writer.query("""
                        SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
                        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                        WHERE t.relname = ? AND t.relnamespace = to_regnamespace(current_schema())
                            AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname""",
                        (rs, n) -> new Suspended(rs.getString(1), table, rs.getString(2)), table)
                : writer.query("""
                        SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
                            AND upper(sql) NOT LIKE 'CREATE UNIQUE%' ORDER BY name""",
                        (rs, n) -> new Suspended(rs.getString(1), table, rs.getString(2)), table);
        return all.stream().filter(s -> !keep.contains(s.name())).toList();
    }

    /** Sets aside the table's secondary indexes but {@code keep}; returns how many. */
    public int suspend(String table, Set<String> keep) {
        int n = 0;
        for (Suspended s : secondary(table, keep)) {
            tx.executeWithoutResult(status -> {
                writer.update("INSERT INTO suspended_index (name, table_name, definition, suspended_at) "
                        + "VALUES (?, ?, ?, ?)", s.name(), s.table(), s.definition(), clock.millis());
                writer.execute("DROP INDEX " + s.name());
            });
            n++;
        }
        if (n > 0) {
            log.info("{}: {} secondary indexes set aside while it is filled in bulk", table, n);
        }
        return n;
    }

    /** The indexes set aside now (by this process or one that died before making them again). */
    public List<Suspended> suspended() {
        return writer.query("SELECT name, table_name, definition FROM suspended_index ORDER BY name",
                (rs, n) -> new Suspended(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * Makes every index set aside again (each, and its record's removal, in one transaction); returns how many. One
     * made by hand meanwhile is left as it is.
     */
    public int restore() {
        List<Suspended> all = suspended();
        long t0 = System.nanoTime();
        for (Suspended s : all) {
            tx.executeWithoutResult(status -> {
                writer.execute(ifNotExists(s.definition()));
                writer.update("DELETE FROM suspended_index WHERE name = ?", s.name());
            });
        }
        if (!all.isEmpty()) {
            log.info("{} secondary indexes made again in {} ms", all.size(), (System.nanoTime() - t0) / 1_000_000);
        }
        return all.size();
    }

    /** {@code CREATE INDEX x ON …} as {@code CREATE INDEX IF NOT EXISTS x ON …} (both databases take it). */
    static String ifNotExists(String definition) {
        String d = definition.strip();
        String head = "CREATE INDEX ";
        if (!d.regionMatches(true, 0, head, 0, head.length())) {
            throw new IllegalStateException("Not an index's statement: " + d);
        }
        String rest = d.substring(head.length());
        return rest.regionMatches(true, 0, "IF NOT EXISTS ", 0, 14) ? d : head + "IF NOT EXISTS " + rest;
    }
}
