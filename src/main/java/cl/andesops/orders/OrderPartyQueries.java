package cl.andesops.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.format.PartyKeys;

/**
 * The orders of one party (a buyer by its organism's code, a supplier by its RUT), grouped as its profile needs
 * them, and who the buyer and supplier tables say it is. The orders feature owns these tables; the parties feature
 * reads them here.
 */
@Component
public class OrderPartyQueries {

    /** Whose orders: a condition on {@code purchase_order po} and its parameters. */
    public record Who(String clause, Map<String, Object> params) {
        /** A buyer: its organism's code. */
        public static Who buyer(String code) {
            return new Who("po.buyer_code = :k", Map.of("k", code));
        }

        /** A supplier: its RUT in any of its spellings (po_supplier_profile). */
        public static Who supplier(List<String> rutSpellings) {
            return new Who("po.supplier_rut IN (:r)", Map.of("r", rutSpellings));
        }
    }

    /** A group of orders: its key (a procedure, a counterpart, a category), a name, orders and pesos. */
    public record Group(String key, String name, long orders, long amountClp) {
    }

    /** How an order was bought, from its type and tender (see {@code parties.Procedure}). */
    public static final String PROCEDURE = """
            CASE WHEN po.type = 'AG' THEN 'COMPRA_AGIL'
                 WHEN po.type = 'CM' THEN 'CONVENIO_MARCO'
                 WHEN po.type = 'CC' THEN 'COMPRA_COORDINADA'
                 WHEN po.type IN ('D1', 'C1', 'F3', 'G1', 'TD') THEN 'TRATO_DIRECTO'
                 WHEN po.tender_code IS NOT NULL THEN 'LICITACION'
                 ELSE 'SIN_PROCESO' END""";

    private final JdbcClient jdbc;

    OrderPartyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private String orders(Who who) {
        return " FROM purchase_order po WHERE " + who.clause() + " AND po.has_detail = 1 AND po.day BETWEEN :f AND :t";
    }

    private Map<String, Object> at(Who who, int fromDay, int toDay) {
        Map<String, Object> m = new HashMap<>(who.params());
        m.put("f", fromDay);
        m.put("t", toDay);
        return m;
    }

