package cl.andesops.shared.events;

import java.util.List;

/**
 * Published after a write transaction commits: which records of a dataset were added or changed. Screens that
 * show the dataset refresh; the search index re-reads the codes.
 */
public record DataChanged(Dataset dataset, List<String> added, List<String> changed) {

    public enum Dataset { ORDERS, TENDERS, COMPRA_AGIL }

    public DataChanged {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty();
    }
}
