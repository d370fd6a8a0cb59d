package cl.andesops.sync;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A sync job, an aggregate read and written whole through {@link SyncJobs}; its work list ({@code sync_task}) and
 * its counters move through {@link JobQueue}, a row at a time.
 */
@Table("sync_job")
public record SyncJob(@Id Long id, JobKind kind, String param, String state, int priority, Instant createdAt,
                      Instant startedAt, Instant finishedAt, int listed, int total, int done, int skipped, int failed,
                      int requests, String lastError) {

    /** A job waiting to run. */
    static SyncJob queued(JobKind kind, String param, int priority, Instant now) {
        return new SyncJob(null, kind, param, "QUEUED", priority, now, null, null, 0, 0, 0, 0, 0, 0, null);
    }

    SyncJob withId(Long newId) {
        return new SyncJob(newId, kind, param, state, priority, createdAt, startedAt, finishedAt, listed, total, done,
                skipped, failed, requests, lastError);
    }

    public boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }

    public int pending() {
        return Math.max(0, total - done - failed);
    }
}
