package cl.andesops.sync;

import java.util.List;

import cl.andesops.shared.events.SyncProgress;

/** What the sync is doing, how much quota it spent today, and its recent jobs. */
public record SyncStatus(SyncProgress progress, boolean simulated, String quotaDay, int requestsToday,
                         int backgroundToday, int interactiveToday, int quota, int quotaLeft, List<SyncJob> jobs) {
}
