package cl.andesops.shared.persistence;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps SQLite's write-ahead log bounded while screens read all day: SQLite checkpoints after a commit only when no
 * reader holds an old snapshot, so with Monitors always open the log can grow without end. Every few minutes this
 * asks for a checkpoint that waits its turn (TRUNCATE when the readers allow it, else PASSIVE), and every connection
 * has {@code journal_size_limit}, so a reset log is cut back to {@value #WAL_LIMIT_BYTES} bytes.
 * <p>
 * Checkpoints are also taken off the writer: SQLite runs one inside the commit that takes the log past 1,000 pages,
 * so a bulk import paid a copy and two file syncs every other batch on its own thread (4 of the 20 seconds a month of
 * orders took). The writer's connection now checkpoints by itself only past {@value #WRITER_CHECKPOINT_PAGES} pages;
 * every second this thread checks the log and, past {@value #EAGER_BYTES} bytes, copies it back with a PASSIVE
 * checkpoint on a connection of its own, which never waits for the writer nor the writer for it.
 */
@Component
public class SqliteMaintenance {

    private static final Logger log = LoggerFactory.getLogger(SqliteMaintenance.class);
    static final long WAL_LIMIT_BYTES = 64L * 1024 * 1024;
    /** The writer checkpoints in its own commit only past this many pages of log (64 MiB): a backstop. */
    static final int WRITER_CHECKPOINT_PAGES = 16_384;
    /** This thread checkpoints once the log is this large. */
    static final long EAGER_BYTES = 16L * 1024 * 1024;

    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final DatabaseTarget target;

    SqliteMaintenance(@Qualifier(Writer.NAME) JdbcTemplate writer, JdbcTemplate reader, DatabaseTarget target) {
        this.writer = writer;
        this.reader = reader;
        this.target = target;
    }

    /**
     * Copies the log back into the database when it holds more than {@code bytes}, without the writer; returns
     * whether it did.
     */
    public boolean checkpointPast(long bytes) {
        Path db = target.sqliteFile();
        if (db == null) {
            return false;
        }
        try {
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            if (!Files.exists(wal) || Files.size(wal) <= bytes) {
                return false;
            }
            reader.queryForList("PRAGMA wal_checkpoint(PASSIVE)");
            return true;
        } catch (Exception e) {
            log.warn("A WAL checkpoint failed ({}): the next one tries again", e.toString());
            return false;
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "PT1S")
    void checkpointWhenLarge() {
        checkpointPast(EAGER_BYTES);
    }

    /** Checkpoints the log; returns its size in bytes afterwards (0 when not SQLite). */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    public long checkpoint() {
        Path db = target.sqliteFile();
        if (db == null) {
            return 0;
        }
        try {
            // {busy, log frames, checkpointed}: busy when a reader's snapshot kept it from finishing
            var r = writer.queryForList("PRAGMA wal_checkpoint(TRUNCATE)");
            if (!r.isEmpty() && Integer.valueOf(1).equals(r.getFirst().values().iterator().next())) {
                writer.queryForList("PRAGMA wal_checkpoint(PASSIVE)");
            }
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            long size = Files.exists(wal) ? Files.size(wal) : 0;
            log.debug("WAL checkpoint: {} bytes left", size);
            return size;
        } catch (Exception e) {
            log.warn("The WAL checkpoint failed ({}): the next one tries again", e.toString());
            return -1;
        }
    }
}
