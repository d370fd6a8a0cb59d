package cl.andesops.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One background thread that loops while running, waits between rounds and can be woken early: the life the sync
 * worker and the history import share. Its owner's loop checks {@link #running()} and calls {@link #idle} to wait.
 */
public final class BackgroundWorker {

    private final String name;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object signal = new Object();
    private volatile Thread thread;

    public BackgroundWorker(String name) {
        this.name = name;
    }

    /** Starts the loop on its own (daemon) thread, once; false when it was running already. */
    public boolean start(Runnable loop) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        thread = Thread.ofPlatform().name(name).daemon(true).start(() -> {
            try {
                loop.run();
            } catch (Throwable t) {
                org.slf4j.LoggerFactory.getLogger(BackgroundWorker.class).error("{} stopped by an error", name, t);
            } finally {
                running.set(false); // whatever ended the loop, the status never says running when it is not
            }
        });
        return true;
    }

    /** How long a loop is given to notice it should end before its wait (a request, a download) is interrupted. */
    static final Duration NOTICE = Duration.ofSeconds(2);

    /**
     * Asks the loop to end, wakes it, and waits for it up to {@code grace}; a loop still busy after {@link #NOTICE}
     * (a request waiting for its spacing or its answer, a download) is interrupted, so a stop takes seconds, not a
     * round. What it was doing is resumed at the next start from what it last committed.
     */
    public void stop(Duration grace) {
        running.set(false);
        wake();
        Thread t = thread;
        if (t != null) {
            try {
                long deadline = System.nanoTime() + grace.toNanos();
                t.join(NOTICE.compareTo(grace) < 0 ? NOTICE : grace);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@link #stop} on a thread of its own, then {@code done}: a lifecycle's asynchronous stop, so the workers of one
     * phase stop side by side and the app's stop takes the longest of them, not their sum.
     */
    public void stopAside(Duration grace, Runnable done) {
        Thread.ofVirtual().name(name + "-stop").start(() -> {
            try {
                stop(grace);
            } finally {
                done.run();
            }
        });
    }

    public boolean running() {
        return running.get();
    }

    /** Ends a wait early: there is work. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Waits up to {@code d} or until woken; an interrupt ends the loop. */
    public void idle(Duration d) {
        synchronized (signal) {
            try {
                signal.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }
}
