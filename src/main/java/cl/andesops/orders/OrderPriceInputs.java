package cl.andesops.orders;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the unit-price indicator reads of order lines in a period: the prices in pesos of each product and unit in
 * order (to take their quantiles a product at a time), then every order's lines in order of the order. Both stream
 * row by row; neither holds the period's lines.
 */
@Repository
public class OrderPriceInputs {

    /** A line's product, unit and unit price in pesos (net, as the order gives it). */
    public record Price(String productCode, String unit, double price) {
    }

    /** A line of an order, with the order's code, day (yyyymmdd) and parties. */
    public record Line(long orderId, String code, int day, String buyerCode, String supplierRut, String productCode,
            String product, String unit, Double price, boolean pesos) {
    }

    private static final String LINES = """
             FROM order_item oi JOIN purchase_order po ON po.id = oi.order_id
            WHERE po.has_detail = 1 AND po.day BETWEEN :f AND :t""";
    /** Unit prices compared in pesos only: a line in another currency is not judged. */
    private static final String PESOS = "coalesce(oi.currency, po.currency, 'CLP') = 'CLP'";

    private final JdbcClient jdbc;

    OrderPriceInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every priced line in pesos of the days, by product, unit and price. */
    public void prices(int fromDay, int toDay, Consumer<Price> each) {
        jdbc.sql("SELECT oi.product_code, coalesce(oi.unit, ''), oi.net_price AS price"
                        + LINES + " AND oi.product_code IS NOT NULL AND oi.net_price IS NOT NULL AND " + PESOS
                        + " ORDER BY 1, 2, 3")
                .param("f", fromDay).param("t", toDay)
                .query(rs -> {
                    each.accept(new Price(rs.getString(1), rs.getString(2), rs.getDouble(3)));
                });
    }

    /** Every line of the days' detailed orders, an order's lines together, in order of the order. */
    public void lines(int fromDay, int toDay, Consumer<Line> each) {
        jdbc.sql("SELECT po.id, po.code, po.day, po.buyer_code, po.supplier_rut, oi.product_code, oi.product, "
                        + "coalesce(oi.unit, ''), oi.net_price, CASE WHEN " + PESOS
                        + " THEN 1 ELSE 0 END" + LINES + " ORDER BY po.id, oi.line")
                .param("f", fromDay).param("t", toDay)
                .query(rs -> {
                    double price = rs.getDouble(9);
                    Double p = rs.wasNull() ? null : price;
                    each.accept(new Line(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), p,
                            rs.getInt(10) == 1));
                });
    }
}
