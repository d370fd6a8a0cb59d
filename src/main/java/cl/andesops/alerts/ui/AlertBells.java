package cl.andesops.alerts.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cl.andesops.alerts.AlertsAdded;

/** The open bells, each told when its key has new alerts (from this node's matching or the leader's notice). */
@Component
class AlertBells {

    record Bell(String keyId, Runnable refresh) {
    }

    private final List<Bell> bells = new CopyOnWriteArrayList<>();

    Runnable add(String keyId, Runnable refresh) {
        Bell b = new Bell(keyId, refresh);
        bells.add(b);
        return () -> bells.remove(b);
    }

    /** The bells of a key now (its alerts were read on /alerts). */
    void refresh(String keyId) {
        on(new AlertsAdded(java.util.Set.of(keyId)));
    }

    @EventListener
    void on(AlertsAdded added) {
        for (Bell b : bells) {
            if (added.keyIds().contains(b.keyId())) {
                try {
                    b.refresh().run();
                } catch (RuntimeException closed) {
                    // a closed tab is not told
                }
            }
        }
    }
}
