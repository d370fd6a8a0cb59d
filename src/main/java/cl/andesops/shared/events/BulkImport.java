package cl.andesops.shared.events;

/**
 * A history import on the bulk path began ({@code running}) or ended: while it runs, the tables' secondary indexes
 * are set aside, so what reads by them (the indicators' {@link Follower}s) waits for its end and then reads the whole
 * history at once; what reads by the data version (the search indexes, the Monitor's columns) follows as usual.
 */
public record BulkImport(boolean running) {
}
