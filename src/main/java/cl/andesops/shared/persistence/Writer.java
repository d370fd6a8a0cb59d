package cl.andesops.shared.persistence;

/**
 * The qualifier of the single-writer beans ({@code JdbcTemplate}, {@code TransactionTemplate}, the pool behind
 * them). SQLite allows one writer; every write goes through one connection whose transactions begin IMMEDIATE,
 * so two writers never race to upgrade a read lock (SQLITE_BUSY), while reads use the main pool and, in WAL
 * mode, never wait for the writer. Never call the network inside a writer transaction: the writer is one.
 */
public final class Writer {

    public static final String NAME = "writer";

    private Writer() {
    }
}
