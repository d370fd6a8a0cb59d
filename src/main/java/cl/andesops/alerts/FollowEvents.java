package cl.andesops.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.alerts.Alert.Event;
import cl.andesops.alerts.FollowedRecords.State;
import cl.andesops.flags.Flags;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Stamped;
import cl.andesops.tenders.TenderChanges;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.persistence.Writer;

/**
 * What the records of one commit window mean to the follows: a followed tender's or request's changes (against what
 * was last told of it, {@link Seen}), a followed buyer's new tender, a followed supplier's award. The follow's
 * {@code seen} moves with the alerts, in the caller's transaction.
 */
@Component
class FollowEvents {

    /** Events told once per record, whatever later versions it has: stored at this version. */
    static final long ONCE = 0;

    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final FollowedRecords records;
    private final Clock clock;

    private final TenderChanges tenders;
    private final Flags flags;

    FollowEvents(JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer, FollowedRecords records,
                 TenderChanges tenders, Flags flags, Clock clock) {
        this.tenders = tenders;
        this.flags = flags;
        this.read = read;
        this.writer = writer;
        this.records = records;
        this.clock = clock;
    }

    /** Whether anything follows records or parties at all (when nothing does, a window needs no reading). */
    boolean any() {
        return read.sql("SELECT 1 FROM follow LIMIT 1").query(Integer.class).optional().isPresent();
    }

    List<AlertStore.New> events(Dataset d, Map<String, Stamped> changed) {
        List<AlertStore.New> out = new ArrayList<>();
        Instant now = clock.instant();
        switch (d) {
            case TENDERS -> {
                recordEvents(Follow.Kind.TENDER, d, changed, out, now);
                buyersNewTenders(changed, out);
                suppliersAwards(changed, out);
            }
            case COMPRA_AGIL -> recordEvents(Follow.Kind.COMPRA_AGIL, d, changed, out, now);
            case ORDERS -> {
                // orders are not followed one by one: only their parties' flags below
            }
        }
        partiesFlags(d, changed, out);
        return out;
    }

    /**
     * An integrity indicator fired on a record of a followed buyer or supplier: told once per record (a reason to
     * look, never proof). The follow's own record is told by its own events.
     */
    private void partiesFlags(Dataset d, Map<String, Stamped> changed, List<AlertStore.New> out) {
        if (read.sql("SELECT 1 FROM follow WHERE kind IN ('BUYER', 'SUPPLIER') LIMIT 1").query(Integer.class)
                .optional().isEmpty()) {
            return;
        }
        Map<String, List<Flags.Hit>> fired = flags.on(changed.keySet());
        if (fired.isEmpty()) {
            return;
        }
        Map<List<String>, Set<String>> byParty = new HashMap<>(); // [kind, key] -> record codes
        fired.forEach((code, hits) -> hits.forEach(h -> {
            if (h.buyerCode() != null) {
                PartyKeys.buyer(h.buyerCode()).ifPresent(b -> byParty.computeIfAbsent(List.of("BUYER", b),
                        k -> new LinkedHashSet<>()).add(code));
            }
            if (h.supplier() != null) {
                PartyKeys.supplier(h.supplier()).ifPresent(r -> byParty.computeIfAbsent(List.of("SUPPLIER", r),
                        k -> new LinkedHashSet<>()).add(code));
            }
        }));
        for (Follow.Kind kind : List.of(Follow.Kind.BUYER, Follow.Kind.SUPPLIER)) {
            Set<String> keys = new LinkedHashSet<>();
            byParty.keySet().stream().filter(k -> k.get(0).equals(kind.name())).forEach(k -> keys.add(k.get(1)));
            if (keys.isEmpty()) {
                continue;
            }
            for (Follow f : follows(kind, keys)) {
                for (String code : byParty.get(List.of(kind.name(), f.code()))) {
                    Stamped c = changed.get(code);
                    // a party's follow counts versions of the tenders: for any dataset, its records' dates decide
                    if (c != null && !c.fromFiles() && Fresh.forSince(c, f.createdAt())) {
                        out.add(new AlertStore.New(f.keyId(), null, f.id(), d, code, c.name(), Event.FLAG,
                                fired.get(code).stream().map(h -> h.indicator().id).distinct().sorted().toList(),
                                ONCE, true));
                    }
                }
            }
        }
    }

    private List<Follow> follows(Follow.Kind kind, Collection<String> codes) {
        List<Follow> out = new ArrayList<>();
        for (List<String> part : cl.andesops.shared.persistence.Batches.chunks(codes)) {
            out.addAll(read.sql("SELECT * FROM follow WHERE kind = :k AND code IN (:codes)")
                    .param("k", kind.name()).param("codes", part).query(ROW).list());
        }
        return out;
    }

