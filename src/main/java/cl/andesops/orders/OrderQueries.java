package cl.andesops.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cl.andesops.shared.format.Formats;

/** The SQL behind the Monitor and the orders API: filtered pages, newest first, counted in the database. */
@Repository
class OrderQueries {

    private final JdbcClient jdbc;
    private final OrderTextIndex text;

    private final cl.andesops.shared.persistence.SqlDialect dialect;

    OrderQueries(JdbcClient jdbc, OrderTextIndex text, cl.andesops.shared.persistence.SqlDialect dialect) {
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.text = text;
    }

    List<OrderRow> find(OrderFilter filter, OrderSort sort, int offset, int limit) {
        Where w = where(filter, sort == OrderSort.NEWEST || sort == OrderSort.OLDEST);
        var spec = jdbc.sql("""
                SELECT code, name, buyer_name, supplier_name, type, state_code, state, currency, total,
                       amount_clp, created_at, region, flag, from_open_data, buyer_code, supplier_rut
                  FROM purchase_order po""" + w.sql + " ORDER BY " + sort.sql + " LIMIT :limit OFFSET :offset");
        w.bind(spec);
        return spec.param("limit", limit).param("offset", offset).query(OrderQueries::row).list();
    }

    /** Where a page of newest-first rows ended: the next page starts after it. */
    record After(Long createdAt, long id) {
    }

    /** A row with where it stands in the newest-first order. */
    record Keyed(OrderRow row, After at) {
    }

    /**
     * Newest first, after a given row (keyset paging: each page is an index range, however deep, where an OFFSET
     * would read and skip every row before it); rows without a date come last.
     */
    List<Keyed> newestAfter(OrderFilter filter, After after, int limit) {
        Where w = where(filter, true);
        if (after != null && after.createdAt() != null) {
            w = w.and("(po.created_at < :kc OR (po.created_at = :kc AND po.id < :kid) OR po.created_at IS NULL)",
                    "kc", after.createdAt()).with("kid", after.id());
        } else if (after != null) {
            w = w.and("po.created_at IS NULL AND po.id < :kid", "kid", after.id());
        }
        var spec = jdbc.sql("""
                SELECT id, code, name, buyer_name, supplier_name, type, state_code, state, currency, total,
                       amount_clp, created_at, region, flag, from_open_data, buyer_code, supplier_rut
                  FROM purchase_order po""" + w.sql + " ORDER BY created_at DESC NULLS LAST, id DESC LIMIT :limit");
        w.bind(spec);
        return spec.param("limit", limit).query((rs, n) -> new Keyed(row(rs, n),
                new After(longOrNull(rs, "created_at"), rs.getLong("id")))).list();
    }

    int count(OrderFilter filter) {
        Where w = where(filter);
        var spec = jdbc.sql("SELECT count(*) FROM purchase_order po" + w.sql);
        w.bind(spec);
        return spec.query(Integer.class).single();
    }

