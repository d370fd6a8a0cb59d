package cl.andesops.sync;

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

import cl.andesops.shared.persistence.Writer;
import cl.andesops.mercadopublico.CaProduct;
import cl.andesops.mercadopublico.CaQuote;
import cl.andesops.mercadopublico.CaQuoteLine;
import cl.andesops.mercadopublico.CaRequest;

/** Writes Compra Ágil requests, their products and quotes; a list item updates the summary at once. */
@Component
class CompraAgilStore {

    private final JdbcTemplate jdbc;
    private final Fx fx;
    private final Clock clock;

    CompraAgilStore(@Qualifier(Writer.NAME) JdbcTemplate jdbc, Fx fx, Clock clock) {
        this.jdbc = jdbc;
        this.fx = fx;
        this.clock = clock;
    }

    private record Known(Long changedAt, boolean hasDetail) {
    }

    /** Upserts summaries; a detail is needed when the request is new, changed since its detail, or never detailed. */
    OrderStore.ListOutcome storeList(List<CaRequest> listed) {
        Map<String, Known> known = known(listed.stream().map(CaRequest::code).toList());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        long now = clock.millis();
        for (CaRequest r : listed) {
            if (r.code() == null) {
                continue;
            }
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
        jdbc.batchUpdate(UPSERT_SUMMARY, rows);
        return new OrderStore.ListOutcome(added, changed, toFetch);
    }

    List<String> storeDetails(List<CaRequest> details) {
        Map<String, Known> known = known(details.stream().map(CaRequest::code).toList());
        long now = clock.millis();
        List<Object[]> rows = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (CaRequest r : details) {
            if (!known.containsKey(r.code())) {
                added.add(r.code());
            }
            rows.add(summary(r, now));
        }
        jdbc.batchUpdate(UPSERT_SUMMARY, rows);
        List<Object[]> detailRows = new ArrayList<>();
        for (CaRequest r : details) {
            detailRows.add(new Object[]{r.description(), r.deliveryAddress(), r.deliveryDays(), r.budgetType(),
                    str(r.estimatedBudget()), r.orderCode(), r.code()});
        }
        jdbc.batchUpdate("""
                UPDATE ca_request SET description = ?, delivery_address = ?, delivery_days = ?, budget_type = ?,
                    budget = ?, order_code = ?, has_detail = 1 WHERE code = ?""", detailRows);
        Map<String, Long> ids = new HashMap<>();
        List<String> codes = details.stream().map(CaRequest::code).toList();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            jdbc.query("SELECT id, code FROM ca_request WHERE code IN (" + TenderStore.marks(chunk.size()) + ")",
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
            for (CaProduct p : r.products()) {
                products.add(new Object[]{id, p.line(), p.productCode(), p.name(), p.description(), str(p.quantity()),
                        p.unit()});
            }
            for (CaQuote q : r.quotes()) {
                quotes.add(new Object[]{id, q.quoteId(), q.supplierRut(), q.supplierName(), q.supplierCode(),
                        q.description(), str(q.netTotal()), str(q.tax()), str(q.shipping()), str(q.total()),
                        q.selected() ? 1 : 0, q.state(), millis(q.createdAt()), millis(q.validUntil()), q.orderId()});
                for (CaQuoteLine l : q.lines()) {
                    quoteLines.add(new Object[]{id, q.quoteId(), l.line(), l.productCode(), l.name(), l.description(),
                            str(l.quantity()), str(l.unitPrice()), str(l.total())});
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
                    net_total, tax, shipping, total, selected, state, created_at, valid_until, order_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", quotes);
        jdbc.batchUpdate("""
                INSERT INTO ca_quote_item (request_id, quote_id, line, product_code, name, description, quantity,
                    unit_price, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", quoteLines);
        return added;
    }

    private static final String UPSERT_SUMMARY = """
            INSERT INTO ca_request (code, name, state_id, state_code, state, call_state, published_at, closes_at,
                first_call_closes_at, second_call_closes_at, changed_at, cancelled_at, currency, available_amount,
                amount_clp, organism, organism_rut, unit_name, region_id, region, offers_received, cancel_reason,
                deserted_reason, fetched_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                fetched_at = excluded.fetched_at""";

    private Object[] summary(CaRequest r, long now) {
        Long clp = r.availableClp() != null ? Long.valueOf(r.availableClp().longValue())
                : fx.toClp(r.availableAmount(), r.currency());
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
                    + TenderStore.marks(chunk.size()) + ")", rs -> {
                Object c = rs.getObject(2);
                out.put(rs.getString(1), new Known(c == null ? null : ((Number) c).longValue(), rs.getInt(3) == 1));
            }, chunk.toArray());
        }
        return out;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static String str(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