    private void recordEvents(Follow.Kind kind, Dataset d, Map<String, Stamped> changed, List<AlertStore.New> out,
                              Instant now) {
        List<Follow> follows = follows(kind, changed.keySet());
        if (follows.isEmpty()) {
            return;
        }
        Set<String> codes = new LinkedHashSet<>();
        follows.forEach(f -> codes.add(f.code()));
        Map<String, State> states = kind == Follow.Kind.TENDER ? records.tenders(codes, now) : records.requests(codes);
        for (Follow f : follows) {
            State s = states.get(f.code());
            Stamped c = changed.get(f.code());
            if (s == null || c == null || c.version() <= f.sinceVersion()) {
                continue;
            }
            Seen before = Seen.read(f.seen());
            Seen after = s.seen();
            if (before != null) {
                for (Object[] e : diff(kind, before, after)) {
                    @SuppressWarnings("unchecked")
                    List<String> args = (List<String>) e[1];
                    out.add(new AlertStore.New(f.keyId(), null, f.id(), d, f.code(), s.name(), (Event) e[0], args,
                            c.version(), true));
                }
            }
            boolean closingMoved = before != null && !Objects.equals(before.closesAt(), after.closesAt())
                    || before != null && before.cancelled(kind) != after.cancelled(kind);
            String json = after.json();
            if (!json.equals(f.seen())) {
                writer.update("UPDATE follow SET seen = ?, sequence = sequence + ? WHERE id = ?", json,
                        closingMoved ? 1 : 0, f.id());
            }
        }
    }

    /** The events between what was told and what is: each as {event, args}. */
    static List<Object[]> diff(Follow.Kind kind, Seen before, Seen after) {
        List<Object[]> out = new ArrayList<>();
        if (before.closesAt() != null && after.closesAt() != null && !before.closesAt().equals(after.closesAt())) {
            out.add(new Object[]{Event.CLOSING_MOVED, AlertStore.args(before.closesAt(), after.closesAt())});
        }
        if (after.state() != null && !after.state().equals(before.state())) {
            out.add(new Object[]{Event.STATE, AlertStore.args(before.stateName(), after.stateName(), after.state())});
        }
        if (kind == Follow.Kind.TENDER && !after.awards().isEmpty() && !after.awards().equals(before.awards())) {
            out.add(new Object[]{Event.AWARDED, after.awards()});
        }
        if (!before.answered() && after.answered()) {
            out.add(new Object[]{Event.ANSWERED, List.of()});
        }
        if (after.quotes() > before.quotes()) {
            out.add(new Object[]{Event.QUOTES, AlertStore.args(after.quotes())});
        }
        if (after.selected() != null && !after.selected().equals(before.selected())) {
            out.add(new Object[]{Event.SELECTED, AlertStore.args(after.selected())});
        }
        if (after.order() != null && !after.order().equals(before.order())) {
            out.add(new Object[]{Event.ORDER, AlertStore.args(after.order())});
        }
        List<String> fired = after.flags().stream().filter(x -> !before.flags().contains(x)).toList();
        if (!fired.isEmpty()) {
            out.add(new Object[]{Event.FLAG, fired});
        }
        return out;
    }

    /** A followed buyer's tenders that are news to the follow: each told once. */
    private void buyersNewTenders(Map<String, Stamped> changed, List<AlertStore.New> out) {
        Map<String, List<Stamped>> byBuyer = new HashMap<>();
        changed.values().forEach(c -> {
            if (c.buyerCode() != null) {
                PartyKeys.buyer(c.buyerCode()).ifPresent(b -> byBuyer.computeIfAbsent(b, k -> new ArrayList<>()).add(c));
            }
        });
        if (byBuyer.isEmpty()) {
            return;
        }
        for (Follow f : follows(Follow.Kind.BUYER, byBuyer.keySet())) {
            for (Stamped c : byBuyer.getOrDefault(f.code(), List.of())) {
                if (c.version() > f.sinceVersion() && !c.fromFiles() && Fresh.forSince(c, f.createdAt())) {
                    out.add(new AlertStore.New(f.keyId(), null, f.id(), Dataset.TENDERS, c.code(), c.name(),
                            Event.NEW_TENDER, List.of(), ONCE, true));
                }
            }
        }
    }

    /** A followed supplier's awards in the window's awarded tenders: each tender told once. */
    private void suppliersAwards(Map<String, Stamped> changed, List<AlertStore.New> out) {
        Map<String, Map<String, List<String>>> bySupplier = new HashMap<>(); // rut -> tender -> lines
        for (TenderChanges.AwardLine a : tenders.awards(changed.keySet())) {
            if (a.awarded()) {
                PartyKeys.supplier(a.supplierRut()).ifPresent(rut -> bySupplier
                        .computeIfAbsent(rut, k -> new HashMap<>())
                        .computeIfAbsent(a.tender(), k -> new ArrayList<>())
                        .add(a.amount() == null ? "" : a.amount().setScale(0, java.math.RoundingMode.HALF_UP)
                                .toPlainString()));
            }
        }
        if (bySupplier.isEmpty()) {
            return;
        }
        for (Follow f : follows(Follow.Kind.SUPPLIER, bySupplier.keySet())) {
            bySupplier.get(f.code()).forEach((tender, amounts) -> {
                Stamped c = changed.get(tender);
                if (c != null && c.version() > f.sinceVersion() && !c.fromFiles()) {
                    out.add(new AlertStore.New(f.keyId(), null, f.id(), Dataset.TENDERS, tender, c.name(),
                            Event.NEW_AWARD, amounts, ONCE, true));
                }
            });
        }
    }

    static final org.springframework.jdbc.core.RowMapper<Follow> ROW = (rs, n) -> new Follow(rs.getString("id"),
            rs.getString("key_id"), Follow.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
            rs.getString("label"), rs.getString("seen"), rs.getInt("sequence"),
            Instant.ofEpochMilli(rs.getLong("created_at")), rs.getLong("since_version"));
}
