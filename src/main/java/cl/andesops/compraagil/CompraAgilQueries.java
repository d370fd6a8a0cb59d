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

    private final cl.andesops.shared.persistence.SqlDialect dialect;

    CompraAgilQueries(JdbcClient jdbc, CompraAgilTextIndex text, cl.andesops.shared.persistence.SqlDialect dialect) {
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.text = text;
    }

    List<CompraAgilRow> find(CompraAgilFilter f, int offset, int limit) {
        Where w = where(f);
        return w.bind(jdbc.sql("""
                        SELECT code, name, state_id, state, organism, region, currency, available_amount, amount_clp,
                               published_at, closes_at, offers_received, organism_rut
                          FROM ca_request""" + w.sql + " ORDER BY changed_at DESC NULLS LAST, id DESC"
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", limit).param("offset", offset).query(CompraAgilQueries::row).list();
    }

    int count(CompraAgilFilter f) {
        Where w = where(f);
        return w.bind(jdbc.sql("SELECT count(*) FROM ca_request" + w.sql)).query(Integer.class).single();
    }

    List<String> regions() {
        return jdbc.sql("SELECT DISTINCT region FROM ca_request WHERE region IS NOT NULL ORDER BY region")
                .query(String.class).list();
    }

    /** Whether the words match more requests than a text filter may. */
    boolean tooBroad(String words) {
        return words != null && text.tooBroad(words, null, null);
    }

    int textMatchLimit() {
        return text.maxMatches();
    }

    /** The filter as SQL, a clause per condition set; the words are matched by the search index, SQL joins its ids. */
    private Where where(CompraAgilFilter f) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.text() != null && text.restricts(f.text())) {
            clauses.add(dialect.inJsonIds("id", "ids"));
            params.put("ids", text.matchingIds(f.text(), null, null));
        }
        add(clauses, params, "state_id = :state", "state", f.state());
        add(clauses, params, "region = :region", "region", f.region());
        add(clauses, params, "amount_clp >= :min", "min", f.minAmount());
        add(clauses, params, "amount_clp <= :max", "max", f.maxAmount());
        add(clauses, params, "closes_at >= :after", "after", f.closesAfter() == null ? null
                : f.closesAfter().toEpochMilli());
        add(clauses, params, "closes_at <= :before", "before", f.closesBefore() == null ? null
                : f.closesBefore().toEpochMilli());
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static void add(List<String> clauses, Map<String, Object> params, String clause, String name,
                            Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
    }

    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
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
                    rs.getInt("has_detail") == 1, products(id), quotes(id), rs.getInt("from_open_data") == 1);
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
                        + "total, quote_id").param("id", id)
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
                instant(rs, "closes_at"), (Integer) rs.getObject("offers_received"), rs.getString("organism_rut"));
    }

    static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