    /** Orders, pesos and distinct counterparts ({@code counterpart}: the column counted) in the days. */
    public long[] totals(Who who, String counterpart, int fromDay, int toDay) {
        return jdbc.sql("SELECT count(*), coalesce(sum(po.amount_clp), 0), count(DISTINCT po." + counterpart + ")"
                        + orders(who)).params(at(who, fromDay, toDay))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** Orders and pesos by month (yyyymm). */
    public Map<Integer, long[]> byMonth(Who who, int fromDay, int toDay) {
        Map<Integer, long[]> out = new HashMap<>();
        jdbc.sql("SELECT po.day / 100, count(*), coalesce(sum(po.amount_clp), 0)" + orders(who)
                + " GROUP BY po.day / 100").params(at(who, fromDay, toDay)).query(rs -> {
                    out.put(rs.getInt(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }

    /** By procedure, most pesos first. */
    public List<Group> byProcedure(Who who, int fromDay, int toDay) {
        return jdbc.sql("SELECT " + PROCEDURE + " AS procedure, count(*), coalesce(sum(po.amount_clp), 0)"
                        + orders(who) + " GROUP BY 1 ORDER BY 3 DESC, 1").params(at(who, fromDay, toDay))
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /**
     * By counterpart ({@code column}: {@code supplier_rut} or {@code buyer_code}), most pesos first, each handed to
     * {@code each} (all of them: the concentration needs every share); the first {@code named} carry the name the
     * buyer or supplier table gives them (the index holds no names: only they are looked up).
     */
    public void byCounterpart(Who who, String column, int fromDay, int toDay, int named, Consumer<Group> each) {
        List<Group> first = new ArrayList<>();
        boolean[] flushed = {false};
        jdbc.sql("SELECT po." + column + ", count(*), coalesce(sum(po.amount_clp), 0)" + orders(who)
                        + " GROUP BY po." + column + " ORDER BY 3 DESC, 2 DESC, 1")
                .params(at(who, fromDay, toDay)).query(rs -> {
                    Group g = new Group(rs.getString(1), null, rs.getLong(2), rs.getLong(3));
                    if (first.size() < named) {
                        first.add(g);
                        return;
                    }
                    if (!flushed[0]) {
                        flushed[0] = true;
                        named(column, first).forEach(each);
                    }
                    each.accept(g);
                });
        if (!flushed[0]) {
            named(column, first).forEach(each);
        }
    }

    /** The groups with the names the buyer or supplier table gives their keys (the key itself when none). */
    private List<Group> named(String column, List<Group> groups) {
        Map<String, String> names = new HashMap<>();
        List<String> keys = groups.stream().map(Group::key).filter(java.util.Objects::nonNull).toList();
        String sql = column.equals("supplier_rut")
                ? "SELECT rut, max(name) FROM supplier WHERE rut IN (:k) GROUP BY rut"
                : "SELECT organism_code, max(organism_name) FROM buyer WHERE organism_code IN (:k) GROUP BY organism_code";
        for (int from = 0; from < keys.size(); from += 500) {
            jdbc.sql(sql).param("k", keys.subList(from, Math.min(keys.size(), from + 500))).query(rs -> {
                names.put(rs.getString(1), rs.getString(2));
            });
        }
        return groups.stream().map(g -> new Group(g.key(), names.getOrDefault(g.key(), g.key()), g.orders(),
                g.amountClp())).toList();
    }

    /** By the category of the first item, most pesos first, the top {@code limit}, named by their items. */
    public List<Group> byCategory(Who who, int fromDay, int toDay, int limit) {
        Map<String, Object> at = at(who, fromDay, toDay);
        List<Group> top = jdbc.sql("SELECT po.category_code, count(*), coalesce(sum(po.amount_clp), 0)" + orders(who)
                        + " AND po.category_code IS NOT NULL GROUP BY po.category_code ORDER BY 3 DESC, 1 LIMIT "
                        + limit).params(at)
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        if (top.isEmpty()) {
            return top;
        }
        // each category's name from one item of one of its orders (the index finds the order): not every item's
        Map<String, String> names = new HashMap<>();
        for (Group g : top) {
            jdbc.sql("SELECT oi.category FROM order_item oi WHERE oi.order_id = (SELECT po.id" + orders(who)
                            + " AND po.category_code = :c LIMIT 1) AND oi.category_code = :c AND oi.category IS NOT NULL "
                            + "LIMIT 1").params(at).param("c", g.key()).query(String.class).optional()
                    .ifPresent(n -> names.put(g.key(), n));
        }
        List<Group> out = new ArrayList<>();
        for (Group g : top) {
            out.add(new Group(g.key(), names.getOrDefault(g.key(), g.key()), g.orders(), g.amountClp()));
        }
        return out;
    }

    /** The first and last day (yyyymmdd) of any of its orders, in all the history; zeros when none. */
    public int[] span(Who who) {
        return jdbc.sql("SELECT min(po.day), max(po.day) FROM purchase_order po WHERE " + who.clause()
                        + " AND po.has_detail = 1").params(who.params())
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    /**
     * The names a buyer's latest 2,000 orders and its units gave it, with when they last did (epoch ms): a name
     * older than those is in the party index, which holds every spelling ever given.
     */
    public List<Named> buyerNames(String code) {
        return jdbc.sql("""
                        SELECT buyer_name, max(created_at) FROM (
                            SELECT buyer_name, created_at FROM purchase_order WHERE buyer_code = :c
                             ORDER BY created_at DESC LIMIT 2000) recent WHERE buyer_name IS NOT NULL GROUP BY buyer_name
                        UNION ALL
                        SELECT organism_name, max(updated_at) FROM buyer
                         WHERE organism_code = :c AND organism_name IS NOT NULL GROUP BY organism_name""")
                .param("c", code).query((rs, n) -> new Named(rs.getString(1), rs.getLong(2))).list();
    }

    /** The names a supplier's latest 2,000 orders and its record gave it, with when they last did. */
    public List<Named> supplierNames(List<String> rutSpellings) {
        return jdbc.sql("""
                        SELECT supplier_name, max(created_at) FROM (
                            SELECT supplier_name, created_at FROM purchase_order po
                             WHERE po.supplier_rut IN (:r) AND po.has_detail = 1 ORDER BY po.day DESC LIMIT 2000) recent
                         WHERE supplier_name IS NOT NULL GROUP BY supplier_name
                        UNION ALL
                        SELECT name, max(updated_at) FROM supplier WHERE rut IN (:r) AND name IS NOT NULL
                         GROUP BY name""")
                .param("r", rutSpellings).query((rs, n) -> new Named(rs.getString(1), rs.getLong(2))).list();
    }

    /** A name and when a record last used it (epoch ms). */
    public record Named(String name, long last) {
    }

    /** A buyer's purchasing units: code, name and RUT. */
    public List<String[]> units(String code) {
        return jdbc.sql("SELECT unit_code, unit_name, unit_rut FROM buyer WHERE organism_code = :c "
                        + "ORDER BY unit_name, unit_code LIMIT 200").param("c", code)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    /** The region most of a buyer's units are in. */
    public String buyerRegion(String code) {
        return jdbc.sql("SELECT region FROM buyer WHERE organism_code = :c AND region IS NOT NULL GROUP BY region "
                + "ORDER BY count(*) DESC, region LIMIT 1").param("c", code).query(String.class).optional()
                .orElse(null);
    }

    /** The codes Mercado Público gave a supplier's RUT. */
    public List<String> supplierCodes(List<String> rutSpellings) {
        return jdbc.sql("SELECT code FROM supplier WHERE rut IN (:r) ORDER BY code LIMIT 50")
                .param("r", rutSpellings).query(String.class).list();
    }

    /** The region a supplier's record names most. */
    public String supplierRegion(List<String> rutSpellings) {
        return jdbc.sql("SELECT region FROM supplier WHERE rut IN (:r) AND region IS NOT NULL GROUP BY region "
                + "ORDER BY count(*) DESC, region LIMIT 1").param("r", rutSpellings).query(String.class).optional()
                .orElse(null);
    }

    /** The organism whose unit has this RUT (a Compra Ágil request names its buyer by it). */
    public java.util.Optional<String> organismOfUnitRut(List<String> rutSpellings) {
        return jdbc.sql("SELECT organism_code FROM buyer WHERE unit_rut IN (:r) AND organism_code IS NOT NULL "
                + "ORDER BY updated_at DESC LIMIT 1").param("r", rutSpellings).query(String.class).optional();
    }

    /** The highest order id: the end of a full read of the names. */
    public long maxId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM purchase_order").query(Long.class).single();
    }

    /** Each buyer, supplier and product name the orders in {@code rows} give, once per spelling (or more). */
    public void names(PartyKeys.Rows rows, Consumer<PartyKeys.Named> each) {
        Map<String, Object> p = rows.params();
        jdbc.sql(rows.changed("purchase_order", "t.buyer_code, t.buyer_name")
                        + "SELECT DISTINCT buyer_code, buyer_name FROM changed").params(p).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.BUYER, rs.getString(1), rs.getString(2));
                });
        jdbc.sql(rows.changed("purchase_order", "t.supplier_rut, t.supplier_name")
                        + "SELECT DISTINCT supplier_rut, supplier_name FROM changed").params(p).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.SUPPLIER, rs.getString(1), rs.getString(2));
                });
        jdbc.sql(rows.changed("purchase_order", "t.id") + "SELECT DISTINCT oi.product_code, oi.product FROM changed c "
                        + "CROSS JOIN order_item oi WHERE oi.order_id = c.id").params(p).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.PRODUCT, rs.getString(1), rs.getString(2));
                });
    }


    /** Every organism with its name and the sector the open-data files gave one of its units (null when none). */
    public void organisms(Consumer<String[]> each) {
        jdbc.sql("SELECT organism_code, max(organism_name), max(CASE WHEN sector IN ('', 'NA', '-') THEN NULL ELSE "
                + "sector END) FROM buyer WHERE organism_code IS NOT NULL GROUP BY organism_code").query(rs -> {
                    each.accept(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                });
    }

    /** Each buyer's orders and pesos by procedure in the days ({@code buyer, procedure, orders, pesos}). */
    public void procedureSums(int fromDay, int toDay, Consumer<Object[]> each) {
        jdbc.sql("SELECT po.buyer_code, " + PROCEDURE + " AS procedure, count(*), coalesce(sum(po.amount_clp), 0) "
                        + "FROM purchase_order po WHERE po.has_detail = 1 AND po.day BETWEEN :f AND :t "
                        + "AND po.buyer_code IS NOT NULL GROUP BY po.buyer_code, 2")
                .param("f", fromDay).param("t", toDay).query(rs -> {
                    each.accept(new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)});
                });
    }

    /** Each supplier's pesos in the orders whose first item is of this category, in the days ({@code rut, pesos}). */
    public void categorySales(String category, int fromDay, int toDay, Consumer<Object[]> each) {
        jdbc.sql("SELECT po.supplier_rut, coalesce(sum(po.amount_clp), 0) FROM purchase_order po WHERE "
                        + "po.category_code = :c AND po.day BETWEEN :f AND :t AND po.has_detail = 1 "
                        + "AND po.supplier_rut IS NOT NULL GROUP BY po.supplier_rut")
                .param("c", category).param("f", fromDay).param("t", toDay).query(rs -> {
                    each.accept(new Object[]{rs.getString(1), rs.getLong(2)});
                });
    }
}
