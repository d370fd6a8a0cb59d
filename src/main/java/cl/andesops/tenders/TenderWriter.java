package cl.andesops.tenders;

import static cl.andesops.shared.persistence.Batches.millis;
import static cl.andesops.shared.persistence.Batches.str;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.mercadopublico.LineAward;
import cl.andesops.mercadopublico.ListedTender;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.mercadopublico.TenderLine;

/**
 * The one place tenders, their items and awards are written: the list at once, details later. Idempotent; a batch
 * that repeats a code keeps its last copy; every call stamps its rows with the next data version. Callers own the
 * transaction (the writer's) and announce the commit.
 */
@Component
public class TenderWriter {

    private final JdbcTemplate jdbc;
    private final Pesos fx;
    private final Clock clock;
    private final DataVersions versions;

    TenderWriter(@Qualifier(Writer.NAME) JdbcTemplate jdbc, Pesos fx, Clock clock, DataVersions versions) {
        this.jdbc = jdbc;
        this.fx = fx;
        this.clock = clock;
        this.versions = versions;
    }

    record Known(Integer state, boolean hasDetail, Long closesAt) {
    }

    /**
     * Codes needing a detail map to (reason, closing time): new, state changed, closing moved (a buyer extends the
     * period: the listing says so before anything else does), or never detailed.
     */
    public ListOutcome storeList(List<ListedTender> all, Map<String, Long> dueOut) {
        Map<String, ListedTender> byCode = Batches.lastOfEachCode(all, ListedTender::code);
        List<ListedTender> listed = List.copyOf(byCode.values());
        Map<String, Known> known = known(List.copyOf(byCode.keySet()));
        long now = clock.millis();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        for (ListedTender t : listed) {
            Known k = known.get(t.code());
            Long closes = t.closesAt() == null ? null : t.closesAt().toEpochMilli();
            dueOut.put(t.code(), closes == null ? Long.MAX_VALUE : closes);
            if (k == null) {
                inserts.add(new Object[]{t.code(), t.name(), t.stateCode(), MpCodes.tender(t.stateCode()),
                        MpCodes.typeFromCode(t.code()), closes, now});
                added.add(t.code());
                toFetch.put(t.code(), "NEW");
            } else if (!Objects.equals(k.state(), t.stateCode())
                    || closes != null && k.closesAt() != null && !closes.equals(k.closesAt())) {
                updates.add(new Object[]{t.stateCode(), MpCodes.tender(t.stateCode()), closes, now, t.code()});
                changed.add(t.code());
                toFetch.put(t.code(), "CHANGED");
            } else if (!k.hasDetail()) {
                toFetch.put(t.code(), "MISSING");
            }
        }
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            long version = versions.next(Dataset.TENDERS);
            inserts.replaceAll(r -> Batches.with(r, 7, version));
            updates.replaceAll(r -> Batches.with(r, 4, version));
            jdbc.batchUpdate("""
                    INSERT INTO tender (code, name, state_code, state, type, closes_at, fetched_at, version, has_detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", inserts);
            jdbc.batchUpdate("UPDATE tender SET state_code = ?, state = ?, closes_at = coalesce(?, closes_at), "
                    + "fetched_at = ?, version = ? WHERE code = ?", updates);
        }
        return new ListOutcome(added, changed, toFetch);
    }

    /** Stores full details (row, items, awards) as fetched now; returns the codes that were new. */
    public List<String> storeDetails(List<TenderDetail> batch) {
        return storeDetails(batch, clock.millis(), false);
    }

    /**
     * Details an open-data file gives as they stood at {@code asOf} (the file has no per-tender change date): a
     * tender whose details were fetched later, from the API or a newer file, keeps them; the same file again
     * changes nothing. Returns the codes that were new.
     */
    public List<String> storeFileDetails(List<TenderDetail> batch, Instant asOf) {
        java.util.Set<String> newer = Batches.detailedSince(jdbc, "tender",
                batch.stream().map(TenderDetail::code).distinct().toList(), asOf.toEpochMilli());
        return storeDetails(batch.stream().filter(t -> !newer.contains(t.code())).toList(), asOf.toEpochMilli(),
                true);
    }

    private List<String> storeDetails(List<TenderDetail> batch, long fetchedAt, boolean fromFile) {
        Map<String, TenderDetail> byCode = Batches.lastOfEachCode(batch, TenderDetail::code);
        List<TenderDetail> details = List.copyOf(byCode.values());
        if (details.isEmpty()) {
            return List.of();
        }
        Map<String, Known> known = known(List.copyOf(byCode.keySet()));
        long now = fetchedAt;
        long version = versions.next(Dataset.TENDERS);
        List<Object[]> rows = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (TenderDetail t : details) {
            if (!known.containsKey(t.code())) {
                added.add(t.code());
            }
            var award = t.award();
            rows.add(new Object[]{t.code(), t.name(), t.description(), t.stateCode(),
                    t.state() != null ? t.state() : MpCodes.tender(t.stateCode()), t.type(), t.typeCode(), t.currency(),
                    str(t.estimatedAmount()), t.amountVisible(), fx.toClp(t.estimatedAmount(), t.currency(), t.publishedAt()),
                    t.buyer().unitCode(), t.buyer().organismCode(), t.buyer().organismName(), t.buyer().unitName(),
                    t.buyer().region(), t.buyer().commune(), millis(t.createdAt()), millis(t.publishedAt()),
                    millis(t.closesAt()), millis(t.forumOpensAt()), millis(t.forumClosesAt()), millis(t.answersAt()),
                    millis(t.technicalOpeningAt()), millis(t.economicOpeningAt()), millis(t.awardedAt()),
                    millis(t.estimatedAwardAt()), t.complaints(), t.stages(),
                    award == null ? null : award.bidders(), award == null ? null : award.type(),
                    award == null ? null : award.number(), award == null ? null : millis(award.date()),
                    award == null ? null : award.url(), t.contractDuration(), t.paymentModality(), t.funding(), now,
                    version, fromFile ? 1 : 0});
        }
        jdbc.batchUpdate("""
                INSERT INTO tender (code, name, description, state_code, state, type, type_code, currency,
                    estimated_amount, amount_visible, amount_clp, buyer_unit_code, buyer_code, buyer_name, unit_name,
                    region, commune, created_at, published_at, closes_at, forum_opens_at, forum_closes_at, answers_at,
                    technical_opening_at, economic_opening_at, awarded_at, est_award_at, complaints, stages, bidders,
                    award_act_type, award_act_number, award_act_date, award_act_url, contract_duration,
                    payment_modality, funding_source, fetched_at, version, from_open_data, has_detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, 1)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description,
                    state_code = excluded.state_code, state = excluded.state, type = excluded.type,
                    type_code = excluded.type_code, currency = excluded.currency,
                    estimated_amount = excluded.estimated_amount, amount_visible = excluded.amount_visible,
                    amount_clp = excluded.amount_clp, buyer_unit_code = excluded.buyer_unit_code,
                    buyer_code = excluded.buyer_code, buyer_name = excluded.buyer_name, unit_name = excluded.unit_name,
                    region = excluded.region, commune = excluded.commune, created_at = excluded.created_at,
                    published_at = excluded.published_at, closes_at = excluded.closes_at,
                    forum_opens_at = excluded.forum_opens_at, forum_closes_at = excluded.forum_closes_at,
                    answers_at = excluded.answers_at, technical_opening_at = excluded.technical_opening_at,
                    economic_opening_at = excluded.economic_opening_at, awarded_at = excluded.awarded_at,
                    est_award_at = excluded.est_award_at, complaints = excluded.complaints, stages = excluded.stages,
                    bidders = excluded.bidders, award_act_type = excluded.award_act_type,
                    award_act_number = excluded.award_act_number, award_act_date = excluded.award_act_date,
                    award_act_url = excluded.award_act_url, contract_duration = excluded.contract_duration,
                    payment_modality = excluded.payment_modality, funding_source = excluded.funding_source,
                    fetched_at = excluded.fetched_at, version = excluded.version,
                    from_open_data = excluded.from_open_data, has_detail = 1""", rows);
        Map<String, Long> ids = new HashMap<>();
        List<String> codes = List.copyOf(byCode.keySet());
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            jdbc.query("SELECT id, code FROM tender WHERE code IN (" + Batches.marks(chunk.size()) + ")",
                    rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }, chunk.toArray());
        }
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> awards = new ArrayList<>();
        for (TenderDetail t : details) {
            long id = ids.get(t.code());
            deletes.add(new Object[]{id});
            Map<Integer, TenderLine> lines = new LinkedHashMap<>();
            for (TenderLine l : t.items()) {
                lines.put(l.line(), l); // a repeated line number keeps its last copy
            }
            for (TenderLine l : lines.values()) {
                items.add(new Object[]{id, l.line(), l.productCode(), l.categoryCode(), l.category(), l.productName(),
                        l.description(), l.unit(), l.quantity()});
                LineAward a = l.award();
                if (a != null && (a.supplierRut() != null || a.supplierName() != null)) {
                    awards.add(new Object[]{id, l.line(), a.supplierRut(), a.supplierName(), a.quantity(),
                            a.unitPrice()});
                }
            }
        }
        jdbc.batchUpdate("DELETE FROM tender_item WHERE tender_id = ?", deletes);
        jdbc.batchUpdate("DELETE FROM tender_award WHERE tender_id = ?", deletes);
        jdbc.batchUpdate("""
                INSERT INTO tender_item (tender_id, line, product_code, category_code, category, product_name,
                    description, unit, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
        jdbc.batchUpdate("""
                INSERT INTO tender_award (tender_id, line, supplier_rut, supplier_name, quantity, unit_price)
                VALUES (?, ?, ?, ?, ?, ?)""", awards);
        return added;
    }

    /**
     * Replaces the offers of these tenders (by code) with the ones given: every bidder of every item. In the
     * caller's transaction, after their rows are stored; a tender without a row is left out.
     */
    public void storeOffers(Map<String, List<TenderOffer>> offersByTender) {
        if (offersByTender.isEmpty()) {
            return;
        }
        Map<String, Long> ids = new HashMap<>();
        Batches.inChunks(List.copyOf(offersByTender.keySet()), chunk -> jdbc.query("SELECT id, code FROM tender "
                + "WHERE code IN (" + Batches.marks(chunk.size()) + ")", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        }, chunk.toArray()));
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        offersByTender.forEach((code, offers) -> {
            Long id = ids.get(code);
            if (id == null) {
                return;
            }
            deletes.add(new Object[]{id});
            Map<String, TenderOffer> unique = new LinkedHashMap<>();
            for (TenderOffer o : offers) {
                String supplier = o.supplierCode() != null ? o.supplierCode() : o.supplierRut();
                if (supplier != null) {
                    unique.put(o.line() + "|" + supplier, o); // one offer per bidder and item: the last one
                }
            }
            unique.values().forEach(o -> rows.add(new Object[]{id, o.line(),
                    o.supplierCode() != null ? o.supplierCode() : o.supplierRut(), o.supplierRut(), o.supplierName(),
                    o.offerName(), o.state(), o.quantity(), o.currency(), o.unitPrice(), o.total(),
                    o.awardedQuantity(), o.awardedAmount(), millis(o.sentAt()), o.selected() ? 1 : 0}));
        });
        jdbc.batchUpdate("DELETE FROM tender_offer WHERE tender_id = ?", deletes);
        jdbc.batchUpdate("INSERT INTO tender_offer (tender_id, line, supplier_code, supplier_rut, supplier_name, "
                + "offer_name, state, quantity, currency, unit_price, total, awarded_quantity, awarded_amount, sent_at, "
                + "selected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * What only the file says of a tender: whether its call is open (TipoConvocatoria 1), whether its close was
     * extended (ExtensionPlazo), and its evaluation criteria (from the 2025 files on).
     */
    public record FileFacts(Boolean openCall, Boolean timeExtension, String criteria) {
    }

    /**
     * Stores what only the file says of these tenders, whether or not the file's copy is newer (a month read again
     * fills them), stamping the tenders it changes with a new data version.
     */
    public void storeFileFacts(Map<String, FileFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        long version = versions.next(Dataset.TENDERS);
        List<Object[]> rows = new ArrayList<>();
        facts.forEach((code, f) -> {
            Integer open = f.openCall() == null ? null : f.openCall() ? 1 : 0;
            Integer extended = f.timeExtension() == null ? null : f.timeExtension() ? 1 : 0;
            rows.add(new Object[]{open, extended, f.criteria(), version, code, open, extended, f.criteria()});
        });
        jdbc.batchUpdate("""
                UPDATE tender SET open_call = ?, time_extension = ?, criteria = ?, version = ?
                 WHERE code = ? AND (coalesce(open_call, -1) <> coalesce(?, -1)
                    OR coalesce(time_extension, -1) <> coalesce(?, -1) OR coalesce(criteria, '~') <> coalesce(?, '~'))""",
                rows);
    }

    private Map<String, Known> known(List<String> codes) {
        Map<String, Known> out = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            jdbc.query("SELECT code, state_code, has_detail, closes_at FROM tender WHERE code IN ("
                            + Batches.marks(chunk.size()) + ")",
                    rs -> {
                        long closes = rs.getLong(4);
                        out.put(rs.getString(1), new Known((Integer) rs.getObject(2), rs.getInt(3) == 1,
                                rs.wasNull() ? null : closes));
                    }, chunk.toArray());
        }
        return out;
    }
}
