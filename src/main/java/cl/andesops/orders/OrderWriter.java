package cl.andesops.sync;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cl.andesops.shared.persistence.AmountBuckets;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.mercadopublico.ListedOrder;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.OrderLine;
import cl.andesops.shared.format.Formats;

/**
 * Writes purchase orders: what a list says (code, name, state) at once, full details later. Upserts are
 * idempotent; the Monitor's rollups (per day × type × state × region, per hour, per buyer and supplier per day)
 * move with every insert and state change in the same transaction, so they always equal a GROUP BY over the
 * detailed orders. Callers own the transaction.
 */
@Component
class OrderStore {

    /** Orders whose amount is at least this many standard deviations (in log terms) above the buyer's usual. */
    static final double OUTLIER_SIGMAS = 3.0;
    static final long OUTLIER_MIN_CLP = 1_000_000;
    static final long NEW_SUPPLIER_LARGE_CLP = 20_000_000;

    private final JdbcTemplate jdbc;
    private final Fx fx;
    private final Clock clock;

    OrderStore(@Qualifier(Writer.NAME) JdbcTemplate jdbc, Fx fx, Clock clock) {
        this.jdbc = jdbc;
        this.fx = fx;
        this.clock = clock;
    }

    /** A stored order as the rollups see it. */
    record Existing(long id, String code, Integer state, boolean hasDetail, Integer day, String type, String region,
                    Long amount, String buyer, String supplier, Long createdAt) {
    }

    /** What a list changed, and which codes need their detail fetched (with why). */
    record ListOutcome(List<String> added, List<String> changed, Map<String, String> toFetch) {
    }

