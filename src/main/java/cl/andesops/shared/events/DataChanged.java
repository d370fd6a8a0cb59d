package cl.andesops.shared.events;

import java.util.List;

/**
 * Published after a write transaction commits: which records of a dataset were added or changed, and the data
 * version the commit stamped on them. Screens that show the dataset refresh; what is derived from the dataset (the
 * search indexes, the Monitor's columns, the indicators) compares the version with the one it reflects and catches up
 * from there, without asking the database whether there is anything new. On PostgreSQL another node's commits arrive
 * the same way ({@code fromOtherNode}), their codes as many as a notification carries, possibly none after a
 * reconnect. A version of {@link #UNKNOWN} says only that something may have changed: a follower looks.
 */
public record DataChanged(Dataset dataset, long version, List<String> added, List<String> changed,
                          boolean fromOtherNode) {

    /** The version of an event that cannot say it: whoever follows the dataset looks. */
    public static final long UNKNOWN = 0;

    /** A commit of this node, which stamped {@code version}. */
    public DataChanged(Dataset dataset, long version, List<String> added, List<String> changed) {
        this(dataset, version, added, changed, false);
    }

    public enum Dataset { ORDERS, TENDERS, COMPRA_AGIL }

    public DataChanged {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty();
    }

    /** Whether a follower that reflects {@code reflected} has anything to read for this event. */
    public boolean newerThan(long reflected) {
        return version == UNKNOWN || version > reflected;
    }
}
