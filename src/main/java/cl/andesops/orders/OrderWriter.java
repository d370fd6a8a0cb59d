package cl.andesops.orders;

import static cl.andesops.shared.persistence.Batches.millis;
import static cl.andesops.shared.persistence.Batches.str;

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

import cl.andesops.mercadopublico.ListedOrder;
import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.OrderLine;
import cl.andesops.rules.Pesos;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.Batches;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.ListOutcome;
import cl.andesops.shared.persistence.Writer;

/**
 * The one place purchase orders, their items, buyers and suppliers are written: what a list says (code, name, state)
 * at once, full details later, with the flags ({@link OrderFlags}) decided as they are written. Upserts are
 * idempotent, a batch that repeats a code keeps its last copy, and every call stamps the rows it writes with the
 * next data version. Callers own the transaction (the writer's) and announce the commit.
 */
@Component
public class OrderWriter {

    private final JdbcTemplate jdbc;
    private final Pesos fx;
    private final Clock clock;
    private final DataVersions versions;

    OrderWriter(@Qualifier(Writer.NAME) JdbcTemplate jdbc, Pesos fx, Clock clock, DataVersions versions) {
        this.jdbc = jdbc;
        this.fx = fx;
        this.clock = clock;
        this.versions = versions;
    }

    private record Known(long id, Integer state, boolean hasDetail, Long modifiedAt) {
    }

