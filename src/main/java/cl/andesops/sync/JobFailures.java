package cl.andesops.sync;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync's failed attempts of each job since the start, to give up on one that keeps failing: a job that failed on
 * something other than the API (a bug, bad data, an Error) has the attempt counted and shown; after
 * {@value #JOB_ATTEMPTS} it is marked FAILED with its reason and the rest of the queue goes on.
 */
final class JobFailures {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);
    static final int JOB_ATTEMPTS = 3;

    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    JobFailures(JobQueue jobs, TransactionTemplate tx, Clock clock) {
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    void succeeded(SyncJob job) {
        failures.remove(job.id());
    }

    /** Records the failure; returns how many attempts failed so far, by which the retry's backoff grows. */
    int failed(SyncJob job, Throwable e) {
        int n = failures.merge(job.id(), 1, Integer::sum);
        String why = (e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                .replaceAll("[\\r\\n]+", " ");
        why = why.length() > 300 ? why.substring(0, 300) + "…" : why;
        String reason = "Intento " + n + " de " + JOB_ATTEMPTS + " falló: " + why;
        try {
            if (n >= JOB_ATTEMPTS) {
                log.error("{} {} failed {} times; marked FAILED", job.kind(), job.param(), n, e);
                tx.executeWithoutResult(s -> jobs.finish(job.id(), "FAILED", reason, clock.instant()));
                failures.remove(job.id());
                return 0;
            }
            log.warn("{} {} failed (attempt {} of {}): {}", job.kind(), job.param(), n, JOB_ATTEMPTS, why, e);
            tx.executeWithoutResult(s -> jobs.setError(job.id(), reason));
        } catch (RuntimeException stored) {
            log.error("Could not record the failure of job {}", job.id(), stored);
        }
        return n;
    }
}
