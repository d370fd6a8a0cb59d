package cl.andesops.shared.persistence;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.events.DataChanged.Dataset;

/**
 * The data version of each dataset: a counter that every write transaction moves on and stamps on the rows it
 * writes ({@code version} column). Whatever is derived from a dataset (a search index, the Monitor's columns)
 * remembers the version it reflects and catches up by reading the rows stamped after it, after a commit, a restart
 * or a crash alike.
 */
@Component
public class DataVersions {

    private final JdbcTemplate writer;
    private final JdbcClient read;
    /** The last version each dataset took on this thread, until its commit is announced. */
    private final ThreadLocal<java.util.EnumMap<Dataset, Long>> taken =
            ThreadLocal.withInitial(() -> new java.util.EnumMap<>(Dataset.class));

    DataVersions(@Qualifier(Writer.NAME) JdbcTemplate writer, JdbcClient read) {
        this.writer = writer;
        this.read = read;
    }

    /** Inside the caller's write transaction: the version the rows it writes carry. */
    public long next(Dataset dataset) {
        writer.update("UPDATE data_version SET version = version + 1 WHERE dataset = ?", key(dataset));
        long v = writer.queryForObject("SELECT version FROM data_version WHERE dataset = ?", Long.class, key(dataset));
        taken.get().merge(dataset, v, Math::max);
        return v;
    }

    /**
     * After the caller's write transaction committed: the version its rows of the dataset carry (the last one it took
     * on this thread), which the commit's {@link cl.andesops.shared.events.DataChanged} announces so that no follower
     * asks the database. Forgets it. A transaction rolled back took nothing lasting: its counter went back too, and the
     * next commit takes that number again.
     */
    public long committed(Dataset dataset) {
        Long v = taken.get().remove(dataset);
        return v != null ? v : current(dataset);
    }

    /** The last committed version of the dataset. */
    public long current(Dataset dataset) {
        return read.sql("SELECT version FROM data_version WHERE dataset = :d").param("d", key(dataset))
                .query(Long.class).single();
    }

    private static String key(Dataset dataset) {
        return switch (dataset) {
            case ORDERS -> "orders";
            case TENDERS -> "tenders";
            case COMPRA_AGIL -> "compra_agil";
        };
    }
}
