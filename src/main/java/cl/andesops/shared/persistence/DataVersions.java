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

    DataVersions(@Qualifier(Writer.NAME) JdbcTemplate writer, JdbcClient read) {
        this.writer = writer;
        this.read = read;
    }

    /** Inside the caller's write transaction: the version the rows it writes carry. */
    public long next(Dataset dataset) {
        writer.update("UPDATE data_version SET version = version + 1 WHERE dataset = ?", key(dataset));
        return writer.queryForObject("SELECT version FROM data_version WHERE dataset = ?", Long.class, key(dataset));
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
