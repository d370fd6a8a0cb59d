package cl.andesops.compraagil;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Compra Ágil quote lines of one product, for its price reference. */
@Component
public class CompraAgilProductQueries {

    /** One quoted line: its request, when published, the unit asked for, the unit price, selected or not. */
    public record Quoted(String requestCode, long publishedAt, String unit, String unitPrice, boolean selected,
                         String region) {
    }

    private final JdbcClient jdbc;

    CompraAgilProductQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands each quoted line of the product on requests published in [from, to), newest first, at most limit. */
    public void quoted(String productCode, long fromMillis, long toMillis, int limit, Consumer<Quoted> each) {
        jdbc.sql("""
                        SELECT r.code, r.published_at,
                               (SELECT max(p.unit) FROM ca_product p WHERE p.request_id = qi.request_id
                                  AND p.product_code = qi.product_code),
                               qi.unit_price, q.selected, r.region
                          FROM ca_quote_item qi
                          JOIN ca_quote q ON q.request_id = qi.request_id AND q.quote_id = qi.quote_id
                          JOIN ca_request r ON r.id = qi.request_id
                         WHERE qi.product_code = :p AND r.published_at >= :f AND r.published_at < :t
                         ORDER BY r.published_at DESC, r.code LIMIT :limit""")
                .param("p", productCode).param("f", fromMillis).param("t", toMillis).param("limit", limit)
                .query(rs -> {
                    each.accept(new Quoted(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5) == 1, rs.getString(6)));
                });
    }
}
