package cl.andesops.orders;

import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The orders' tables as a bulk import sees them (the history's first import, {@code opendata.FirstImport}): how many
 * orders are stored, and which secondary indexes each table keeps while it is filled without the others.
 */
@Component
public class OrderTables {

    /**
     * The tables a bulk import fills, each with the secondary indexes it keeps meanwhile: what the import and the
     * followers read while rows go in: the data version (every follower catches up by it), buyer and supplier together
     * (the flag rules' "first order of the pair", read at every batch), and the partial index of orders without detail
     * (the live sync's queue; imported orders are never in it).
     */
    public static final Map<String, Set<String>> BULK_KEEPS = Map.of(
            "purchase_order", Set.of("po_version", "po_buyer_supplier", "po_detail"),
            "order_item", Set.of());

    private final JdbcClient jdbc;

    OrderTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders stored, counted up to {@code atMost} (reading no more rows than that). */
    public long storedUpTo(long atMost) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM purchase_order LIMIT :n) AS o").param("n", atMost)
                .query(Long.class).single();
    }
}
