package cl.andesops.opendata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cl.andesops.orders.OrderTables;
import cl.andesops.shared.events.BulkImport;
import cl.andesops.shared.persistence.PlannerStatistics;
import cl.andesops.shared.persistence.SuspendedIndexes;

/**
 * The bulk path of a history import that begins on (almost) no orders: the first start, or a re-import into an
 * emptied table. While it lasts, the orders' secondary indexes are set aside ({@link SuspendedIndexes}; which stay:
 * {@link OrderTables#BULK_KEEPS}) and the indicators, whose reads need them, wait ({@link BulkImport}) and read the
 * history once when it ends; the search indexes and the Monitor's columns, which read by the data version, follow the
 * batches as usual on the other core.
 * It ends when the queue is worked through or paused; a process that dies meanwhile makes the indexes again at its
 * next start. The header says "importando la historia" meanwhile ({@link HistoryIndicator}).
 */
@Component
public class FirstImport {

    private static final Logger log = LoggerFactory.getLogger(FirstImport.class);

    private final SuspendedIndexes indexes;
    private final OrderTables orders;
    private final ApplicationEventPublisher events;
    private final PlannerStatistics statistics;
    private final long below;
    private volatile boolean active;

    FirstImport(SuspendedIndexes indexes, OrderTables orders, ApplicationEventPublisher events,
                PlannerStatistics statistics, OpenDataProperties properties) {
        this.indexes = indexes;
        this.orders = orders;
        this.events = events;
        this.statistics = statistics;
        this.below = properties.bulkBelow();
    }

    /** Whether the bulk path is on. */
    public boolean active() {
        return active;
    }

    /**
     * Takes the bulk path when the orders stored are fewer than the configured bound; returns whether it is on. Any
     * index a dead process left set aside is made again first when it is not taken; when an index cannot be set
     * aside, those that were are made again and the import takes the usual path.
     */
    public synchronized boolean beginIfEmpty() {
        if (active) {
            return true;
        }
        long stored = below <= 0 ? 0 : orders.storedUpTo(below);
        if (below <= 0 || stored >= below) {
            restoreLeftovers();
            return false;
        }
        events.publishEvent(new BulkImport(true)); // the indicators wait before their indexes go
        try {
            OrderTables.BULK_KEEPS.forEach(indexes::suspend);
        } catch (RuntimeException e) {
            // a database that refuses (a user without the right to drop an index): the import goes on the usual way
            log.warn("The orders' indexes could not be set aside ({}): the history comes in the usual way",
                    e.getMessage());
            try {
                restore();
            } finally {
                events.publishEvent(new BulkImport(false));
            }
            return false;
        }
        active = true;
        log.info("History import on {} stored orders: the bulk path (indexes set aside, indicators at the end)", stored);
        return true;
    }

    /**
     * Ends the bulk path: makes the indexes again, refreshes the planner's statistics, and lets the indicators read
     * what came in. When it is not on, makes again what a failed end or a dead process left set aside.
     */
    public synchronized void end() {
        if (!active) {
            restoreLeftovers();
            return;
        }
        try {
            restore();
        } finally {
            active = false;
            events.publishEvent(new BulkImport(false));
        }
    }

    /** Makes again what a process that died in the bulk path set aside (when it is not on in this one). */
    public synchronized void restoreLeftovers() {
        if (!active && !indexes.suspended().isEmpty()) {
            log.info("A history import in bulk was cut short: its indexes are made again");
            restore();
        }
    }

    private void restore() {
        if (indexes.restore() > 0) {
            statistics.refresh();
        }
    }
}