    /** Stores what an order list says; returns what changed and which details to fetch. */
    public ListOutcome storeList(List<ListedOrder> listed) {
        Map<String, ListedOrder> byCode = Batches.lastOfEachCode(listed, ListedOrder::code);
        Map<String, Known> known = known(List.copyOf(byCode.keySet()));
        long now = clock.millis();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        for (ListedOrder o : byCode.values()) {
            Known k = known.get(o.code());
            if (k == null) {
                inserts.add(new Object[]{o.code(), o.name(), o.stateCode(), MpCodes.order(o.stateCode()),
                        MpCodes.typeFromCode(o.code()), now});
                added.add(o.code());
                toFetch.put(o.code(), "NEW");
            } else if (!Objects.equals(k.state(), o.stateCode())) {
                updates.add(new Object[]{o.stateCode(), MpCodes.order(o.stateCode()), now, k.id()});
                changed.add(o.code());
                toFetch.put(o.code(), "CHANGED");
            } else if (!k.hasDetail()) {
                toFetch.put(o.code(), "MISSING");
            }
        }
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            long version = versions.next(Dataset.ORDERS);
            inserts.replaceAll(r -> Batches.with(r, r.length, version));
            updates.replaceAll(r -> new Object[]{r[0], r[1], r[2], version, r[3]});
            jdbc.batchUpdate("""
                    INSERT INTO purchase_order (code, name, state_code, state, type, fetched_at, version, has_detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0)""", inserts);
            jdbc.batchUpdate("UPDATE purchase_order SET state_code = ?, state = ?, fetched_at = ?, version = ? "
                    + "WHERE id = ?", updates);
        }
        return new ListOutcome(added, changed, toFetch);
    }

    /** Stores full details (row, items, buyer, supplier, flags); returns the codes that were new. */
    public List<String> storeDetails(List<OrderDetail> batch) {
        return storeDetails(batch, Map.of(), Map.of(), null, false);
    }

    /**
     * Orders as ChileCompra's open data has them, with their amount in pesos (its own conversion) instead of one at
     * the app's reference rates, and what only the file says of them ({@code facts}, by code). The newer information
     * wins: an order stored with a later modification than the file's (the API's detail, fetched after the file was
     * written) is left as it is, but gets the file's facts (a month read again fills them).
     */
    public List<String> storeFileDetails(List<OrderDetail> batch, Map<String, BigDecimal> pesos,
                                         Map<String, FileFacts> facts) {
        List<String> codes = batch.stream().map(OrderDetail::code).filter(Objects::nonNull).distinct().toList();
        Map<String, Known> known = known(codes);
        List<OrderDetail> newer = batch.stream().filter(d -> {
            Known k = known.get(d.code());
            Long stored = k == null || !k.hasDetail() ? null : k.modifiedAt();
            return stored == null || d.modifiedAt() == null || d.modifiedAt().toEpochMilli() > stored;
        }).toList();
        List<String> added = storeDetails(newer, pesos, facts, known, true);
        // the orders written carry their facts; the others (the stored copy is newer) get them on their own
        Map<String, FileFacts> left = new HashMap<>(facts);
        newer.forEach(d -> left.remove(d.code()));
        storeFileFacts(left);
        return added;
    }

    /** What only the open-data file says of an order: how it came to be. */
    public record FileFacts(String origin, Boolean directAward, Boolean compraAgil, String frameworkCode) {
    }

    /** What an order fetched from the API knows of the file's facts: nothing (the row keeps what it has). */
    private static final FileFacts NO_FACTS = new FileFacts(null, null, null, null);

    private static Integer bit(Boolean b) {
        return b == null ? null : b ? 1 : 0;
    }

    /**
     * Stores what only the file says of these orders (whether or not the file's copy is newer than the one held: a
     * month read again fills them), stamping the orders it changes with a new data version.
     */
    private void storeFileFacts(Map<String, FileFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        long version = versions.next(Dataset.ORDERS);
        List<Object[]> rows = new ArrayList<>();
        facts.forEach((code, f) -> {
            Integer direct = bit(f.directAward());
            Integer agile = bit(f.compraAgil());
            rows.add(new Object[]{f.origin(), direct, agile, f.frameworkCode(), version, code, f.origin(), direct, agile,
                    f.frameworkCode()});
        });
        jdbc.batchUpdate("""
                UPDATE purchase_order SET origin = ?, direct_award = ?, compra_agil = ?, framework_code = ?, version = ?
                 WHERE code = ? AND (coalesce(origin, '~') <> coalesce(?, '~') OR coalesce(direct_award, -1) <> coalesce(?, -1)
                    OR coalesce(compra_agil, -1) <> coalesce(?, -1) OR coalesce(framework_code, '~') <> coalesce(?, '~'))""",
                rows);
    }

    /**
     * Full details with the peso amount of the orders that come with one, what the file says of them, and where they
     * came from; {@code lookedUp} what the caller already looked up of these codes (null: looked up here).
     */
    private List<String> storeDetails(List<OrderDetail> batch, Map<String, BigDecimal> pesos,
                                      Map<String, FileFacts> facts, Map<String, Known> lookedUp, boolean fromFile) {
        Map<String, OrderDetail> byCode = Batches.lastOfEachCode(batch, OrderDetail::code);
        List<OrderDetail> details = List.copyOf(byCode.values());
        if (details.isEmpty()) {
            return List.of();
        }
        Map<String, Known> before = lookedUp != null ? lookedUp : known(List.copyOf(byCode.keySet()));
        long now = clock.millis();
        long version = versions.next(Dataset.ORDERS);
        List<Object[]> rows = new ArrayList<>();
        Map<String, Object[]> buyers = new LinkedHashMap<>();
        Map<String, Object[]> suppliers = new LinkedHashMap<>();
        // one row per buyer and category: a batch rewritten into multi-row upserts (PostgreSQL) may not name a key twice
        Map<List<String>, double[]> stats = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        OrderFlags flags = OrderFlags.forBatch(jdbc, fx, details);
        for (OrderDetail d : details) {
            Known old = before.get(d.code());
            if (old == null) {
                added.add(d.code());
            }
            BigDecimal known = pesos.get(d.code());
            Long clp = known != null ? fx.toClp(known, "CLP", d.sentAt()) : fx.toClp(d.total(), d.currency(), d.sentAt());
            String category = d.items().isEmpty() ? null : d.items().getFirst().categoryCode();
            String buyerCode = d.buyer().organismCode();
            String supplierCode = supplierCode(d);
            String flag = flags.flag(d.code(), buyerCode, supplierCode, category, clp);
            Integer day = d.createdAt() == null ? null : dayOf(d.createdAt());
            String type = d.type() != null ? d.type() : MpCodes.typeFromCode(d.code());
            FileFacts f = facts.getOrDefault(d.code(), NO_FACTS);
            rows.add(new Object[]{d.code(), d.name(), d.description(), d.stateCode(),
                    d.state() != null ? d.state() : MpCodes.order(d.stateCode()), d.supplierState(), type, d.typeCode(),
                    d.currency(), str(d.netTotal()), str(d.tax()), str(d.total()), clp, d.tenderCode(),
                    d.buyer().unitCode(), buyerCode, d.buyer().organismName(), d.buyer().unitName(), supplierCode,
                    d.supplier().name(), d.supplier().rut(), d.buyer().region(), d.paymentTerms(), d.dispatchType(),
                    str(d.rating()), millis(d.createdAt()), millis(d.sentAt()), millis(d.acceptedAt()),
                    millis(d.cancelledAt()), millis(d.modifiedAt()), day, now, category, flag, version,
                    fromFile ? 1 : 0, f.origin(), bit(f.directAward()), bit(f.compraAgil()), f.frameworkCode()});
            if (d.buyer().unitCode() != null) {
                buyers.put(d.buyer().unitCode(), new Object[]{d.buyer().unitCode(), d.buyer().unitName(),
                        d.buyer().unitRut(), buyerCode, d.buyer().organismName(), d.buyer().region(),
                        d.buyer().commune(), d.buyer().address(), now, d.buyer().sector()});
            }
            if (supplierCode != null) {
                suppliers.put(supplierCode, new Object[]{supplierCode, d.supplier().rut(), d.supplier().name(),
                        d.supplier().activity(), d.supplier().region(), d.supplier().commune(), now});
            }
            if ((old == null || !old.hasDetail()) && clp != null && clp > 0 && category != null && buyerCode != null) {
                double log = Math.log(clp);
                double[] s = stats.computeIfAbsent(List.of(buyerCode, category), k -> new double[3]);
                s[0]++;
                s[1] += log;
                s[2] += log * log;
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO purchase_order (code, name, description, state_code, state, supplier_state, type, type_code,
                    currency, net_total, tax, total, amount_clp, tender_code, buyer_unit_code, buyer_code, buyer_name,
                    unit_name, supplier_code, supplier_name, supplier_rut, region, payment_terms, dispatch_type, rating,
                    created_at, sent_at, accepted_at, cancelled_at, modified_at, day, fetched_at, category_code, flag,
                    version, from_open_data, origin, direct_award, compra_agil, framework_code, has_detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, 1)
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
                    category_code = excluded.category_code, version = excluded.version,
                    from_open_data = excluded.from_open_data,
                    origin = CASE WHEN excluded.from_open_data = 1 THEN excluded.origin ELSE purchase_order.origin END,
                    direct_award = CASE WHEN excluded.from_open_data = 1 THEN excluded.direct_award
                        ELSE purchase_order.direct_award END,
                    compra_agil = CASE WHEN excluded.from_open_data = 1 THEN excluded.compra_agil
                        ELSE purchase_order.compra_agil END,
                    framework_code = CASE WHEN excluded.from_open_data = 1 THEN excluded.framework_code
                        ELSE purchase_order.framework_code END,
                    flag = coalesce(purchase_order.flag, excluded.flag), has_detail = 1""", rows);
        Map<String, Long> ids = ids(List.copyOf(byCode.keySet()));
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        for (OrderDetail d : details) {
            long id = ids.get(d.code());
            if (before.containsKey(d.code())) {
                deletes.add(new Object[]{id});
            }
            Map<Integer, OrderLine> lines = new LinkedHashMap<>();
            for (OrderLine l : d.items()) {
                lines.put(l.line(), l); // a repeated line number keeps its last copy
            }
            for (OrderLine l : lines.values()) {
                items.add(new Object[]{id, l.line(), l.categoryCode(), l.category(), l.productCode(), l.product(),
                        l.buyerSpec(), l.supplierSpec(), l.quantity(), l.unit(), l.currency(), l.netPrice(),
                        l.total()});
            }
        }
        jdbc.batchUpdate("DELETE FROM order_item WHERE order_id = ?", deletes);
        jdbc.batchUpdate("""
                INSERT INTO order_item (order_id, line, category_code, category, product_code, product, buyer_spec,
                    supplier_spec, quantity, unit, currency, net_price, total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
        jdbc.batchUpdate("""
                INSERT INTO buyer (unit_code, unit_name, unit_rut, organism_code, organism_name, region, commune, address,
                    updated_at, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit_code) DO UPDATE SET unit_name = excluded.unit_name, unit_rut = excluded.unit_rut,
                    organism_code = excluded.organism_code, organism_name = excluded.organism_name,
                    region = excluded.region, commune = excluded.commune, address = excluded.address,
                    updated_at = excluded.updated_at, sector = coalesce(excluded.sector, buyer.sector)""", new ArrayList<>(buyers.values()));
        jdbc.batchUpdate("""
                INSERT INTO supplier (code, rut, name, activity, region, commune, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET rut = excluded.rut, name = excluded.name, activity = excluded.activity,
                    region = excluded.region, commune = excluded.commune, updated_at = excluded.updated_at""",
                new ArrayList<>(suppliers.values()));
        jdbc.batchUpdate("""
                INSERT INTO buyer_category_stats (buyer_code, category_code, orders, sum_log, sum_log_sq)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (buyer_code, category_code) DO UPDATE SET
                    orders = buyer_category_stats.orders + excluded.orders,
                    sum_log = buyer_category_stats.sum_log + excluded.sum_log,
                    sum_log_sq = buyer_category_stats.sum_log_sq + excluded.sum_log_sq""", stats.entrySet().stream()
                .map(e -> new Object[]{e.getKey().get(0), e.getKey().get(1), (long) e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]}).toList());
        return added;
    }

    /** The supplier's key: its Mercado Público code, or its RUT when the API sent none. */
    static String supplierCode(OrderDetail d) {
        return d.supplier().code() != null ? d.supplier().code() : d.supplier().rut();
    }

    private Map<String, Known> known(List<String> codes) {
        Map<String, Known> out = new HashMap<>();
        Batches.inChunks(codes, chunk -> jdbc.query("SELECT id, code, state_code, has_detail, modified_at FROM "
                + "purchase_order WHERE code IN (" + Batches.marks(chunk.size()) + ")", rs -> {
            long modified = rs.getLong(5);
            out.put(rs.getString(2), new Known(rs.getLong(1), (Integer) rs.getObject(3), rs.getInt(4) == 1,
                    rs.wasNull() ? null : modified));
        }, chunk.toArray()));
        return out;
    }

    private Map<String, Long> ids(List<String> codes) {
        Map<String, Long> out = new HashMap<>();
        Batches.inChunks(codes, chunk -> jdbc.query("SELECT id, code FROM purchase_order WHERE code IN ("
                + Batches.marks(chunk.size()) + ")", rs -> {
            out.put(rs.getString(2), rs.getLong(1));
        }, chunk.toArray()));
        return out;
    }

    /** The Chile calendar day of an instant as yyyymmdd, the {@code day} column. */
    public static int dayOf(Instant t) {
        LocalDate d = LocalDate.ofInstant(t, Formats.CHILE);
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
