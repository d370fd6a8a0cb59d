package cl.andesops.shared.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fans application events out to open screens: each view subscribes on attach and unsubscribes on detach, and
 * pushes to its own UI. One event, one delivery per subscriber: no subscriber re-reads the database for another.
 */
@Component
public class LiveUpdates {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveUpdates.class);

    private final List<Consumer<DataChanged>> dataListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private volatile SyncProgress lastProgress;

    public Runnable onData(Consumer<DataChanged> listener) {
        dataListeners.add(listener);
        return () -> dataListeners.remove(listener);
    }

    public Runnable onProgress(Consumer<SyncProgress> listener) {
        progressListeners.add(listener);
        return () -> progressListeners.remove(listener);
    }

    public SyncProgress lastProgress() {
        return lastProgress;
    }

    public int subscribers() {
        return dataListeners.size();
    }

    /** Each screen alone: a tab that fails (closed, detached) never fails the commit that announced the change. */
    @EventListener
    void on(DataChanged event) {
        for (Consumer<DataChanged> l : dataListeners) {
            deliver(l, event);
        }
    }

    private static <T> void deliver(Consumer<T> listener, T event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.debug("A screen could not take an update: {}", e.toString());
        }
    }

    @EventListener
    void on(SyncProgress event) {
        lastProgress = event;
        for (Consumer<SyncProgress> l : progressListeners) {
            deliver(l, event);
        }
    }
}
