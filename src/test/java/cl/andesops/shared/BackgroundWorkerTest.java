package cl.andesops.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A worker whose loop ends, even by an Error, never says it is running; it can be started again. */
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
}
