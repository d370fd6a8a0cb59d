package cl.andesops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cl.andesops.shared.persistence.Writer;

/** The header's one figure for the sync: a job that ends does not take its records out of the run's progress. */
@SpringBootTest(properties = {"andesops.storage.data-dir=target/test-data/sync-progress", "andesops.sync.enabled=false"})
class SyncProgressTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/sync-progress"));
    }

    @Autowired JobQueue queue;
    @Autowired @Qualifier(Writer.NAME) JdbcTemplate writer;

    private void job(String state, long created, Long finished, int total, int done) {
        writer.update("INSERT INTO sync_job (kind, param, state, priority, created_at, finished_at, total, done) "
                + "VALUES ('DAY_ORDERS', '2026-11-01', ?, 0, ?, ?, ?, ?)", state, created, finished, total, done);
    }

    @Test
    void the_run_sums_its_finished_jobs_and_falls_only_when_work_is_added() {
        writer.update("DELETE FROM sync_job");
        job("DONE", 100, 900L, 500, 500);      // an earlier run: ended before this one's oldest job was queued
        job("DONE", 1_000, 3_000L, 100, 100);  // this run: finished while the next waited
        job("DETAILS", 2_000, null, 100, 10);
        assertThat(queue.backlog()).containsExactly(200, 110, 1); // 55 %, not the 10 % of the one still running
        writer.update("UPDATE sync_job SET done = 60 WHERE state = 'DETAILS'");
        assertThat(queue.backlog()).containsExactly(200, 160, 1);
        job("QUEUED", 4_000, null, 40, 0);      // new work: the total grows, the figure falls
        assertThat(queue.backlog()).containsExactly(240, 160, 2);
        writer.update("UPDATE sync_job SET state = 'DONE', finished_at = 5000, done = 100 WHERE state = 'DETAILS'");
        writer.update("UPDATE sync_job SET state = 'DONE', finished_at = 6000, done = 40 WHERE state = 'QUEUED'");
        assertThat(queue.backlog()).as("nothing left to do: no run").containsExactly(0, 0, 0);
    }
}
