package cl.andesops.compraagil;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CompraAgilQueries {

    private final JdbcClient jdbc;
    private final CompraAgilTextIndex text;

    CompraAgilQueries(JdbcClient jdbc, CompraAgilTextIndex text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    List<CompraAgilRow> find(CompraAgilFilter f, int offset, int limit) {
        return bind(jdbc.sql("""
                        SELECT code, name, state_id, state, organism, region, currency, available_amount, amount_clp,
                               published_at, closes_at, offers_received
                          FROM ca_request""" + " " + WHERE + " ORDER BY changed_at DESC, id DESC LIMIT :limit OFFSET :offset"), f)
                .param("limit", limit).param("offset", offset).query(CompraAgilQueries::row).list();
    }

    int count(CompraAgilFilter f) {
        return bind(jdbc.sql("SELECT count(*) FROM ca_request " + WHERE), f).query(Integer.class).single();
    }

    List<String> regions() {
        return jdbc.sql("SELECT DISTINCT region FROM ca_request WHERE region IS NOT NULL ORDER BY region")
                .query(String.class).list();
    }

    private static final String WHERE = """
             WHERE (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
               AND (:state IS NULL OR state_id = :state)
               AND (:region IS NULL OR region = :region)
               AND (:min IS NULL OR amount_clp >= :min)
               AND (:max IS NULL OR amount_clp <= :max)
               AND (:after IS NULL OR closes_at >= :after)
               AND (:before IS NULL OR closes_at <= :before)""";

    /** The words are matched by the search index; SQL joins the ids it returns. */
    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, CompraAgilFilter f) {
        String ids = f.text() == null || !text.restricts(f.text()) ? null : text.matchingIds(f.text(), null, null);
        return spec.param("ids", ids).param("state", f.state()).param("region", f.region())
                .param("min", f.minAmount()).param("max", f.maxAmount())
                .param("after", f.closesAfter() == null ? null : f.closesAfter().toEpochMilli())
                .param("before", f.closesBefore() == null ? null : f.closesBefore().toEpochMilli());
    }

    Optional<CompraAgilDetailView> detail(String code) {
        return jdbc.sql("SELECT * FROM ca_request WHERE code = :code").param("code", code).query((rs, n) -> {
            long id = rs.getLong("id");
            return new CompraAgilDetailView(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                    (Integer) rs.getObject("state_id"), rs.getString("state"), rs.getString("organism"),
                    rs.getString("organism_rut"), rs.getString("unit_name"), rs.getString("region"),
                    rs.getString("currency"), decimal(rs.getString("available_amount")), rs.getString("budget_type"),
                    decimal(rs.getString("budget")), instant(rs, "published_at"), instant(rs, "closes_at"),
                    instant(rs, "changed_at"), rs.getString("delivery_address"),
                    (Integer) rs.getObject("delivery_days"), (Integer) rs.getObject("offers_received"),
                    rs.getString("order_code"), rs.getString("cancel_reason"), rs.getString("deserted_reason"),
                    rs.getInt("has_detail") == 1, products(id), quotes(id));
        }).optional();
    }

    private List<CompraAgilDetailView.Product> products(long id) {
        return jdbc.sql("SELECT * FROM ca_product WHERE request_id = :id ORDER BY line").param("id", id)
                .query((rs, n) -> new CompraAgilDetailView.Product(rs.getInt("line"), rs.getString("product_code"),
                        rs.getString("name"), rs.getString("description"), decimal(rs.getString("quantity")),
                        rs.getString("unit")))
                .list();
    }

    private List<CompraAgilDetailView.Quote> quotes(long id) {
        Map<Long, List<CompraAgilDetailView.QuoteLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM ca_quote_item WHERE request_id = :id ORDER BY quote_id, line").param("id", id)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("quote_id"), k -> new ArrayList<>())
                            .add(new CompraAgilDetailView.QuoteLine(rs.getInt("line"), rs.getString("product_code"),
                                    rs.getString("name"), decimal(rs.getString("quantity")),
                                    decimal(rs.getString("unit_price")), decimal(rs.getString("total"))));
                });
        return jdbc.sql("SELECT * FROM ca_quote WHERE request_id = :id ORDER BY selected DESC, "
                        + "CAST(total AS REAL), quote_id").param("id", id)
                .query((rs, n) -> new CompraAgilDetailView.Quote(rs.getLong("quote_id"), rs.getString("supplier_rut"),
                        rs.getString("supplier_name"), decimal(rs.getString("net_total")), decimal(rs.getString("tax")),
                        decimal(rs.getString("total")), rs.getInt("selected") == 1, instant(rs, "created_at"),
                        List.copyOf(lines.getOrDefault(rs.getLong("quote_id"), List.of()))))
                .list();
    }


    static CompraAgilRow row(ResultSet rs, int n) throws SQLException {
        long clp = rs.getLong("amount_clp");
        Long amount = rs.wasNull() ? null : clp;
        return new CompraAgilRow(rs.getString("code"), rs.getString("name"), (Integer) rs.getObject("state_id"),
                rs.getString("state"), rs.getString("organism"), rs.getString("region"), rs.getString("currency"),
                decimal(rs.getString("available_amount")), amount, instant(rs, "published_at"),
                instant(rs, "closes_at"), (Integer) rs.getObject("offers_received"));
    }

    static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
