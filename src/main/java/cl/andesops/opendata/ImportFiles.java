package cl.andesops.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.persistence.Writer;

/** The persisted state of each dataset's month: what lets an import resume exactly where it stopped. */
@Component
class ImportFiles {

    /** One month of one dataset, as the status API and the admin screen show it. */
    record ImportFile(String dataset, String month, String state, String etag, String lastModified, Long bytes,
                      String resumeEntry, long resumeLine, long rows, long records, long rejected, int attempts,
                      Instant queuedAt, Instant startedAt, Instant finishedAt, String lastError,
                      Instant workingSince) {
    }

    private final JdbcTemplate writer;
    private final JdbcClient read;

    ImportFiles(@Qualifier(Writer.NAME) JdbcTemplate writer, JdbcClient read) {
        this.writer = writer;
        this.read = read;
    }

    /** Queues a month (again, if it was done or failed: a re-import asks only for what changed). */
    void enqueue(Dataset dataset, String month, int priority, Instant now) {
        writer.update("""
                INSERT INTO import_file (dataset, month, state, priority, queued_at) VALUES (?, ?, 'QUEUED', ?, ?)
                ON CONFLICT (dataset, month) DO UPDATE SET priority = excluded.priority, attempts = 0,
                    last_error = NULL, queued_at = excluded.queued_at,
                    state = CASE WHEN import_file.state IN ('DOWNLOADING', 'IMPORTING') THEN import_file.state
                                 ELSE 'QUEUED' END""", dataset.key(), month, priority, now.toEpochMilli());
    }

    /** The month to work on now: one interrupted first (it resumes), then the queue, newest month first. */
    Optional<ImportFile> next(int maxAttempts) {
        return read.sql("""
                        SELECT * FROM import_file WHERE state IN ('DOWNLOADING', 'IMPORTING', 'QUEUED')
                           AND attempts < :max
                         ORDER BY CASE WHEN state = 'QUEUED' THEN 1 ELSE 0 END, priority DESC, month DESC LIMIT 1""")
                .param("max", maxAttempts).query(ImportFiles::row).optional();
    }

    Optional<ImportFile> find(Dataset dataset, String month) {
        return read.sql("SELECT * FROM import_file WHERE dataset = :d AND month = :m").param("d", dataset.key())
                .param("m", month).query(ImportFiles::row).optional();
    }

    List<ImportFile> all() {
        return read.sql("SELECT * FROM import_file ORDER BY month DESC, dataset").query(ImportFiles::row).list();
    }

    /** An attempt begins: set until it ends, so that one a dead process left behind is seen and counted. */
    void begin(Dataset dataset, String month, Instant now) {
        writer.update("UPDATE import_file SET working_since = ? WHERE dataset = ? AND month = ?", now.toEpochMilli(),
                dataset.key(), month);
    }

    /** The attempt ended (whatever its outcome, or stopped with the app). */
    void end(Dataset dataset, String month) {
        writer.update("UPDATE import_file SET working_since = NULL WHERE dataset = ? AND month = ?", dataset.key(),
                month);
    }

    /**
     * Forgets a month's file and progress and queues it to be fetched whole again (the admin's "discard"): what it
     * stored stays (imports are idempotent), its rejections go. An attempt at it now in course finds it so at its
     * next checkpoint and stops. Returns whether the month was known.
     */
    boolean discard(Dataset dataset, String month, Instant now) {
        int n = writer.update("""
                UPDATE import_file SET state = 'QUEUED', etag = NULL, last_modified = NULL, bytes = NULL,
                    resume_entry = NULL, resume_line = 0, rows_read = 0, records = 0, rejected = 0, attempts = 0,
                    last_error = NULL, finished_at = NULL, started_at = NULL, working_since = NULL, queued_at = ?
                WHERE dataset = ? AND month = ?""", now.toEpochMilli(), dataset.key(), month);
        writer.update("DELETE FROM import_rejection WHERE dataset = ? AND month = ?", dataset.key(), month);
        return n > 0;
    }

    void downloading(Dataset dataset, String month, Instant now) {
        writer.update("UPDATE import_file SET state = 'DOWNLOADING', started_at = coalesce(started_at, ?) "
                + "WHERE dataset = ? AND month = ?", now.toEpochMilli(), dataset.key(), month);
    }

    /** The ETag of the file being downloaded: a resumed download asks the same file for its rest. */
    void downloadEtag(Dataset dataset, String month, String etag) {
        writer.update("UPDATE import_file SET etag = ? WHERE dataset = ? AND month = ?", etag, dataset.key(), month);
    }

