package cl.andesops.compraagil;

import static cl.andesops.shared.persistence.Batches.millis;
import static cl.andesops.shared.persistence.Batches.str;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cl.andesops.rules.Pesos;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.persistence.Batches;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.ListOutcome;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.mercadopublico.CaProduct;
import cl.andesops.mercadopublico.CaQuote;
import cl.andesops.mercadopublico.CaQuoteLine;
import cl.andesops.mercadopublico.CaRequest;

/**
 * The one place Compra Ágil requests, their products and quotes are written; a list item updates the summary at
 * once. Idempotent; a batch that repeats a code keeps its last copy, quotes that repeat an id (or carry none) get
 * keys of their own; every call stamps its rows with the next data version. Callers own the transaction.
 */
@Component
public class CompraAgilWriter {

    private final JdbcTemplate jdbc;
    private final Pesos fx;
    private final Clock clock;
    private final DataVersions versions;

    CompraAgilWriter(@Qualifier(Writer.NAME) JdbcTemplate jdbc, Pesos fx, Clock clock, DataVersions versions) {
        this.jdbc = jdbc;
        this.fx = fx;
        this.clock = clock;
        this.versions = versions;
    }

    private record Known(Long changedAt, boolean hasDetail) {
    }

    /** Upserts summaries; a detail is needed when the request is new, changed since its detail, or never detailed. */
    public ListOutcome storeList(List<CaRequest> all) {
        List<CaRequest> listed = lastOfEachCode(all);
        Map<String, Known> known = known(listed.stream().map(CaRequest::code).toList());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        long now = clock.millis();
        for (CaRequest r : listed) {
            Known k = known.get(r.code());
            Long changedAt = millis(r.changedAt());
            if (k == null) {
                added.add(r.code());
                toFetch.put(r.code(), "NEW");
            } else if (!Objects.equals(k.changedAt(), changedAt)) {
                changed.add(r.code());
                toFetch.put(r.code(), "CHANGED");
            } else if (!k.hasDetail()) {
                toFetch.put(r.code(), "MISSING");
            } else {
                continue;
            }
            rows.add(summary(r, now));
        }
        if (!rows.isEmpty()) {
            long version = versions.next(Dataset.COMPRA_AGIL);
            rows.replaceAll(r -> Batches.with(r, r.length, version));
            jdbc.batchUpdate(UPSERT_SUMMARY, rows);
        }
        return new ListOutcome(added, changed, toFetch);
    }

    /** Stores full details (summary, products, quotes) as fetched now; returns the codes that were new. */
    public List<String> storeDetails(List<CaRequest> batch) {
        return storeDetails(batch, clock.millis(), false);
    }

    /**
     * Requests an open-data file gives as they stood at {@code asOf} (the file has no per-request change date): a
     * request fetched later, from the API or a newer file, keeps what it holds; the same file again changes
     * nothing. Returns the codes that were new.
     */
    public List<String> storeFileDetails(List<CaRequest> batch, Instant asOf) {
        java.util.Set<String> newer = Batches.detailedSince(jdbc, "ca_request",
                batch.stream().map(CaRequest::code).distinct().toList(), asOf.toEpochMilli());
        return storeDetails(batch.stream().filter(r -> !newer.contains(r.code())).toList(), asOf.toEpochMilli(),
                true);
    }

