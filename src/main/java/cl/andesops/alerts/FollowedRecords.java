package cl.andesops.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.compraagil.CompraAgilChanges;
import cl.andesops.flags.Flags;
import cl.andesops.parties.Parties;
import cl.andesops.tenders.TenderChanges;
import cl.andesops.shared.format.PartyKeys;

/**
 * Reads what a follow watches: a tender's or a request's state as {@link Seen} (with its fired indicators), and the
 * label of any followed page, the parties' names through {@link Parties}, who owns their identity; each feature's
 * tables through its own queries.
 */
@Component
class FollowedRecords {

    private final TenderChanges tenderChanges;
    private final CompraAgilChanges requestChanges;
    private final Flags flagsOf;
    private final Parties parties;

    FollowedRecords(TenderChanges tenderChanges, CompraAgilChanges requestChanges, Flags flagsOf, Parties parties) {
        this.tenderChanges = tenderChanges;
        this.requestChanges = requestChanges;
        this.flagsOf = flagsOf;
        this.parties = parties;
    }

    /** A record's state with its name, or empty when it is not stored. */
    record State(String code, String name, Seen seen) {
    }

    /** The label a follow shows for a page, or empty when there is no such record or party. */
    Optional<String> label(Follow.Kind kind, String code) {
        return switch (kind) {
            case TENDER -> tenders(List.of(code), Instant.now()).values().stream().findFirst().map(State::name);
            case COMPRA_AGIL -> requests(List.of(code)).values().stream().findFirst().map(State::name);
            case BUYER -> parties.buyer(code).map(cl.andesops.parties.Buyer::name);
            case SUPPLIER -> parties.supplier(code).map(cl.andesops.parties.Supplier::name);
        };
    }

    /** A followed page's code as its identity's owner writes it (a RUT as {@code 76012551-2}). */
    static Optional<String> key(Follow.Kind kind, String code) {
        return switch (kind) {
            case BUYER -> PartyKeys.buyer(code);
            case SUPPLIER -> PartyKeys.supplier(code);
            default -> code == null || code.isBlank() || code.length() > 60 ? Optional.empty()
                    : Optional.of(code.strip());
        };
    }

    Optional<State> state(Follow.Kind kind, String code, Instant now) {
        Map<String, State> m = kind == Follow.Kind.TENDER ? tenders(List.of(code), now)
                : kind == Follow.Kind.COMPRA_AGIL ? requests(List.of(code)) : Map.of();
        return Optional.ofNullable(m.get(code));
    }

    /** The tenders with these codes, by code, as {@link Seen} at {@code now} (answers due or not). */
    Map<String, State> tenders(Collection<String> codes, Instant now) {
        Map<String, State> out = new HashMap<>();
        Map<String, List<String>> awards = new HashMap<>();
        for (TenderChanges.AwardLine a : tenderChanges.awards(codes)) {
            String rut = PartyKeys.supplier(a.supplierRut()).orElse(a.supplierRut());
            awards.computeIfAbsent(a.tender(), k -> new ArrayList<>()).add(rut + "|"
                    + (a.supplierName() == null ? "" : a.supplierName()) + "|" + (a.amount() == null ? ""
                    : a.amount().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()));
        }
        Map<String, List<String>> flags = flags(codes);
        tenderChanges.states(codes).forEach((code, t) -> out.put(code, new State(code, t.name(), new Seen(t.state(),
                t.stateName(), t.closesAt(), t.answersAt() != null && t.answersAt() <= now.toEpochMilli(),
                awards.getOrDefault(code, List.of()), 0, null, null, flags.getOrDefault(code, List.of())))));
        return out;
    }

    /** The Compra Ágil requests with these codes, by code, as {@link Seen}. */
    Map<String, State> requests(Collection<String> codes) {
        Map<String, State> out = new HashMap<>();
        Map<String, List<String>> flags = flags(codes);
        requestChanges.states(codes).forEach((code, r) -> out.put(code, new State(code, r.name(), new Seen(r.state(),
                r.stateName(), r.closesAt(), false, List.of(), r.quotes(), r.selected(), r.order(),
                flags.getOrDefault(code, List.of())))));
        return out;
    }

    /** The indicators fired on these records, by code, sorted. */
    private Map<String, List<String>> flags(Collection<String> codes) {
        Map<String, List<String>> out = new HashMap<>();
        flagsOf.on(codes).forEach((code, hits) -> out.put(code, hits.stream().map(h -> h.indicator().id).sorted()
                .distinct().toList()));
        return out;
    }

}
