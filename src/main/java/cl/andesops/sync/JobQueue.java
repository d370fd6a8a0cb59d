package cl.andesops.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cl.andesops.shared.persistence.Writer;

/** The persisted jobs and their work lists: what lets a sync resume exactly where it stopped. */
@Repository
class JobRepository {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate reader;

    JobRepository(@Qualifier(Writer.NAME) JdbcTemplate jdbc, JdbcTemplate reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** Enqueues a job unless the same kind and parameter is already waiting or running. Returns its id. */
    long enqueue(JobKind kind, String param, int priority, Instant now) {
        Optional<Long> open = jdbc.query("SELECT id FROM sync_job WHERE kind = ? AND coalesce(param, '') = ? "
                        + "AND state IN ('QUEUED', 'LISTING', 'DETAILS') LIMIT 1", (rs, n) -> rs.getLong(1),
                kind.name(), param == null ? "" : param).stream().findFirst();
        if (open.isPresent()) {
            jdbc.update("UPDATE sync_job SET priority = max(priority, ?) WHERE id = ?", priority, open.get());
            return open.get();
        }
        jdbc.update("INSERT INTO sync_job (kind, param, state, priority, created_at) VALUES (?, ?, 'QUEUED', ?, ?)",
                kind.name(), param, priority, now.toEpochMilli());
        return jdbc.queryForObject("SELECT last_insert_rowid()", Long.class);
    }

    boolean everDone(JobKind kind, String param) {
        return !jdbc.query("SELECT 1 FROM sync_job WHERE kind = ? AND param = ? AND state = 'DONE' LIMIT 1",
                (rs, n) -> 1, kind.name(), param).isEmpty();
    }

    /** The unfinished job that should run now: highest priority first, oldest first. */
    Optional<SyncJob> next() {
        return jdbc.query("SELECT * FROM sync_job WHERE state IN ('QUEUED', 'LISTING', 'DETAILS') "
                + "ORDER BY priority DESC, id LIMIT 1", JobRepository::job).stream().findFirst();
    }

    Optional<SyncJob> find(long id) {
        return jdbc.query("SELECT * FROM sync_job WHERE id = ?", JobRepository::job, id).stream().findFirst();
    }

    List<SyncJob> recent(int limit) {
        return reader.query("SELECT * FROM sync_job ORDER BY CASE WHEN state IN ('LISTING','DETAILS') THEN 0 "
                + "WHEN state = 'QUEUED' THEN 1 ELSE 2 END, CASE WHEN state = 'QUEUED' THEN -priority ELSE 0 END, "
                + "id DESC LIMIT ?", JobRepository::job, limit);
    }

    /** Totals over the unfinished jobs: the backlog a progress bar shows. */
    long[] backlog() {
        return reader.queryForObject("SELECT coalesce(sum(total), 0), coalesce(sum(done + failed), 0), count(*) "
                        + "FROM sync_job WHERE state IN ('QUEUED', 'LISTING', 'DETAILS')",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    }

    void markListing(long id, Instant now) {
        jdbc.update("UPDATE sync_job SET state = 'LISTING', started_at = coalesce(started_at, ?) WHERE id = ?",
                now.toEpochMilli(), id);
    }

    /** Records the list outcome and its work list; the caller's transaction also holds the stored list. */
    void addTasks(long id, Map<String, String> reasons, Map<String, Long> due, int listed) {
        List<Object[]> rows = new ArrayList<>();
        reasons.forEach((code, reason) -> rows.add(new Object[]{id, code, switch (reason) {
            case "NEW" -> 300;
            case "MISSING" -> 250;
            default -> 200;
        }, due.getOrDefault(code, 0L), reason}));
        jdbc.batchUpdate("INSERT INTO sync_task (job_id, code, priority, due, reason) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (job_id, code) DO NOTHING", rows);
        jdbc.update("UPDATE sync_job SET listed = listed + ?, total = (SELECT count(*) FROM sync_task WHERE job_id = ?)"
                + " WHERE id = ?", listed, id, id);
    }

    void markDetails(long id) {
        jdbc.update("UPDATE sync_job SET state = 'DETAILS' WHERE id = ?", id);
    }

    List<String> pendingTasks(long id, int limit) {
        return jdbc.query("SELECT code FROM sync_task WHERE job_id = ? AND state = 'PENDING' "
                + "ORDER BY priority DESC, due, code LIMIT ?", (rs, n) -> rs.getString(1), id, limit);
    }

    void taskDone(long id, String code) {
        jdbc.update("UPDATE sync_task SET state = 'DONE', attempts = attempts + 1 WHERE job_id = ? AND code = ?",
                id, code);
        jdbc.update("UPDATE sync_job SET done = done + 1 WHERE id = ?", id);
    }

    /** A detail that failed; after three attempts it is given up (counted as failed, the job goes on). */
    void taskFailed(long id, String code, String error, boolean giveUp) {
        jdbc.update("UPDATE sync_task SET attempts = attempts + 1, last_error = ?, "
                        + "state = CASE WHEN ? OR attempts + 1 >= 3 THEN 'FAILED' ELSE 'PENDING' END "
                        + "WHERE job_id = ? AND code = ?", error, giveUp, id, code);
        jdbc.update("UPDATE sync_job SET failed = (SELECT count(*) FROM sync_task WHERE job_id = ? AND state = 'FAILED'),"
                + " last_error = ? WHERE id = ?", id, error, id);
    }

    void countRequests(long id, int n) {
        jdbc.update("UPDATE sync_job SET requests = requests + ? WHERE id = ?", n, id);
    }

    void finish(long id, String state, String error, Instant now) {
        jdbc.update("UPDATE sync_job SET state = ?, finished_at = ?, last_error = coalesce(?, last_error), "
                + "skipped = listed - total WHERE id = ?", state, now.toEpochMilli(), error, id);
    }

    void setError(long id, String error) {
        jdbc.update("UPDATE sync_job SET last_error = ? WHERE id = ?", error, id);
    }

    Optional<String> cursor(String name) {
        return jdbc.query("SELECT value FROM sync_cursor WHERE name = ?", (rs, n) -> rs.getString(1), name).stream()
                .findFirst();
    }

    void cursor(String name, String value) {
        jdbc.update("INSERT INTO sync_cursor (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = "
                + "excluded.value", name, value);
    }

    /** Removes finished jobs older than the cutoff, with their work lists. */
    int prune(Instant cutoff) {
        jdbc.update("DELETE FROM sync_task WHERE job_id IN (SELECT id FROM sync_job WHERE state IN ('DONE','FAILED') "
                + "AND finished_at < ?)", cutoff.toEpochMilli());
        return jdbc.update("DELETE FROM sync_job WHERE state IN ('DONE','FAILED') AND finished_at < ?",
                cutoff.toEpochMilli());
    }

    private static SyncJob job(ResultSet rs, int n) throws SQLException {
        return new SyncJob(rs.getLong("id"), JobKind.valueOf(rs.getString("kind")), rs.getString("param"),
                rs.getString("state"), rs.getInt("priority"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getInt("listed"), rs.getInt("total"), rs.getInt("done"),
                rs.getInt("skipped"), rs.getInt("failed"), rs.getInt("requests"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
