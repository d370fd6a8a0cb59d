package cl.andesops.alerts;

import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.events.Signal;

/** The leader's new alerts reach the bells of every node: by the same LISTEN/NOTIFY session as the commits. */
@Component
class AlertSignals {

    static final String TOPIC = "alerts";

    private final Cluster cluster;
    private final ApplicationEventPublisher events;

    AlertSignals(Cluster cluster, ApplicationEventPublisher events) {
        this.cluster = cluster;
        this.events = events;
    }

    @EventListener
    void on(AlertsAdded added) {
        if (!added.fromOtherNode()) {
            cluster.signal(TOPIC, List.copyOf(added.keyIds()));
        }
    }

    @EventListener
    void on(Signal signal) {
        if (TOPIC.equals(signal.topic())) {
            events.publishEvent(new AlertsAdded(Set.copyOf(signal.subjects()), true));
        }
    }
}
