package cl.andesops.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import cl.andesops.shared.format.PartyKeys;

/**
 * Aggregates over the orders an {@link OrderFilter} selects, for the analyses: totals, the largest orders, groups,
 * prices, a trend. Every figure is computed in SQL over the read pool on the same WHERE builder as the screens
 * ({@link OrderQueries#where}); what comes back is bounded (top-n, a capped number of price lines).
 */
@Service
public class OrderStats {

    /** Orders with no tender behind them and no framework agreement: the direct-award types (api §2.6). */
    private static final String DIRECT =
            "(po.type IN ('TD','D1','C1','F3','G1') OR (po.type = 'SE' AND po.tender_code IS NULL))";

    /** Which of the filter's orders a figure counts. */
    public enum Only {
        ALL, DIRECT, FLAGGED
    }

    /** What groups are made of: the column grouped and the column that names a group. */
    public enum By {
        BUYER("buyer_code", "buyer_name"), SUPPLIER("supplier_code", "supplier_name"), TYPE("type", "type"),
        CATEGORY("category_code", "category_code");

        private final String column;
        private final String nameColumn;

        By(String column, String nameColumn) {
            this.column = column;
            this.nameColumn = nameColumn;
        }
    }

    public record Totals(long orders, long amount, long buyers, long suppliers) {
    }

    /** One group: its code, a name, its orders and amount, and the codes of its largest orders. */
    /** {@code path}: the group's profile (a buyer's, a supplier's by the RUT its orders carry), else null. */
    public record Group(String code, String name, long orders, long amount, List<String> largest, String path) {
    }

    public record Flagged(String code, String buyerName, String supplierName, long amount, String flag,
                          String buyerPath, String supplierPath) {
    }

    public record PriceLine(String productCode, String product, String netPrice, String orderCode) {
    }

    public record Supplier(String code, String name, String rut, String activity) {
    }

    private final JdbcClient jdbc;
    private final OrderQueries queries;

    private final cl.andesops.shared.persistence.SqlDialect dialect;

    OrderStats(JdbcClient jdbc, OrderQueries queries, cl.andesops.shared.persistence.SqlDialect dialect) {
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    private OrderQueries.Where where(OrderFilter f, Only only) {
        OrderQueries.Where w = queries.where(f);
        return switch (only) {
            case ALL -> w;
            case DIRECT -> w.and(DIRECT, null, null);
            case FLAGGED -> w.and("po.flag IS NOT NULL", null, null);
        };
    }

    public Totals totals(OrderFilter f, Only only) {
        OrderQueries.Where w = where(f, only);
        return w.bind(jdbc.sql("SELECT count(*), coalesce(sum(po.amount_clp), 0), count(DISTINCT po.buyer_code), "
                        + "count(DISTINCT po.supplier_code) FROM purchase_order po" + w.sql))
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** The codes of the n largest orders. */
    public List<String> largest(OrderFilter f, Only only, int n) {
        return largest(where(f, only), n);
    }

    private List<String> largest(OrderQueries.Where w, int n) {
        return w.bind(jdbc.sql("SELECT po.code FROM purchase_order po" + w.sql + " ORDER BY po.amount_clp DESC LIMIT "
                + n)).query(String.class).list();
    }

    /** The median order amount (of {@code count} orders, as {@link #totals} gave). */
    public long median(OrderFilter f, long count) {
        if (count == 0) {
            return 0;
        }
        OrderQueries.Where w = queries.where(f).and("po.amount_clp IS NOT NULL", null, null);
        return w.bind(jdbc.sql("SELECT po.amount_clp FROM purchase_order po" + w.sql
                + " ORDER BY po.amount_clp LIMIT 1 OFFSET " + (count / 2))).query(Long.class).optional().orElse(0L);
    }

    /** The n largest groups by amount, each with the codes of its {@code sources} largest orders. */
    public List<Group> top(OrderFilter f, By by, int n, int sources) {
        OrderQueries.Where w = queries.where(f).and("po." + by.column + " IS NOT NULL", null, null);
        List<Group> groups = w.bind(jdbc.sql("SELECT po." + by.column + ", max(po." + by.nameColumn + "), count(*), "
                        + "coalesce(sum(po.amount_clp), 0) AS amount, " + (by == By.SUPPLIER ? "max(po.supplier_rut)"
                        : "NULL") + " FROM purchase_order po" + w.sql + " GROUP BY po." + by.column
                        + " ORDER BY amount DESC LIMIT " + n))
                .query((rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), List.of(),
                        switch (by) {
                            case BUYER -> PartyKeys.buyerPath(rs.getString(1));
                            case SUPPLIER -> PartyKeys.supplierPath(rs.getString(5));
                            default -> null;
                        }))
                .list();
        List<Group> out = new ArrayList<>();
        for (Group g : groups) {
            // "+po.column" on SQLite: the group is a slice of rows the filter already narrowed by its own index (a period, a
            // buyer); the group's index would walk every order of, say, a category over all time instead
            OrderQueries.Where inGroup = queries.where(f).and(dialect.noIndex("po." + by.column) + " = :group", "group",
                    g.code());
            String name = by == By.CATEGORY ? categoryName(g.code()).orElse("") : g.name();
            out.add(new Group(g.code(), name, g.orders(), g.amount(), largest(inGroup, sources), g.path()));
        }
        return out;
    }

    /** The n largest flagged orders. */
    public List<Flagged> flagged(OrderFilter f, int n) {
        OrderQueries.Where w = where(f, Only.FLAGGED);
        return w.bind(jdbc.sql("SELECT po.code, po.buyer_name, po.supplier_name, po.amount_clp, po.flag, "
                        + "po.buyer_code, po.supplier_rut FROM purchase_order po" + w.sql
                        + " ORDER BY po.amount_clp DESC LIMIT " + n))
                .query((rs, i) -> new Flagged(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), PartyKeys.buyerPath(rs.getString(6)), PartyKeys.supplierPath(rs.getString(7))))
                .list();
    }

