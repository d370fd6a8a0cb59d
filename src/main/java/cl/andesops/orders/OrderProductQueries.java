package cl.andesops.orders;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order lines of one product (its UNSPSC product code) as its price reference needs them, on the index by
 * product. The orders feature owns these tables; the parties feature reads them here.
 */
@Component
public class OrderProductQueries {

    /** One line: its order, day, unit, currency, unit price, quantity, buyer, supplier, region and procedure. */
    public record Line(String orderCode, int day, String unit, String currency, String unitPrice, String quantity,
                       String buyerCode, String buyerName, String supplierRut, String supplierName, String region,
                       String procedure, String name) {
    }

    private final JdbcClient jdbc;

    OrderProductQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands each line of the product in the days to {@code each}, newest first, at most {@code limit}. */
    public void lines(String productCode, int fromDay, int toDay, int limit, Consumer<Line> each) {
        jdbc.sql("""
                        SELECT po.code, po.day, oi.unit, coalesce(oi.currency, po.currency), oi.net_price, oi.quantity,
                               po.buyer_code, po.buyer_name, po.supplier_rut, po.supplier_name, po.region,
                               """ + OrderPartyQueries.PROCEDURE + """
                        , oi.product
                          FROM order_item oi JOIN purchase_order po ON po.id = oi.order_id
                         WHERE oi.product_code = :p AND po.has_detail = 1 AND po.day BETWEEN :f AND :t
                         ORDER BY po.day DESC, po.code LIMIT :limit""")
                .param("p", productCode).param("f", fromDay).param("t", toDay).param("limit", limit)
                .query(rs -> {
                    each.accept(new Line(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
                });
    }
}
