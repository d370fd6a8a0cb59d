package cl.andesops.shared.events;

import java.util.List;

/**
 * A feature's news from another node (on PostgreSQL, by NOTIFY): a topic and what it concerns, as short ids. The
 * feature that sent it through {@code Cluster.signal} republishes it as its own event on the other nodes.
 */
public record Signal(String topic, List<String> subjects) {

    public Signal {
        subjects = List.copyOf(subjects);
    }
}