    /** Orders and amount per day (yyyymmdd) or, when {@code monthly}, per month (yyyymm). */
    public Map<Integer, long[]> trend(OrderFilter f, boolean monthly) {
        OrderQueries.Where w = queries.where(f).and("po.day IS NOT NULL", null, null);
        String bucket = monthly ? "po.day / 100" : "po.day";
        Map<Integer, long[]> out = new HashMap<>();
        w.bind(jdbc.sql("SELECT " + bucket + ", count(*), coalesce(sum(po.amount_clp), 0) FROM purchase_order po"
                + w.sql + " GROUP BY 1")).query(rs -> {
            out.put(rs.getInt(1), new long[]{rs.getLong(2), rs.getLong(3)});
        });
        return out;
    }

    /** Unit prices in pesos of the most recent item lines, newest first, at most {@code limit}. */
    public List<PriceLine> priceLines(OrderFilter f, int limit) {
        OrderQueries.Where w = queries.where(f).and("i.net_price IS NOT NULL AND i.product_code IS NOT NULL "
                + "AND po.currency = 'CLP'", null, null);
        return w.bind(jdbc.sql("SELECT i.product_code, i.product, i.net_price, po.code FROM purchase_order po "
                        + "JOIN order_item i ON i.order_id = po.id" + w.sql + " ORDER BY po.created_at DESC LIMIT "
                        + limit))
                .query((rs, i) -> new PriceLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The earliest Chile day of a detailed order held: how far back the history reaches (empty when none). */
    public Optional<java.time.LocalDate> firstDay() {
        Integer day = jdbc.sql("SELECT min(day) FROM purchase_order WHERE has_detail = 1 AND day > 0")
                .query(Integer.class).single();
        return day == null ? Optional.empty()
                : Optional.of(java.time.LocalDate.of(day / 10_000, day / 100 % 100, day % 100));
    }

    public Optional<Supplier> supplier(String code) {
        return jdbc.sql("SELECT code, name, rut, activity FROM supplier WHERE code = :c").param("c", code)
                .query((rs, i) -> new Supplier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Optional<String> buyerName(String organismCode) {
        return jdbc.sql("SELECT max(organism_name) FROM buyer WHERE organism_code = :c").param("c", organismCode)
                .query(String.class).optional().filter(n -> n != null);
    }

    /** The categories orders were seen in, for the market-slice picker: code and name. */
    public List<String[]> knownCategories() {
        return jdbc.sql("""
                        SELECT s.category_code, (SELECT i.category FROM order_item i WHERE i.category_code = s.category_code
                                                  LIMIT 1)
                          FROM (SELECT DISTINCT category_code FROM buyer_category_stats) s ORDER BY 1""")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
    }

    /** A category's full name ("Segmento / Familia / Clase"), as its items say. */
    public Optional<String> categoryName(String code) {
        return jdbc.sql("SELECT category FROM order_item WHERE category_code = :c LIMIT 1").param("c", code)
                .query(String.class).optional();
    }

    /** The orders that came from a tender: code, name, supplier, total and currency, newest first. */
    public List<String[]> ofTender(String tenderCode) {
        return jdbc.sql("SELECT code, name, supplier_name, total, currency FROM purchase_order WHERE tender_code = :c "
                        + "ORDER BY created_at DESC LIMIT 200").param("c", tenderCode)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}).list();
    }
}
