package cl.andesops.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL behind the Monitor: pages of orders, newest first, filtered in the database. */
@Repository
class OrderQueries {

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrderRow> find(OrderFilter filter, int offset, int limit) {
        return jdbc.sql("""
                        SELECT code, name, buyer_name, supplier_name, type, state_code, state, currency, total,
                               amount_clp, created_at, region, flag
                          FROM purchase_order
                         WHERE (:text IS NULL OR code LIKE :like OR name LIKE :like OR buyer_name LIKE :like
                                OR supplier_name LIKE :like)
                         ORDER BY created_at DESC, id DESC
                         LIMIT :limit OFFSET :offset""")
                .param("text", filter.hasText() ? filter.text() : null)
                .param("like", filter.hasText() ? "%" + filter.text().strip() + "%" : null)
                .param("limit", limit).param("offset", offset)
                .query(OrderQueries::row).list();
    }

    int count(OrderFilter filter) {
        return jdbc.sql("""
                        SELECT count(*) FROM purchase_order
                         WHERE (:text IS NULL OR code LIKE :like OR name LIKE :like OR buyer_name LIKE :like
                                OR supplier_name LIKE :like)""")
                .param("text", filter.hasText() ? filter.text() : null)
                .param("like", filter.hasText() ? "%" + filter.text().strip() + "%" : null)
                .query(Integer.class).single();
    }

    static OrderRow row(ResultSet rs, int n) throws SQLException {
        return new OrderRow(rs.getString("code"), rs.getString("name"), rs.getString("buyer_name"),
                rs.getString("supplier_name"), rs.getString("type"), (Integer) rs.getObject("state_code"),
                rs.getString("state"), rs.getString("currency"), decimal(rs.getString("total")),
                (Long) longOrNull(rs, "amount_clp"), instant(rs, "created_at"), rs.getString("region"),
                rs.getString("flag"));
    }

    static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long v = longOrNull(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }
}