    List<Party> buyers(String text, int offset, int limit) {
        return jdbc.sql("""
                        SELECT organism_code, max(organism_name) FROM buyer
                         WHERE organism_code IS NOT NULL AND (CAST(:like AS TEXT) IS NULL
                               OR lower(organism_name) LIKE :like OR organism_code = :text)
                         GROUP BY organism_code ORDER BY max(organism_name) LIMIT :limit OFFSET :offset""")
                .param("like", text == null || text.isBlank() ? null
                        : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%")
                .param("text", text == null ? null : text.strip()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2))).list();
    }

    List<Party> suppliers(String text, int offset, int limit) {
        return jdbc.sql("""
                        SELECT code, name FROM supplier
                         WHERE (CAST(:like AS TEXT) IS NULL OR lower(name) LIKE :like OR lower(rut) LIKE :like
                                OR code = :text)
                         ORDER BY name LIMIT :limit OFFSET :offset""")
                .param("like", text == null || text.isBlank() ? null
                        : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%")
                .param("text", text == null ? null : text.strip()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2))).list();
    }

    Optional<Party> buyer(String code) {
        return jdbc.sql("SELECT organism_code, organism_name FROM buyer WHERE organism_code = :c LIMIT 1")
                .param("c", code).query((rs, n) -> new Party(rs.getString(1), rs.getString(2))).optional();
    }

    Optional<Party> supplier(String code) {
        return jdbc.sql("SELECT code, name FROM supplier WHERE code = :c").param("c", code)
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2))).optional();
    }

    List<String> regions() {
        return jdbc.sql("SELECT DISTINCT region FROM buyer WHERE region IS NOT NULL ORDER BY region")
                .query(String.class).list();
    }

    Optional<OrderDetailView> detail(String code) {
        return jdbc.sql("""
                        SELECT o.*, b.unit_rut FROM purchase_order o
                          LEFT JOIN buyer b ON b.unit_code = o.buyer_unit_code
                         WHERE o.code = :code""").param("code", code)
                .query((rs, n) -> new OrderDetailView(rs.getString("code"), rs.getString("name"),
                        rs.getString("description"), (Integer) rs.getObject("state_code"), rs.getString("state"),
                        rs.getString("supplier_state"), rs.getString("type"), rs.getString("currency"),
                        decimal(rs.getString("net_total")), decimal(rs.getString("tax")),
                        decimal(rs.getString("total")), longOrNull(rs, "amount_clp"), rs.getString("tender_code"),
                        rs.getString("buyer_code"), rs.getString("buyer_name"), rs.getString("unit_name"),
                        rs.getString("unit_rut"), rs.getString("supplier_code"), rs.getString("supplier_name"),
                        rs.getString("supplier_rut"), rs.getString("region"), rs.getString("payment_terms"),
                        instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "accepted_at"),
                        instant(rs, "cancelled_at"), instant(rs, "modified_at"), rs.getInt("has_detail") == 1,
                        rs.getString("flag"), items(rs.getLong("id")), rs.getInt("from_open_data") == 1))
                .optional();
    }

    private List<OrderDetailView.Item> items(long orderId) {
        return jdbc.sql("SELECT * FROM order_item WHERE order_id = :id ORDER BY line").param("id", orderId)
                .query((rs, n) -> new OrderDetailView.Item(rs.getInt("line"), rs.getString("category_code"),
                        rs.getString("category"), rs.getString("product_code"), rs.getString("product"),
                        rs.getString("buyer_spec"), rs.getString("supplier_spec"), decimal(rs.getString("quantity")),
                        rs.getString("unit"), decimal(rs.getString("net_price")), decimal(rs.getString("total"))))
                .list();
    }

    /** A WHERE clause over {@code purchase_order po} built from the filter, with its parameters. */
    static final class Where {
        final String sql;
        private final List<Object[]> params;

        Where(String sql, List<Object[]> params) {
            this.sql = sql;
            this.params = params;
        }

        /** This WHERE and one more condition (with its parameter, when it has one). */
        Where and(String condition, String name, Object value) {
            List<Object[]> p = new ArrayList<>(params);
            if (name != null) {
                p.add(new Object[]{name, value});
            }
            return new Where((sql.isEmpty() ? " WHERE " : sql + " AND ") + condition, p);
        }

        List<Object[]> params() {
            return params;
        }

        /** This WHERE with one more parameter, used by a condition already in it. */
        Where with(String name, Object value) {
            List<Object[]> p = new ArrayList<>(params);
            p.add(new Object[]{name, value});
            return new Where(sql, p);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (Object[] p : params) {
                spec.param((String) p[0], p[1]);
            }
            return spec;
        }
    }

    long[] idsInCategories(java.util.Set<String> categories, int fromDay, int toDay) {
        return jdbc.sql("SELECT id FROM purchase_order WHERE category_code IN (:c) AND day BETWEEN :f AND :t "
                        + "AND has_detail = 1").param("c", List.copyOf(categories)).param("f", fromDay).param("t", toDay)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** The filter as SQL; its words are matched by the search index, which returns the ids SQL then joins. */
    Where where(OrderFilter f) {
        return where(f, false);
    }

    /**
     * With {@code byCreatedAt}, for rows read newest or oldest first, the period is a range of {@code created_at}
     * (its Chile days, which is what {@code day} holds) rather than of {@code day}: the index on {@code created_at}
     * then both selects and orders, and the first page of a month stops after 50 rows instead of sorting the month
     * (SQLite 157 ms, 1 ms this way).
     */
    Where where(OrderFilter f, boolean byCreatedAt) {
        List<String> clauses = new ArrayList<>();
        List<Object[]> params = new ArrayList<>();
        if (f.hasText() && text.restricts(f.text())) { // "!" or "-x" alone is no text filter, not every id
            clauses.add(dialect.inJsonIds("po.id", "ids"));
            params.add(new Object[]{"ids", text.matchingIds(f.text(), f.from() == null ? null : day(f.from()),
                    f.to() == null ? null : day(f.to()))});
        }
        if (!f.states().isEmpty()) {
            clauses.add("po.state_code IN (:states)");
            params.add(new Object[]{"states", List.copyOf(f.states())});
        }
        if (!f.types().isEmpty()) {
            clauses.add("po.type IN (:types)");
            params.add(new Object[]{"types", List.copyOf(f.types())});
        }
        if (f.buyerCode() != null) {
            clauses.add("po.buyer_code = :buyer");
            params.add(new Object[]{"buyer", f.buyerCode()});
        }
        if (f.supplierCode() != null) {
            clauses.add("po.supplier_code = :supplier");
            params.add(new Object[]{"supplier", f.supplierCode()});
        }
        if (!f.categories().isEmpty()) {
            clauses.add("po.category_code IN (:categories)");
            params.add(new Object[]{"categories", List.copyOf(f.categories())});
        }
        if (f.region() != null) {
            clauses.add("po.region = :region");
            params.add(new Object[]{"region", f.region()});
        }
        if (f.minAmount() != null) {
            clauses.add("po.amount_clp >= :min");
            params.add(new Object[]{"min", f.minAmount()});
        }
        if (f.maxAmount() != null) {
            clauses.add("po.amount_clp <= :max");
            params.add(new Object[]{"max", f.maxAmount()});
        }
        if (f.from() != null && byCreatedAt) {
            clauses.add("po.created_at >= :fromAt");
            params.add(new Object[]{"fromAt", f.from().atStartOfDay(Formats.CHILE).toInstant().toEpochMilli()});
        } else if (f.from() != null) {
            clauses.add("po.day >= :from");
            params.add(new Object[]{"from", day(f.from())});
        }
        if (f.to() != null && byCreatedAt) {
            clauses.add("po.created_at < :toAt");
            params.add(new Object[]{"toAt", f.to().plusDays(1).atStartOfDay(Formats.CHILE).toInstant().toEpochMilli()});
        } else if (f.to() != null) {
            clauses.add("po.day <= :to");
            params.add(new Object[]{"to", day(f.to())});
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    static int day(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static OrderRow row(ResultSet rs, int n) throws SQLException {
        return new OrderRow(rs.getString("code"), rs.getString("name"), rs.getString("buyer_name"),
                rs.getString("supplier_name"), rs.getString("type"), (Integer) rs.getObject("state_code"),
                rs.getString("state"), rs.getString("currency"), decimal(rs.getString("total")),
                longOrNull(rs, "amount_clp"), instant(rs, "created_at"), rs.getString("region"), rs.getString("flag"),
                rs.getInt("from_open_data") == 1, rs.getString("buyer_code"), rs.getString("supplier_rut"),
                absolute(cl.andesops.shared.format.PartyKeys.buyerPath(rs.getString("buyer_code"))),
                absolute(cl.andesops.shared.format.PartyKeys.supplierPath(rs.getString("supplier_rut"))));
    }

    private static String absolute(String path) {
        return path == null ? null : "/" + path;
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
