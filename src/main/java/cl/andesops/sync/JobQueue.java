package cl.andesops.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cl.andesops.shared.persistence.Writer;

/**
 * The persisted jobs and their work lists: what lets a sync resume exactly where it stopped. Jobs as aggregates go
 * through {@link SyncJobs}; the work lists, the counters that move a row at a time and the cursors are SQL here.
 */
@Component
class JobQueue {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate reader;
    private final SyncJobs jobs;

    JobQueue(@Qualifier(Writer.NAME) JdbcTemplate jdbc, JdbcTemplate reader, SyncJobs jobs) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.jobs = jobs;
    }

    /** Enqueues a job unless the same kind and parameter is already waiting or running. Returns its id. */
    long enqueue(JobKind kind, String param, int priority, Instant now) {
        Optional<SyncJob> open = jobs.findOpen(kind.name(), param == null ? "" : param, SyncJobs.OPEN);
        if (open.isPresent()) {
            jobs.raisePriority(open.get().id(), priority);
            return open.get().id();
        }
        return jobs.save(SyncJob.queued(kind, param, priority, now)).id();
    }

    boolean everDone(JobKind kind, String param) {
        return jobs.existsByKindAndParamAndState(kind, param, "DONE");
    }

    /** The unfinished job that should run now: highest priority first, oldest first. */
    Optional<SyncJob> next() {
        return jobs.findFirstByStateInOrderByPriorityDescIdAsc(SyncJobs.OPEN);
    }

    Optional<SyncJob> find(long id) {
        return jobs.findById(id);
    }

    List<SyncJob> recent(int limit) {
        return jobs.recent(limit);
    }

    /**
     * The current run as one figure: records listed and records done over the jobs still to finish and the jobs
     * that finished since the oldest of those was queued (so the percentage does not fall back when a job ends and
     * leaves the sum; it falls only when new work is queued), and how many jobs are still to finish.
     */
    long[] backlog() {
        return reader.queryForObject("""
                        SELECT coalesce(sum(total), 0), coalesce(sum(done + failed), 0),
                               coalesce(sum(CASE WHEN state IN ('QUEUED', 'LISTING', 'DETAILS') THEN 1 ELSE 0 END), 0)
                        FROM sync_job
                        WHERE state IN ('QUEUED', 'LISTING', 'DETAILS')
                           OR state IN ('DONE', 'FAILED') AND finished_at >= (SELECT min(created_at) FROM sync_job
                                                    WHERE state IN ('QUEUED', 'LISTING', 'DETAILS'))""",
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
}
