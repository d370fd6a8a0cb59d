package cl.andesops.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import cl.andesops.testing.NoDatabase;

/** A worker whose loop ends, even by an Error, never says it is running; it can be started again. */
@NoDatabase
class BackgroundWorkerTest {

    @Test
    void an_error_that_ends_the_loop_leaves_the_worker_stopped_and_startable() {
        BackgroundWorker worker = new BackgroundWorker("test-worker");
        assertThat(worker.start(() -> {
            throw new StackOverflowError("deep");
        })).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !worker.running());
        assertThat(worker.start(() -> { })).as("started again").isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !worker.running());
    }

    @Test
    void a_loop_busy_in_a_long_wait_is_interrupted_so_a_stop_takes_seconds() throws Exception {
        BackgroundWorker worker = new BackgroundWorker("busy-worker");
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        worker.start(() -> {
            try {
                Thread.sleep(60_000); // a request waiting for its answer, a download: deaf to the running flag
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        long t0 = System.nanoTime();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        worker.stopAside(Duration.ofSeconds(30), done::countDown);
        assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(interrupted).isTrue();
        assertThat(worker.running()).isFalse();
    }
}
