package cl.andesops.shared.cluster;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import cl.andesops.shared.BackgroundWorker;

/**
 * Work only the leading node does (always the one node, on SQLite), on one background thread: started with the app
 * when this node leads, started when it comes to lead and stopped when it no longer does, so that another node takes
 * over from what was last committed. The sync and the history import are such work; a subclass writes its loop
 * (checking {@link #working()} and waiting with {@link #idle}) and says whether it is enabled.
 */
public abstract class LeaderWorker implements SmartLifecycle {

    /** What a stop gives the loop (docker stop kills after 10 s). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(8);

    private final BackgroundWorker worker;
    private final Cluster cluster;

    protected LeaderWorker(String name, Cluster cluster) {
        this.worker = new BackgroundWorker(name);
        this.cluster = cluster;
    }

    /** The loop: runs while {@link #working()}, on the worker's thread. */
    protected abstract void loop();

    /** Whether this work is switched on by configuration. */
    protected abstract boolean enabled();

    /** Before the loop starts (on the caller's thread): what the loop needs set up first. */
    protected void beforeStart() {
    }

    /** Runs only on the node that leads; another node takes over where it stopped. */
    @Override
    public final void start() {
        if (!enabled() || worker.running() || !cluster.leads()) {
            return;
        }
        beforeStart();
        worker.start(this::loop);
    }

    @Override
    public final void stop() {
        worker.stop(STOP_GRACE);
    }

    /** Stopped on a thread of its own: the workers of one phase stop side by side. */
    @Override
    public final void stop(Runnable callback) {
        worker.stopAside(STOP_GRACE, callback);
    }

    @EventListener
    void on(LeadershipChanged change) {
        if (change.leads()) {
            start();
        } else {
            stop();
        }
    }

    @Override
    public final boolean isRunning() {
        return worker.running();
    }

    /** After the web server and the indexes are up; stopped before them. */
    @Override
    public final int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Whether the loop should go on. */
    protected final boolean working() {
        return worker.running();
    }

    /** Ends the loop from inside it (an interrupt). */
    protected final void quit() {
        worker.stop(Duration.ZERO);
    }

    /** Waits up to {@code d} or until woken. */
    protected final void idle(Duration d) {
        worker.idle(d);
    }

    /** Ends a wait early: there is work. */
    protected final void wake() {
        worker.wake();
    }

    protected final Cluster cluster() {
        return cluster;
    }
}
