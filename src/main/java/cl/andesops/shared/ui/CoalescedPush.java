package cl.andesops.shared.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.UI;

/**
 * "Push at once, then at most once a delay": the first {@link #request()} after a quiet delay runs the action inside
 * {@code ui.access} at once, and any number of requests from any thread after that become one more run, a delay after
 * the one before; so a burst of commits or streamed tokens costs a screen two redraws, and news that comes alone is
 * shown without waiting. Pushes run on virtual threads, so many open screens are refreshed side by side rather than
 * queued behind one another.
 */
public final class CoalescedPush {

    private static final Executor PUSHERS = Executors.newVirtualThreadPerTaskExecutor();

    private final UI ui;
    private final Duration delay;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When the action last began (System.nanoTime), long ago at first. */
    private volatile long lastRun;
    private volatile boolean ranOnce;
    /** Whether a first request runs at once ({@link #afterDelay} waits the delay first, every time). */
    private final boolean leading;

    /** {@code action} runs in the UI's session lock; {@code delay} may be zero (the next free moment). */
    public CoalescedPush(UI ui, Duration delay, Runnable action) {
        this(ui, delay, action, true);
    }

    private CoalescedPush(UI ui, Duration delay, Runnable action, boolean leading) {
        this.ui = ui;
        this.delay = delay;
        this.action = action;
        this.leading = leading;
    }

    /**
     * Requests within the delay become one run, a delay after the first of them: for a screen that reads something
     * that catches up just after the news (a search index after a commit).
     */
    public static CoalescedPush afterDelay(UI ui, Duration delay, Runnable action) {
        return new CoalescedPush(ui, delay, action, false);
    }

    public void request() {
        if (scheduled.compareAndSet(false, true)) {
            long wait = !leading ? delay.toNanos()
                    : ranOnce ? delay.toNanos() - (System.nanoTime() - lastRun) : 0;
            Executor executor = wait <= 0 ? PUSHERS
                    : CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, PUSHERS);
            executor.execute(() -> access(ui, () -> {
                scheduled.set(false);
                lastRun = System.nanoTime();
                ranOnce = true;
                action.run();
            }));
        }
    }

    /**
     * {@code ui.access} for work that arrives from another thread: a screen closed meanwhile (its tab, its session)
     * is simply not updated, rather than failing the thread that brought the news.
     */
    public static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (com.vaadin.flow.component.UIDetachedException closed) {
            // nobody is looking any more
        }
    }

    /** Runs slow work off the request thread (facts, aggregates), on the same virtual threads. */
    public static <T> CompletableFuture<T> supplyAsync(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, PUSHERS);
    }
}
