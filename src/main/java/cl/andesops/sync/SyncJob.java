package cl.andesops.sync;

import java.time.Instant;

/** A job as the admin screen and the status API show it. */
public record SyncJob(long id, JobKind kind, String param, String state, int priority, Instant createdAt,
                      Instant startedAt, Instant finishedAt, int listed, int total, int done, int skipped, int failed,
                      int requests, String lastError) {

    public boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }

    public int pending() {
        return Math.max(0, total - done - failed);
    }
}