    /** The file is on disk: import it from the start (a changed file) or from where the last run stopped. */
    void importing(Dataset dataset, String month, String etag, String lastModified, long bytes, boolean fresh) {
        int n = writer.update("UPDATE import_file SET state = 'IMPORTING', etag = ?, last_modified = ?, bytes = ?"
                        + (fresh ? ", resume_entry = NULL, resume_line = 0, rows_read = 0, records = 0, rejected = 0"
                        : "") + " WHERE dataset = ? AND month = ? AND state = 'DOWNLOADING'", etag, lastModified,
                bytes, dataset.key(), month);
        if (n == 0) {
            throw new Discarded(dataset, month);
        }
        if (fresh) {
            writer.update("DELETE FROM import_rejection WHERE dataset = ? AND month = ?", dataset.key(), month);
        }
    }

    /** Back to the queue, to be downloaded again (what was committed of it stays: imports are idempotent). */
    void requeue(Dataset dataset, String month) {
        writer.update("UPDATE import_file SET state = 'QUEUED', etag = NULL, last_modified = NULL "
                + "WHERE dataset = ? AND month = ?", dataset.key(), month);
    }

    /** Inside a batch's transaction: how far the import got. */
    void committed(Dataset dataset, String month, String entry, long line, long rows, long records, long rejected) {
        int n = writer.update("UPDATE import_file SET resume_entry = ?, resume_line = ?, rows_read = ?, records = ?, "
                        + "rejected = ? WHERE dataset = ? AND month = ? AND state = 'IMPORTING'", entry, line, rows,
                records, rejected, dataset.key(), month);
        if (n == 0) {
            throw new Discarded(dataset, month);
        }
    }

    /** The month was discarded (or failed elsewhere) while an attempt was at it: the attempt stops. */
    static final class Discarded extends RuntimeException {
        Discarded(Dataset dataset, String month) {
            super(dataset.key() + " " + month + " was discarded while it was being worked");
        }
    }

    void rejection(Dataset dataset, String month, String entry, long line, String reason) {
        writer.update("INSERT INTO import_rejection (dataset, month, entry, line, reason) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (dataset, month, entry, line) DO NOTHING", dataset.key(), month, entry, line, reason);
    }

    List<String[]> rejections(Dataset dataset, String month) {
        return read.sql("SELECT entry, line, reason FROM import_rejection WHERE dataset = :d AND month = :m "
                        + "ORDER BY entry, line").param("d", dataset.key()).param("m", month)
                .query((rs, n) -> new String[]{rs.getString(1), Long.toString(rs.getLong(2)), rs.getString(3)})
                .list();
    }

    /** The attempt's outcome, unless the month was discarded meanwhile (then it is queued again, and stays so). */
    void finished(Dataset dataset, String month, String state, String error, Instant now) {
        int n = writer.update("UPDATE import_file SET state = ?, finished_at = ?, last_error = ?, working_since = NULL "
                        + "WHERE dataset = ? AND month = ? AND state IN ('DOWNLOADING', 'IMPORTING')", state,
                now.toEpochMilli(), error, dataset.key(), month);
        if (n == 0) {
            throw new Discarded(dataset, month);
        }
    }

    /**
     * A failed attempt (a download or an import): counted, and the month goes back to the queue in the state it
     * was in (a cut download resumes) until the attempts run out; then it is failed with its reason (returns
     * whether it now is).
     */
    boolean failed(Dataset dataset, String month, String error, int maxAttempts, Instant now) {
        writer.update("UPDATE import_file SET last_error = ?, attempts = attempts + 1, working_since = NULL, "
                        + "state = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE state END, "
                        + "finished_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE finished_at END "
                        + "WHERE dataset = ? AND month = ?", error, maxAttempts, maxAttempts, now.toEpochMilli(),
                dataset.key(), month);
        return "FAILED".equals(writer.query("SELECT state FROM import_file WHERE dataset = ? AND month = ?",
                rs -> rs.next() ? rs.getString(1) : null, dataset.key(), month));
    }

    private static ImportFile row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ImportFile(rs.getString("dataset"), rs.getString("month"), rs.getString("state"),
                rs.getString("etag"), rs.getString("last_modified"), (Long) longOrNull(rs, "bytes"),
                rs.getString("resume_entry"), rs.getLong("resume_line"), rs.getLong("rows_read"),
                rs.getLong("records"), rs.getLong("rejected"), rs.getInt("attempts"), instant(rs, "queued_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("last_error"),
                instant(rs, "working_since"));
    }

    private static Long longOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Long v = longOrNull(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }
}
