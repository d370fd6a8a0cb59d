package cl.andesops.compraagil;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.format.PartyKeys;

/**
 * The Compra Ágil requests of a buyer (by its units' RUTs) and the quotes of a supplier (by its RUT), as their
 * profiles need them. The Compra Ágil feature owns these tables; the parties feature reads them here.
 */
@Component
public class CompraAgilPartyQueries {

    private final JdbcClient jdbc;

    CompraAgilPartyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each request the RUTs published in [from, to) (epoch ms): its quotes, its selected ones, and whether a selected
     * one was the cheapest ({@code [quotes, selected, cheapestSelected]}).
     */
    public List<long[]> buyerRequests(List<String> organismRuts, long fromMillis, long toMillis) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM ca_quote q WHERE q.request_id = r.id),
                               (SELECT count(*) FROM ca_quote q WHERE q.request_id = r.id AND q.selected = 1),
                               (SELECT count(*) FROM ca_quote q WHERE q.request_id = r.id AND q.selected = 1
                                   AND q.total <= (SELECT min(q2.total) FROM ca_quote q2
                                                                 WHERE q2.request_id = r.id))
                          FROM ca_request r
                         WHERE r.organism_rut IN (:ruts) AND r.published_at >= :fromMillis
                           AND r.published_at < :toMillis""")
                .param("ruts", organismRuts).param("fromMillis", fromMillis).param("toMillis", toMillis)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
    }

    /** A supplier's quotes on requests published in [from, to), and how many were selected. */
    public long[] supplierQuotes(List<String> rutSpellings, long fromMillis, long toMillis) {
        return jdbc.sql("""
                        SELECT count(*), coalesce(sum(q.selected), 0) FROM ca_quote q
                          JOIN ca_request c ON c.id = q.request_id
                         WHERE q.supplier_rut IN (:r) AND c.published_at >= :fromMillis AND c.published_at < :toMillis""")
                .param("r", rutSpellings).param("fromMillis", fromMillis).param("toMillis", toMillis)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The names a supplier's quotes gave it, with when they last did. */
    public List<Object[]> supplierNames(List<String> rutSpellings) {
        return jdbc.sql("""
                        SELECT supplier_name, max(coalesce(created_at, 0)) FROM (
                            SELECT supplier_name, created_at FROM ca_quote WHERE supplier_rut IN (:r) LIMIT 5000) sampled
                         WHERE supplier_name IS NOT NULL GROUP BY supplier_name""")
                .param("r", rutSpellings).query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).list();
    }

    /** The highest request id: the end of a full read of the names. */
    public long maxId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM ca_request").query(Long.class).single();
    }

    /** Each supplier and product name the requests in {@code rows} give, once per spelling (or more). */
    public void names(PartyKeys.Rows rows, Consumer<PartyKeys.Named> each) {
        jdbc.sql(rows.changed("ca_request", "t.id") + "SELECT DISTINCT q.supplier_rut, q.supplier_name FROM changed c "
                        + "CROSS JOIN ca_quote q WHERE q.request_id = c.id").params(rows.params()).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.SUPPLIER, rs.getString(1), rs.getString(2));
                });
        jdbc.sql(rows.changed("ca_request", "t.id") + "SELECT DISTINCT p.product_code, p.name FROM changed c "
                        + "CROSS JOIN ca_product p WHERE p.request_id = c.id").params(rows.params()).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.PRODUCT, rs.getString(1), rs.getString(2));
                });
    }

}
