package cl.andesops.shared.events;

import java.util.List;

/**
 * Published after a write transaction commits: which records of a dataset were added or changed. Screens that
 * show the dataset refresh; the search index re-reads the codes. On PostgreSQL another node's commits arrive the
 * same way ({@code fromOtherNode}), their codes as many as a notification carries, possibly none after a
 * reconnect: what is derived from the dataset catches up by its data version either way.
 */
public record DataChanged(Dataset dataset, List<String> added, List<String> changed, boolean fromOtherNode) {

    /** A commit of this node. */
    public DataChanged(Dataset dataset, List<String> added, List<String> changed) {
        this(dataset, added, changed, false);
    }

    public enum Dataset { ORDERS, TENDERS, COMPRA_AGIL }

    public DataChanged {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty();
    }
}
