package cl.andesops.shared.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.UI;

/**
 * "Coalesce updates, then push": any number of {@link #request()}s from any thread within the delay become one run
 * of the action inside {@code ui.access}, so a burst of commits or streamed tokens costs a screen one redraw. Pushes
 * run on virtual threads, so many open screens are refreshed side by side rather than queued behind one another.
 */
public final class CoalescedPush {

    private static final Executor PUSHERS = Executors.newVirtualThreadPerTaskExecutor();

    private final UI ui;
    private final Duration delay;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** {@code action} runs in the UI's session lock; {@code delay} may be zero (the next free moment). */
    public CoalescedPush(UI ui, Duration delay, Runnable action) {
        this.ui = ui;
        this.delay = delay;
        this.action = action;
    }

    public void request() {
        if (scheduled.compareAndSet(false, true)) {
            Executor executor = delay.isZero() ? PUSHERS
                    : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, PUSHERS);
            executor.execute(() -> access(ui, () -> {
                scheduled.set(false);
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
