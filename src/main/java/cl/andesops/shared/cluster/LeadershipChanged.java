package cl.andesops.shared.cluster;

/**
 * This node began or stopped leading (PostgreSQL only; on SQLite the one node leads from the start): the sync and
 * the history imports start or stop with it.
 */
public record LeadershipChanged(boolean leads) {
}
