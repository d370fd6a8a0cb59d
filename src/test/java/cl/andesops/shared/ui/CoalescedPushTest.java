package cl.andesops.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cl.andesops.testing.NoDatabase;

/**
 * News that comes alone reaches a screen at once; a burst after it costs one more run, a delay later; a screen that
 * waits for an index to catch up ({@link CoalescedPush#afterDelay}) runs once, a delay after the first request.
 */
@NoDatabase
class CoalescedPushTest {

    private static final Duration DELAY = Duration.ofSeconds(2);
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    /** Runs the UI's queue until {@code runs} reaches {@code n} or {@code within} passes; returns the runs. */
    private int await(int n, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end && runs.get() < n) {
            MockVaadin.runUIQueue();
            Thread.sleep(10);
        }
        MockVaadin.runUIQueue();
        return runs.get();
    }

    @Test
    void the_first_request_runs_at_once_and_a_burst_after_it_once_more_a_delay_later() throws Exception {
        CoalescedPush push = new CoalescedPush(UI.getCurrent(), DELAY, runs::incrementAndGet);
        long t0 = System.nanoTime();
        push.request();
        assertThat(await(1, Duration.ofSeconds(1))).as("not held for the delay").isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            push.request();
        }
        assertThat(await(2, Duration.ofMillis(500))).as("the burst waits for the delay").isEqualTo(1);
        assertThat(await(2, Duration.ofSeconds(5))).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(DELAY);
        assertThat(await(3, Duration.ofMillis(300))).as("the burst was one run").isEqualTo(2);
    }

    @Test
    void after_delay_waits_the_delay_before_its_one_run() throws Exception {
        CoalescedPush push = CoalescedPush.afterDelay(UI.getCurrent(), DELAY, runs::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            push.request();
        }
        assertThat(await(1, Duration.ofMillis(1_000))).isZero();
        assertThat(await(1, Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(await(2, Duration.ofMillis(300))).isEqualTo(1);
    }
}