    ListOutcome storeList(List<ListedOrder> listed) {
        Map<String, Existing> existing = existing(listed.stream().map(ListedOrder::code).toList());
        long now = clock.millis();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Rollups rollups = new Rollups();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        for (ListedOrder o : listed) {
            if (o.code() == null) {
                continue;
            }
            Existing e = existing.get(o.code());
            if (e == null) {
                inserts.add(new Object[]{o.code(), o.name(), o.stateCode(), MpCodes.order(o.stateCode()),
                        MpCodes.typeFromCode(o.code()), now});
                added.add(o.code());
                toFetch.put(o.code(), "NEW");
            } else if (!Objects.equals(e.state(), o.stateCode())) {
                updates.add(new Object[]{o.stateCode(), MpCodes.order(o.stateCode()), now, e.id()});
                if (e.hasDetail()) {
                    rollups.add(e, -1);
                    rollups.add(withState(e, o.stateCode()), +1);
                }
                changed.add(o.code());
                toFetch.put(o.code(), "CHANGED");
            } else if (!e.hasDetail()) {
                toFetch.put(o.code(), "MISSING");
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO purchase_order (code, name, state_code, state, type, fetched_at, has_detail)
                VALUES (?, ?, ?, ?, ?, ?, 0)""", inserts);
        jdbc.batchUpdate("UPDATE purchase_order SET state_code = ?, state = ?, fetched_at = ? WHERE id = ?", updates);
        rollups.flush(jdbc);
        return new ListOutcome(added, changed, toFetch);
    }

    /** Stores full details (row, items, buyer, supplier, rollups, flags); returns the codes that were new. */
    List<String> storeDetails(List<OrderDetail> details) {
        Map<String, Existing> before = existing(details.stream().map(OrderDetail::code).toList());
        long now = clock.millis();
        Rollups rollups = new Rollups();
        List<Object[]> rows = new ArrayList<>();
        Map<String, Object[]> buyers = new LinkedHashMap<>();
        Map<String, Object[]> suppliers = new LinkedHashMap<>();
        List<Object[]> stats = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Map<String, double[]> usual = usualAmounts(details);
        Map<String, String[]> pairs = knownPairs(details);
        for (OrderDetail d : details) {
            Existing old = before.get(d.code());
            if (old == null) {
                added.add(d.code());
            } else if (old.hasDetail()) {
                rollups.add(old, -1);
            }
            Long clp = fx.toClp(d.total(), d.currency());
            String category = d.items().isEmpty() ? null : d.items().getFirst().categoryCode();
            String buyerCode = d.buyer().organismCode();
            String supplierCode = d.supplier().code() != null ? d.supplier().code() : d.supplier().rut();
            String flag = flag(d.code(), buyerCode, supplierCode, category, clp, usual, pairs);
            Integer day = d.createdAt() == null ? null : dayOf(d.createdAt());
            String type = d.type() != null ? d.type() : MpCodes.typeFromCode(d.code());
            rows.add(new Object[]{d.code(), d.name(), d.description(), d.stateCode(),
                    d.state() != null ? d.state() : MpCodes.order(d.stateCode()), d.supplierState(), type, d.typeCode(),
                    d.currency(), str(d.netTotal()), str(d.tax()), str(d.total()), clp, d.tenderCode(),
                    d.buyer().unitCode(), buyerCode, d.buyer().organismName(), d.buyer().unitName(), supplierCode,
                    d.supplier().name(), d.supplier().rut(), d.buyer().region(), d.paymentTerms(), d.dispatchType(),
                    str(d.rating()), millis(d.createdAt()), millis(d.sentAt()), millis(d.acceptedAt()),
                    millis(d.cancelledAt()), millis(d.modifiedAt()), day, now, category, flag});
            if (d.buyer().unitCode() != null) {
                buyers.put(d.buyer().unitCode(), new Object[]{d.buyer().unitCode(), d.buyer().unitName(), d.buyer().unitRut(), buyerCode,
                        d.buyer().organismName(), d.buyer().region(), d.buyer().commune(), d.buyer().address(), now});
            }
            if (supplierCode != null) {
                suppliers.put(supplierCode, new Object[]{supplierCode, d.supplier().rut(), d.supplier().name(),
                        d.supplier().activity(), d.supplier().region(), d.supplier().commune(), now});
            }
            if ((old == null || !old.hasDetail()) && clp != null && clp > 0 && category != null && buyerCode != null) {
                double log = Math.log(clp);
                stats.add(new Object[]{buyerCode, category, log, log * log});
            }
            rollups.add(new Existing(0, d.code(), d.stateCode(), true, day, type, d.buyer().region(), clp,
                    buyerCode, supplierCode, millis(d.createdAt())), +1);
        }
        jdbc.batchUpdate("""
                INSERT INTO purchase_order (code, name, description, state_code, state, supplier_state, type, type_code,
                    currency, net_total, tax, total, amount_clp, tender_code, buyer_unit_code, buyer_code, buyer_name,
                    unit_name, supplier_code, supplier_name, supplier_rut, region, payment_terms, dispatch_type, rating,
                    created_at, sent_at, accepted_at, cancelled_at, modified_at, day, fetched_at, category_code, flag,
                    has_detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description,
                    state_code = excluded.state_code, state = excluded.state, supplier_state = excluded.supplier_state,
                    type = excluded.type, type_code = excluded.type_code, currency = excluded.currency,
                    net_total = excluded.net_total, tax = excluded.tax, total = excluded.total,
                    amount_clp = excluded.amount_clp, tender_code = excluded.tender_code,
                    buyer_unit_code = excluded.buyer_unit_code, buyer_code = excluded.buyer_code,
                    buyer_name = excluded.buyer_name, unit_name = excluded.unit_name,
                    supplier_code = excluded.supplier_code, supplier_name = excluded.supplier_name,
                    supplier_rut = excluded.supplier_rut, region = excluded.region,
                    payment_terms = excluded.payment_terms, dispatch_type = excluded.dispatch_type,
                    rating = excluded.rating, created_at = excluded.created_at, sent_at = excluded.sent_at,
                    accepted_at = excluded.accepted_at, cancelled_at = excluded.cancelled_at,
                    modified_at = excluded.modified_at, day = excluded.day, fetched_at = excluded.fetched_at,
                    category_code = excluded.category_code,
                    flag = coalesce(purchase_order.flag, excluded.flag), has_detail = 1""", rows);
        Map<String, Long> ids = ids(details.stream().map(OrderDetail::code).toList());
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        for (OrderDetail d : details) {
            long id = ids.get(d.code());
            if (before.containsKey(d.code())) {
                deletes.add(new Object[]{id});
            }
            for (OrderLine l : d.items()) {
                items.add(new Object[]{id, l.line(), l.categoryCode(), l.category(), l.productCode(), l.product(),
                        l.buyerSpec(), l.supplierSpec(), str(l.quantity()), l.unit(), l.currency(), str(l.netPrice()),
                        str(l.total())});
            }
        }
        jdbc.batchUpdate("DELETE FROM order_item WHERE order_id = ?", deletes);
        jdbc.batchUpdate("""
                INSERT INTO order_item (order_id, line, category_code, category, product_code, product, buyer_spec,
                    supplier_spec, quantity, unit, currency, net_price, total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
        jdbc.batchUpdate("""
                INSERT INTO buyer (unit_code, unit_name, unit_rut, organism_code, organism_name, region, commune, address,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit_code) DO UPDATE SET unit_name = excluded.unit_name, unit_rut = excluded.unit_rut,
                    organism_code = excluded.organism_code, organism_name = excluded.organism_name,
                    region = excluded.region, commune = excluded.commune, address = excluded.address,
                    updated_at = excluded.updated_at""", new ArrayList<>(buyers.values()));
        jdbc.batchUpdate("""
                INSERT INTO supplier (code, rut, name, activity, region, commune, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET rut = excluded.rut, name = excluded.name, activity = excluded.activity,
                    region = excluded.region, commune = excluded.commune, updated_at = excluded.updated_at""",
                new ArrayList<>(suppliers.values()));
        jdbc.batchUpdate("""
                INSERT INTO buyer_category_stats (buyer_code, category_code, orders, sum_log, sum_log_sq)
                VALUES (?, ?, 1, ?, ?)
                ON CONFLICT (buyer_code, category_code) DO UPDATE SET orders = orders + 1,
                    sum_log = sum_log + excluded.sum_log, sum_log_sq = sum_log_sq + excluded.sum_log_sq""", stats);
        rollups.flush(jdbc);
        return added;
    }

    /**
     * Why an order looks unusual, as a key the screens translate: {@code price:12} when it is far above what this
     * buyer usually pays in this category (12 times the usual), {@code new-supplier} for a supplier's first order
     * with this buyer above a threshold. Null when nothing stands out.
     */
    private String flag(String code, String buyer, String supplier, String category, Long clp,
                        Map<String, double[]> usual, Map<String, String[]> pairs) {
        if (clp == null || buyer == null) {
            return null;
        }
        if (category != null && clp >= OUTLIER_MIN_CLP) {
            double[] stat = usual.get(buyer + "|" + category);
            if (stat != null && stat[0] >= 8) {
                double n = stat[0];
                double mean = stat[1] / n;
                double sd = Math.sqrt(Math.max(0, stat[2] / n - mean * mean));
                double log = Math.log(clp);
                if (sd > 0 && log > mean + OUTLIER_SIGMAS * sd) {
                    return "price:" + Math.round(Math.exp(log - mean));
                }
            }
        }
        if (supplier != null && clp >= NEW_SUPPLIER_LARGE_CLP) {
            // seen before: another detailed order of the pair exists (the first and last codes are not both this one)
            String[] codes = pairs.get(buyer + "|" + supplier);
            if (codes == null || (codes[0].equals(code) && codes[1].equals(code))) {
                return "new-supplier";
            }
        }
        return null;
    }

    /**
     * For the batch's large orders, the buyer-supplier pairs that already have detailed orders, with their first and
     * last codes: one query per chunk instead of one per order.
     */
    private Map<String, String[]> knownPairs(List<OrderDetail> details) {
        List<String[]> wanted = details.stream().filter(d -> {
                    Long clp = fx.toClp(d.total(), d.currency());
                    return clp != null && clp >= NEW_SUPPLIER_LARGE_CLP;
                })
                .map(d -> new String[]{d.buyer().organismCode(),
                        d.supplier().code() != null ? d.supplier().code() : d.supplier().rut()})
                .filter(p -> p[0] != null && p[1] != null).toList();
        Map<String, String[]> out = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 400) {
            List<String[]> chunk = wanted.subList(from, Math.min(wanted.size(), from + 400));
            String values = String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?)"));
            // CROSS JOIN keeps the pairs as the outer loop, so each is a search of po_buyer_supplier (a row-value
            // IN would scan the whole index)
            jdbc.query("SELECT po.buyer_code, po.supplier_code, min(po.code), max(po.code) FROM (VALUES " + values
                    + ") AS p CROSS JOIN purchase_order po ON po.buyer_code = p.column1 AND po.supplier_code = p.column2"
                    + " WHERE po.has_detail = 1 GROUP BY po.buyer_code, po.supplier_code", rs -> {
                out.put(rs.getString(1) + "|" + rs.getString(2), new String[]{rs.getString(3), rs.getString(4)});
            }, chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
        return out;
    }

    /** The buyer-category statistics the batch's large orders are compared with, read in one query per chunk. */
    private Map<String, double[]> usualAmounts(List<OrderDetail> details) {
        List<String> buyerCodes = details.stream().filter(d -> d.total() != null
                        && d.total().compareTo(java.math.BigDecimal.valueOf(OUTLIER_MIN_CLP)) >= 0)
                .map(d -> d.buyer().organismCode()).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, double[]> out = new HashMap<>();
        for (int from = 0; from < buyerCodes.size(); from += 500) {
            List<String> chunk = buyerCodes.subList(from, Math.min(buyerCodes.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT buyer_code, category_code, orders, sum_log, sum_log_sq FROM buyer_category_stats "
                    + "WHERE buyer_code IN (" + marks + ")", rs -> {
                out.put(rs.getString(1) + "|" + rs.getString(2),
                        new double[]{rs.getLong(3), rs.getDouble(4), rs.getDouble(5)});
            }, chunk.toArray());
        }
        return out;
    }

    Map<String, Existing> existing(List<String> codes) {
        Map<String, Existing> out = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, code, state_code, has_detail, day, type, region, amount_clp, buyer_code, "
                    + "supplier_code, created_at FROM purchase_order WHERE code IN (" + marks + ")", rs -> {
                out.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getInt(4) == 1, (Integer) rs.getObject(5), rs.getString(6), rs.getString(7),
                        longOrNull(rs.getObject(8)), rs.getString(9), rs.getString(10), longOrNull(rs.getObject(11))));
            }, chunk.toArray());
        }
        return out;
    }

    private Map<String, Long> ids(List<String> codes) {
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, code FROM purchase_order WHERE code IN (" + marks + ")",
                    rs -> {
                        out.put(rs.getString(2), rs.getLong(1));
                    }, chunk.toArray());
        }
        return out;
    }

    private static Existing withState(Existing e, Integer state) {
        return new Existing(e.id(), e.code(), state, e.hasDetail(), e.day(), e.type(), e.region(), e.amount(),
                e.buyer(), e.supplier(), e.createdAt());
    }

    static int dayOf(Instant t) {
        LocalDate d = LocalDate.ofInstant(t, Formats.CHILE);
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static String str(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    /** Rollup deltas gathered in memory and written as one upsert per key. */
    static final class Rollups {
        private final Map<List<Object>, long[]> day = new HashMap<>();
        private final Map<Long, long[]> hour = new HashMap<>();
        private final Map<List<Object>, long[]> buyer = new HashMap<>();
        private final Map<List<Object>, long[]> supplier = new HashMap<>();
        private final Map<List<Integer>, long[]> amounts = new HashMap<>();

        void add(Existing e, int sign) {
            if (e.day() == null) {
                return;
            }
            long amount = e.amount() == null ? 0 : e.amount();
            bump(day.computeIfAbsent(List.of(e.day(), nz(e.type()), e.state() == null ? -1 : e.state(),
                    nz(e.region())), k -> new long[2]), sign, amount);
            if (e.createdAt() != null) {
                bump(hour.computeIfAbsent(e.createdAt() / 3_600_000L, k -> new long[2]), sign, amount);
            }
            if (e.buyer() != null) {
                bump(buyer.computeIfAbsent(List.of(e.day(), e.buyer()), k -> new long[2]), sign, amount);
            }
            if (e.supplier() != null) {
                bump(supplier.computeIfAbsent(List.of(e.day(), e.supplier()), k -> new long[2]), sign, amount);
            }
            if (e.amount() != null && e.hasDetail()) {
                bump(amounts.computeIfAbsent(List.of(e.day(), AmountBuckets.bucket(e.amount())), k -> new long[2]), sign, 0);
            }
        }

        private static void bump(long[] acc, int sign, long amount) {
            acc[0] += sign;
            acc[1] += sign * amount;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        void flush(JdbcTemplate jdbc) {
            List<Object[]> dayRows = new ArrayList<>();
            day.forEach((k, v) -> {
                if (v[0] != 0 || v[1] != 0) {
                    dayRows.add(new Object[]{k.get(0), k.get(1), k.get(2), k.get(3), v[0], v[1]});
                }
            });
            jdbc.batchUpdate("""
                    INSERT INTO order_rollup_day (day, type, state_code, region, orders, amount_clp) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (day, type, state_code, region) DO UPDATE SET orders = orders + excluded.orders,
                        amount_clp = amount_clp + excluded.amount_clp""", dayRows);
            List<Object[]> hourRows = new ArrayList<>();
            hour.forEach((k, v) -> hourRows.add(new Object[]{k, v[0], v[1]}));
            jdbc.batchUpdate("""
                    INSERT INTO order_rollup_hour (hour, orders, amount_clp) VALUES (?, ?, ?)
                    ON CONFLICT (hour) DO UPDATE SET orders = orders + excluded.orders,
                        amount_clp = amount_clp + excluded.amount_clp""", hourRows);
            List<Object[]> buyerRows = new ArrayList<>();
            buyer.forEach((k, v) -> buyerRows.add(new Object[]{((Integer) k.get(0)) / 100, k.get(0), k.get(1), v[0], v[1]}));
            jdbc.batchUpdate("""
                    INSERT INTO order_rollup_buyer (month, day, buyer_code, orders, amount_clp) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (day, buyer_code) DO UPDATE SET orders = orders + excluded.orders,
                        amount_clp = amount_clp + excluded.amount_clp""", buyerRows);
            List<Object[]> supplierRows = new ArrayList<>();
            supplier.forEach((k, v) -> supplierRows.add(new Object[]{((Integer) k.get(0)) / 100, k.get(0), k.get(1), v[0],
                    v[1]}));
            jdbc.batchUpdate("""
                    INSERT INTO order_rollup_supplier (month, day, supplier_code, orders, amount_clp) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (day, supplier_code) DO UPDATE SET orders = orders + excluded.orders,
                        amount_clp = amount_clp + excluded.amount_clp""", supplierRows);
            List<Object[]> amountRows = new ArrayList<>();
            amounts.forEach((k, v) -> {
                if (v[0] != 0) {
                    amountRows.add(new Object[]{k.get(0), k.get(1), v[0]});
                }
            });
            jdbc.batchUpdate("""
                    INSERT INTO order_rollup_amount (day, bucket, orders) VALUES (?, ?, ?)
                    ON CONFLICT (day, bucket) DO UPDATE SET orders = orders + excluded.orders""", amountRows);
        }
    }
}