    private List<String> storeDetails(List<CaRequest> batch, long fetchedAt, boolean fromFile) {
        List<CaRequest> details = lastOfEachCode(batch);
        if (details.isEmpty()) {
            return List.of();
        }
        Map<String, Known> known = known(details.stream().map(CaRequest::code).toList());
        long now = fetchedAt;
        long version = versions.next(Dataset.COMPRA_AGIL);
        List<Object[]> rows = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (CaRequest r : details) {
            if (!known.containsKey(r.code())) {
                added.add(r.code());
            }
            Object[] row = summary(r, now);
            rows.add(Batches.with(row, row.length, version));
        }
        jdbc.batchUpdate(UPSERT_SUMMARY, rows);
        List<Object[]> detailRows = new ArrayList<>();
        for (CaRequest r : details) {
            detailRows.add(new Object[]{r.description(), r.deliveryAddress(), r.deliveryDays(), r.budgetType(),
                    str(r.estimatedBudget()), r.orderCode(), fromFile ? 1 : 0, r.code()});
        }
        jdbc.batchUpdate("""
                UPDATE ca_request SET description = ?, delivery_address = ?, delivery_days = ?, budget_type = ?,
                    budget = ?, order_code = ?, from_open_data = ?, has_detail = 1 WHERE code = ?""", detailRows);
        Map<String, Long> ids = new HashMap<>();
        List<String> codes = details.stream().map(CaRequest::code).toList();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            jdbc.query("SELECT id, code FROM ca_request WHERE code IN (" + Batches.marks(chunk.size()) + ")",
                    rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }, chunk.toArray());
        }
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> products = new ArrayList<>();
        List<Object[]> quotes = new ArrayList<>();
        List<Object[]> quoteLines = new ArrayList<>();
        for (CaRequest r : details) {
            long id = ids.get(r.code());
            deletes.add(new Object[]{id});
            Map<Integer, CaProduct> lines = new LinkedHashMap<>();
            for (CaProduct p : r.products()) {
                lines.put(p.line(), p); // a repeated line number keeps its last copy
            }
            for (CaProduct p : lines.values()) {
                products.add(new Object[]{id, p.line(), p.productCode(), p.name(), p.description(), p.quantity(),
                        p.unit()});
            }
            java.util.Set<Long> quoteIds = new java.util.HashSet<>();
            long synthetic = 0;
            for (CaQuote q : r.quotes()) {
                // a quote with no id (0) or one already seen in this request gets a negative key of its own
                long quoteId = q.quoteId() > 0 && quoteIds.add(q.quoteId()) ? q.quoteId() : --synthetic;
                quotes.add(new Object[]{id, quoteId, q.supplierRut(), q.supplierName(), q.supplierCode(),
                        q.description(), q.netTotal(), q.tax(), q.shipping(), q.total(),
                        q.selected() ? 1 : 0, q.state(), millis(q.createdAt()), millis(q.validUntil()), q.orderId(),
                        q.supplierSize(), q.criterion()});
                java.util.Set<Integer> quoteLineNumbers = new java.util.HashSet<>();
                for (CaQuoteLine l : q.lines()) {
                    if (!quoteLineNumbers.add(l.line())) {
                        continue;
                    }
                    quoteLines.add(new Object[]{id, quoteId, l.line(), l.productCode(), l.name(), l.description(),
                            l.quantity(), l.unitPrice(), l.total()});
                }
            }
        }
        jdbc.batchUpdate("DELETE FROM ca_quote WHERE request_id = ?", deletes);
        jdbc.batchUpdate("DELETE FROM ca_product WHERE request_id = ?", deletes);
        jdbc.batchUpdate("""
                INSERT INTO ca_product (request_id, line, product_code, name, description, quantity, unit)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", products);
        jdbc.batchUpdate("""
                INSERT INTO ca_quote (request_id, quote_id, supplier_rut, supplier_name, supplier_code, description,
                    net_total, tax, shipping, total, selected, state, created_at, valid_until, order_id, supplier_size,
                    criterion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", quotes);
        jdbc.batchUpdate("""
                INSERT INTO ca_quote_item (request_id, quote_id, line, product_code, name, description, quantity,
                    unit_price, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", quoteLines);
        return added;
    }

    private static final String UPSERT_SUMMARY = """
            INSERT INTO ca_request (code, name, state_id, state_code, state, call_state, published_at, closes_at,
                first_call_closes_at, second_call_closes_at, changed_at, cancelled_at, currency, available_amount,
                amount_clp, organism, organism_rut, unit_name, region_id, region, offers_received, cancel_reason,
                deserted_reason, fetched_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, state_id = excluded.state_id,
                state_code = excluded.state_code, state = excluded.state, call_state = excluded.call_state,
                published_at = excluded.published_at, closes_at = excluded.closes_at,
                first_call_closes_at = excluded.first_call_closes_at,
                second_call_closes_at = excluded.second_call_closes_at, changed_at = excluded.changed_at,
                cancelled_at = excluded.cancelled_at, currency = excluded.currency,
                available_amount = excluded.available_amount, amount_clp = excluded.amount_clp,
                organism = excluded.organism, organism_rut = excluded.organism_rut, unit_name = excluded.unit_name,
                region_id = excluded.region_id, region = excluded.region, offers_received = excluded.offers_received,
                cancel_reason = excluded.cancel_reason, deserted_reason = excluded.deserted_reason,
                fetched_at = excluded.fetched_at, version = excluded.version""";

    private Object[] summary(CaRequest r, long now) {
        Long clp = r.availableClp() != null ? Long.valueOf(r.availableClp().longValue())
                : fx.toClp(r.availableAmount(), r.currency(), r.publishedAt());
        return new Object[]{r.code(), r.name(), r.stateId(), r.stateCode(), r.state(), r.callState(),
                millis(r.publishedAt()), millis(r.closesAt()), millis(r.firstCallClosesAt()),
                millis(r.secondCallClosesAt()), millis(r.changedAt()), millis(r.cancelledAt()), r.currency(),
                str(r.availableAmount()), clp, r.organism(), r.organismRut(), r.unitName(), r.regionId(),
                r.regionName(), r.offersReceived(), r.cancelReason(), r.desertedReason(), now};
    }

    private Map<String, Known> known(List<String> codes) {
        Map<String, Known> out = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            jdbc.query("SELECT code, changed_at, has_detail FROM ca_request WHERE code IN ("
                    + Batches.marks(chunk.size()) + ")", rs -> {
                Object c = rs.getObject(2);
                out.put(rs.getString(1), new Known(c == null ? null : ((Number) c).longValue(), rs.getInt(3) == 1));
            }, chunk.toArray());
        }
        return out;
    }

    private static List<CaRequest> lastOfEachCode(List<CaRequest> requests) {
        return List.copyOf(Batches.lastOfEachCode(requests, CaRequest::code).values());
    }
}
