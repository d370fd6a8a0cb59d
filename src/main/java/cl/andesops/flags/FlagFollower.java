package cl.andesops.flags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.compraagil.CompraAgilFlagInputs;
import cl.andesops.orders.OrderFlagInputs;
import cl.andesops.orders.OrderFlagInputs.OrderCase;
import cl.andesops.rules.RuleTable;
import cl.andesops.rules.Rules;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Follower;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.tenders.TenderFlagInputs;
import cl.andesops.tenders.TenderFlagInputs.TenderCase;

/**
 * Computes the indicators after each commit and each imported chunk, by data version, off the sync's thread: the
 * records stamped since the version it reflects are judged and their judgements replaced. An order moves the
 * judgement of its buyer's other orders to the same supplier (a run of direct awards, a split purchase), so those are
 * judged again with it. A change of the rules (or of the indicators' code) judges everything again.
 */
@Component
public class FlagFollower extends Follower {

    /** Raise when an indicator's logic changes: every record is judged again at the next start. */
    static final String LOGIC = "indicators-2";
    private static final int WINDOW = 500;
    /** Most orders of one pair read at once (oldest first): a pair past it is judged on those. */
    private static final int MAX_PAIR = 5_000;

    private final Rules rules;
    private final TenderFlagInputs tenders;
    private final OrderFlagInputs orders;
    private final CompraAgilFlagInputs compraAgil;
    private final FlagStore store;

    private final cl.andesops.shared.cluster.Cluster cluster;

    FlagFollower(DataVersions versions, JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer, Rules rules,
            TenderFlagInputs tenders, OrderFlagInputs orders, CompraAgilFlagInputs compraAgil, FlagStore store,
            cl.andesops.shared.cluster.Cluster cluster) {
        super("flags", Set.of(Dataset.TENDERS, Dataset.ORDERS, Dataset.COMPRA_AGIL), versions, read, writer);
        this.cluster = cluster;
        this.rules = rules;
        this.tenders = tenders;
        this.orders = orders;
        this.compraAgil = compraAgil;
        this.store = store;
        rules.onChange(t -> restart());
    }

    /** The judgements are in the shared database: the leader keeps them (the others read them). */
    @Override
    protected boolean active() {
        return cluster.leads();
    }

    @Override
    protected String basis() {
        return LOGIC + ";" + rules.table().fingerprint();
    }

    /** What the judgements are computed under: for tests. */
    public String basisForTests() {
        return basis();
    }

    @Override
    protected void follow(Dataset dataset, long from, long to) {
        RuleTable table = rules.table();
        switch (dataset) {
            case TENDERS -> followTenders(from, to, table);
            case COMPRA_AGIL -> followRequests(from, to, table);
            case ORDERS -> followOrders(from, to, table);
        }
    }

    private void followTenders(long from, long to, RuleTable table) {
        if (from == 0) {
            store.clear(Indicator.Subject.TENDER); // everything is judged: no record's rows to replace one by one
        }
        long after = 0;
        while (isRunning()) {
            List<TenderCase> batch = tenders.changed(from, to, after, WINDOW);
            if (batch.isEmpty()) {
                return;
            }
            List<Judgement> out = new ArrayList<>();
            batch.forEach(t -> out.addAll(TenderIndicators.judge(t, table)));
            if (from == 0) {
                store.insert(out);
            } else {
                store.replace(Indicator.Subject.TENDER, batch.stream().map(TenderCase::code).toList(), out);
            }
            after = batch.getLast().id();
        }
    }

    private void followRequests(long from, long to, RuleTable table) {
        if (from == 0) {
            store.clear(Indicator.Subject.COMPRA_AGIL);
        }
        long after = 0;
        while (isRunning()) {
            var batch = compraAgil.changed(from, to, after, WINDOW);
            if (batch.isEmpty()) {
                return;
            }
            List<Judgement> out = new ArrayList<>();
            batch.forEach(r -> out.addAll(CompraAgilIndicators.judge(r, table)));
            if (from == 0) {
                store.insert(out);
            } else {
                store.replace(Indicator.Subject.COMPRA_AGIL,
                        batch.stream().map(CompraAgilFlagInputs.RequestCase::code).toList(), out);
            }
            after = batch.getLast().id();
        }
    }

    /**
     * The changed orders of the channels judged, grouped by buyer and supplier: each pair's orders are read from a
     * year before its first changed day to a year after its last, and every one of them whose judgement the changes
     * may move (within a year after, or the split window before) is judged again.
     */
    private void followOrders(long from, long to, RuleTable table) {
        Set<String> types = OrderIndicators.types(table);
        Set<String> direct = OrderIndicators.directTypes(table);
        if (from == 0) {
            judgeAllOrders(types, table);
            return;
        }
        int window = (int) table.value("param.split-window-days");
        int span = table.parameter("param.repeated-direct-awards").days();
        long after = 0;
        while (isRunning()) {
            List<OrderCase> batch = orders.changed(from, to, after, WINDOW);
            if (batch.isEmpty()) {
                return;
            }
            Map<List<String>, int[]> pairs = new HashMap<>();
            Set<String> judged = new LinkedHashSet<>();
            for (OrderCase o : batch) {
                judged.add(o.code()); // a changed order of another type loses any judgement it had
                if (OrderIndicators.judged(o, direct) && o.buyerCode() != null && o.supplierRut() != null) {
                    pairs.merge(List.of(o.buyerCode(), o.supplierRut()), new int[]{o.day(), o.day()},
                            (a, b) -> new int[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
            List<Judgement> out = new ArrayList<>();
            for (OrderCase o : batch) {
                if (OrderIndicators.judged(o, direct) && o.supplierRut() == null) {
                    out.addAll(OrderIndicators.judge(List.of(o), o.day(), o.day(), table));
                }
            }
            for (Map.Entry<List<String>, int[]> p : pairs.entrySet()) {
                int first = Days.number(Days.date(p.getValue()[0]).minusDays(window));
                int last = Days.number(Days.date(p.getValue()[1]).plusDays(span));
                int readFrom = Days.number(Days.date(first).minusDays(span));
                int readTo = Days.number(Days.date(last).plusDays(window));
                List<OrderCase> pair = orders.pair(p.getKey().get(0), p.getKey().get(1), readFrom, readTo, types,
                        MAX_PAIR);
                List<Judgement> js = OrderIndicators.judge(pair, first, last, table);
                js.forEach(j -> judged.add(j.recordCode()));
                out.addAll(js);
            }
            store.replace(Indicator.Subject.ORDER, judged, out);
            after = batch.getLast().id();
        }
    }

    /**
     * Judges every order of the channels judged, buyer by buyer (all of a buyer's pairs in one read, by supplier and
     * day): one query a buyer instead of one a pair, and no record's rows to replace.
     */
    private void judgeAllOrders(Set<String> types, RuleTable table) {
        store.clear(Indicator.Subject.ORDER);
        List<Judgement> out = new ArrayList<>();
        for (String buyer : orders.buyers(types)) {
            if (!isRunning()) {
                return;
            }
            List<OrderCase> all = orders.ofBuyer(buyer, types);
            int start = 0;
            for (int k = 1; k <= all.size(); k++) {
                if (k == all.size() || !java.util.Objects.equals(all.get(k).supplierRut(),
                        all.get(start).supplierRut())) {
                    out.addAll(OrderIndicators.judge(all.subList(start, k), 0, 99_991_231, table));
                    start = k;
                }
            }
            if (out.size() >= WINDOW * 4) {
                store.insert(out);
                out = new ArrayList<>();
            }
        }
        store.insert(out);
    }
}
