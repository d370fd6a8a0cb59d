package cl.andesops.orders;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the indicators that compare a party with its peers read of orders in a period: sums by buyer, category and
 * supplier, by supplier and buyer, and the amounts near a cap. Each is one GROUP BY (or a range read) streamed row by
 * row, never the period's orders in memory.
 */
@Repository
public class OrderPeerInputs {

    /** A buyer's detailed orders in a category from one supplier (RUT as stored): how many and their pesos. */
    public record Share(String buyerCode, String category, String supplierRut, long orders, long pesos) {
    }

    /** A supplier's orders from one buyer: how many, their pesos, and the UNSPSC segments they fall in. */
    public record Pair(String supplierRut, String buyerCode, long orders, long pesos, int segments) {
    }

    /** One order whose amount is near a cap: its buyer, day (yyyymmdd), type and pesos. */
    public record Amount(String buyerCode, int day, String type, long pesos) {
    }

    private static final String DETAILED = " FROM purchase_order WHERE has_detail = 1 AND day BETWEEN :f AND :t "
            + "AND buyer_code IS NOT NULL";

    private final JdbcClient jdbc;

    OrderPeerInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every buyer's pesos by category and supplier in the days, by buyer and then category. */
    public void shares(int fromDay, int toDay, Consumer<Share> each) {
        jdbc.sql("SELECT buyer_code, category_code, supplier_rut, count(*), coalesce(sum(amount_clp), 0)" + DETAILED
                        + " AND category_code IS NOT NULL AND supplier_rut IS NOT NULL"
                        + " GROUP BY buyer_code, category_code, supplier_rut ORDER BY 1, 2")
                .param("f", fromDay).param("t", toDay)
                .query(rs -> {
                    each.accept(new Share(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5)));
                });
    }

    /** Every supplier's orders by buyer in the days, by supplier. */
    public void pairs(int fromDay, int toDay, Consumer<Pair> each) {
        jdbc.sql("SELECT supplier_rut, buyer_code, count(*), coalesce(sum(amount_clp), 0), "
                        + "count(DISTINCT substr(category_code, 1, 2))" + DETAILED + " AND supplier_rut IS NOT NULL"
                        + " GROUP BY supplier_rut, buyer_code ORDER BY 1, 2")
                .param("f", fromDay).param("t", toDay)
                .query(rs -> {
                    each.accept(new Pair(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getInt(5)));
                });
    }

    /** The orders of the days whose pesos are in {@code [low, high)}, in no order. */
    public void amounts(int fromDay, int toDay, long low, long high, Consumer<Amount> each) {
        jdbc.sql("SELECT buyer_code, day, type, amount_clp" + DETAILED + " AND amount_clp >= :lo AND amount_clp < :hi")
                .param("f", fromDay).param("t", toDay).param("lo", low).param("hi", high)
                .query(rs -> {
                    each.accept(new Amount(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)));
                });
    }
}
