package cl.andesops.flags;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.orders.OrderPeerInputs;
import cl.andesops.orders.OrderPriceInputs;
import cl.andesops.parties.PeerGroups;
import cl.andesops.rules.RuleTable;
import cl.andesops.rules.Rules;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Follower;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.tenders.TenderFlagInputs;

/**
 * Judges every buyer and supplier over the last 12 months against its peers ({@link PartyIndicators}) after the data
 * changed, at most once every {@code andesops.flags.party-spacing} (a comparison reads the whole year again; one more
 * order does not move a party's place among hundreds). Each pass replaces its indicators' judgements in one short
 * transaction; the day of a judgement is the last day of its 12 months. A new day, or new rules, judges again.
 */
@Component
public class PartyFlagFollower extends Follower {

    static final String LOGIC = "parties-1";
    /** Orders whose unit-price judgements are written in one short transaction. */
    private static final int CHUNK = 500;
    private static final List<Integer> DECIDED = List.of(TenderIndicators.AWARDED, TenderIndicators.DESERTED);

    private final Rules rules;
    private final OrderPeerInputs orders;
    private final OrderPriceInputs prices;
    private final TenderFlagInputs tenders;
    private final PeerGroups peers;
    private final FlagStore store;
    private final Cluster cluster;
    private final Clock clock;
    private final Duration spacing;

    PartyFlagFollower(DataVersions versions, JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer,
            Rules rules, OrderPeerInputs orders, OrderPriceInputs prices, TenderFlagInputs tenders, PeerGroups peers, FlagStore store,
            Cluster cluster, Clock clock, @Value("${andesops.flags.party-spacing:PT10M}") Duration spacing) {
        super("flags-parties", Set.of(Dataset.ORDERS, Dataset.TENDERS), versions, read, writer);
        this.rules = rules;
        this.orders = orders;
        this.prices = prices;
        this.tenders = tenders;
        this.peers = peers;
        this.store = store;
        this.cluster = cluster;
        this.clock = clock;
        this.spacing = spacing;
        rules.onChange(t -> restart());
    }

    @Override
    protected boolean active() {
        return cluster.leads();
    }

    @Override
    protected Duration spacing() {
        return spacing;
    }

    /** The logic, the rules and the day: the 12 months judged end today, so a new day judges again. */
    @Override
    protected String basis() {
        return LOGIC + ";" + rules.table().fingerprint() + ";" + today();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.CHILE));
    }

    /** The 12 months a pass judges: the same as the screens' default period. */
    public Period period() {
        return Period.lastYear(today());
    }

    @Override
    protected void follow(Dataset dataset, long from, long to) {
        RuleTable table = rules.table();
        Period p = period();
        int day = Period.day(p.to());
        Map<String, String> sectors = peers.sectors();
        if (dataset == Dataset.TENDERS) {
            List<TenderFlagInputs.Rejections> all = new ArrayList<>();
            tenders.rejections(p.from().atStartOfDay(Formats.CHILE).toInstant(),
                    p.to().plusDays(1).atStartOfDay(Formats.CHILE).toInstant().minusMillis(1), DECIDED,
                    table.parameter("param.rejected-offer-states").types(), all::add);
            store.replaceAll(List.of(Indicator.BUYER_REJECTS_BIDS), PartyIndicators.rejections(all, sectors, day,
                    table));
            return;
        }
        int f = Period.day(p.from());
        Bunching bunching = new Bunching(table);
        long[] range = bunching.range(p.from(), p.to());
        orders.amounts(f, day, range[0], range[1], a -> {
            stopIfStopping();
            bunching.accept(a);
        });
        Concentration concentration = new Concentration(table);
        orders.shares(f, day, sh -> {
            stopIfStopping();
            concentration.accept(sh);
        });
        List<Judgement> buyers = new ArrayList<>(bunching.judge(sectors, day));
        buyers.addAll(concentration.judge(day));
        store.replaceAll(List.of(Indicator.BUNCHING, Indicator.SUPPLIER_CONCENTRATION), buyers);
        if (!isRunning()) {
            return;
        }
        // the line is over each supplier's widest pair, as each supplier is judged by its widest: a line over every
        // pair would be passed by a supplier with many buyers far more often than the quantile says
        SupplierIndicators.Widest widest = new SupplierIndicators.Widest(table);
        orders.pairs(f, day, pr -> {
            stopIfStopping();
            widest.accept(pr);
        });
        long[] histogram = widest.histogram();
        double[] line = SupplierIndicators.segmentsLine(histogram, table);
        List<Judgement> suppliers = new ArrayList<>();
        SupplierIndicators judge = new SupplierIndicators(table, day, line[0], (long) line[1],
                suppliers::add);
        orders.pairs(f, day, pr -> {
            stopIfStopping();
            judge.accept(pr);
        });
        judge.finish();
        store.replaceAll(List.of(Indicator.CAPTIVE_SUPPLIER, Indicator.MANY_CATEGORIES), suppliers);
        if (isRunning()) {
            unitPrices(table, f, day);
        }
    }

    /**
     * Every order of the 12 months judged on its lines' unit prices against the quartiles of the same product and
     * unit over those months: the quartiles from one read of the prices by product, then the orders' lines in order
     * of the order, their judgements written a chunk of orders at a time (each order's row replaced).
     */
    private void unitPrices(RuleTable table, int from, int to) {
        UnitPrices.Norms read = new UnitPrices.Norms();
        prices.prices(from, to, p -> {
            stopIfStopping();
            read.accept(p);
        });
        java.util.Map<String, UnitPrices.Norm> norms = read.finish();
        List<OrderPriceInputs.Line> order = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Judgement> out = new ArrayList<>();
        prices.lines(from, to, line -> {
            stopIfStopping();
            if (!order.isEmpty() && order.getFirst().orderId() != line.orderId()) {
                out.add(UnitPrices.judge(order, norms, table));
                codes.add(order.getFirst().code());
                order.clear();
                if (codes.size() >= CHUNK) {
                    store.replace(Indicator.UNIT_PRICE, codes, out);
                    codes.clear();
                    out.clear();
                }
            }
            order.add(line);
        });
        if (!order.isEmpty()) {
            out.add(UnitPrices.judge(order, norms, table));
            codes.add(order.getFirst().code());
        }
        store.replace(Indicator.UNIT_PRICE, codes, out);
    }
}
