package cl.andesops.sync;

import cl.andesops.shared.cluster.Cluster;

import java.util.List;

import cl.andesops.shared.events.SyncProgress;

/**
 * What the sync is doing, how much quota it spent today (all nodes together), its recent jobs, and which node
 * leads (runs the sync) among the nodes alive.
 */
public record SyncStatus(SyncProgress progress, boolean simulated, String quotaDay, int requestsToday,
                         int backgroundToday, int interactiveToday, int quota, int quotaLeft, List<SyncJob> jobs,
                         Cluster.View cluster) {
}
