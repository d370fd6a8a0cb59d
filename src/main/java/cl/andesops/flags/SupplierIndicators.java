package cl.andesops.flags;

import static cl.andesops.flags.PartyIndicators.NO_PEERS;
import static cl.andesops.flags.PartyIndicators.TOO_FEW;
import static cl.andesops.flags.PartyIndicators.quantile;
import static cl.andesops.flags.PartyIndicators.peersMin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import cl.andesops.orders.OrderPeerInputs.Pair;
import cl.andesops.rules.RuleTable;
import cl.andesops.shared.format.PartyKeys;

/**
 * The supplier indicators, read by supplier: a captive supplier ({@code captive-supplier.value} orders or more and
 * {@code .min} UTM or more, all from one buyer), and one that sells one buyer across more UNSPSC segments than
 * {@code many-categories.value} and than the {@code peer-outlier} quantile of the other suppliers' widest pair
 * (with {@code many-categories.min} orders or more). {@code segmentsLine} is that quantile (from a first read of
 * the pairs, {@link #segmentsLine}); {@code pairs} how many suppliers it was taken over.
 */
final class SupplierIndicators {
    private final RuleTable rules;
    private final int day;
    private final long captiveOrders;
    private final double captivePesos;
    private final long pairMin;
    private final double segmentsLine;
    private final long pairs;
    private final Consumer<Judgement> out;
    private final java.util.Set<String> done = new java.util.HashSet<>();
    private final List<Pair> open = new ArrayList<>();

    SupplierIndicators(RuleTable rules, int day, double segmentsLine, long pairs, Consumer<Judgement> out) {
        this.rules = rules;
        this.day = day;
        this.captiveOrders = (long) rules.value("param.captive-supplier");
        this.captivePesos = rules.parameter("param.captive-supplier").min().doubleValue()
                * rules.utm(Days.date(day)).pesos();
        this.pairMin = rules.parameter("param.many-categories").min().longValue();
        this.segmentsLine = segmentsLine;
        this.pairs = pairs;
        this.out = out;
    }

    /**
     * The {@code peer-outlier} quantile of the suppliers' widest pairs (with enough orders), and over how many
     * suppliers.
     */
    static double[] segmentsLine(long[] histogram, RuleTable rules) {
        long n = Arrays.stream(histogram).sum();
        if (n == 0) {
            return new double[]{Double.NaN, 0};
        }
        long rank = (long) Math.ceil(rules.value("param.peer-outlier") * n);
        long seen = 0;
        for (int s = 0; s < histogram.length; s++) {
            seen += histogram[s];
            if (seen >= rank) {
                return new double[]{s, n};
            }
        }
        return new double[]{histogram.length - 1, n};
    }

    /**
     * Counts each supplier's widest pair (segments, among its pairs with enough orders) from pairs read by
     * supplier: the distribution {@link #segmentsLine} takes its quantile of.
     */
    static final class Widest {
        private final long pairMin;
        private final long[] histogram = new long[100];
        private String current;
        private int widest = -1;

        Widest(RuleTable rules) {
            this.pairMin = rules.parameter("param.many-categories").min().longValue();
        }

        void accept(Pair p) {
            if (!p.supplierRut().equals(current)) {
                close();
                current = p.supplierRut();
            }
            if (p.orders() >= pairMin) {
                widest = Math.max(widest, p.segments());
            }
        }

        private void close() {
            if (widest >= 0) {
                histogram[Math.min(histogram.length - 1, widest)]++;
            }
            widest = -1;
        }

        long[] histogram() {
            close();
            return histogram;
        }
    }

    void accept(Pair p) {
        if (!open.isEmpty() && !open.getFirst().supplierRut().equals(p.supplierRut())) {
            close();
        }
        open.add(p);
    }

    void finish() {
        close();
    }

    private void close() {
        if (open.isEmpty()) {
            return;
        }
        List<Pair> pairsOf = List.copyOf(open);
        open.clear();
        String key = PartyKeys.supplier(pairsOf.getFirst().supplierRut()).orElse(null);
        if (key == null || !done.add(key)) {
            return; // no valid RUT, or another spelling of one already judged
        }
        long orders = pairsOf.stream().mapToLong(Pair::orders).sum();
        long pesos = pairsOf.stream().mapToLong(Pair::pesos).sum();
        Indicator captive = Indicator.CAPTIVE_SUPPLIER;
        if (orders < captiveOrders || pesos < captivePesos) {
            out.accept(Judgement.notJudged(captive, key, day, null, TOO_FEW));
        } else if (pairsOf.size() == 1) {
            Pair only = pairsOf.getFirst();
            out.accept(Judgement.fired(captive, key, day, only.buyerCode(), key, orders / (double) captiveOrders,
                    List.of(orders, pesos), List.of()));
        } else {
            out.accept(new Judgement(captive, key, day, Judgement.Outcome.CLEAR, null, null, key, 0, List.of(),
                    List.of()));
        }
        Indicator many = Indicator.MANY_CATEGORIES;
        Pair widest = pairsOf.stream().filter(p -> p.orders() >= pairMin)
                .max(java.util.Comparator.comparingInt(Pair::segments).thenComparing(Pair::orders)).orElse(null);
        if (widest == null) {
            out.accept(Judgement.notJudged(many, key, day, null, TOO_FEW));
        } else if (pairs - 1 < peersMin(rules)) {
            out.accept(Judgement.notJudged(many, key, day, widest.buyerCode(), NO_PEERS));
        } else if (widest.segments() >= rules.value("param.many-categories") && widest.segments() > segmentsLine) {
            out.accept(Judgement.fired(many, key, day, widest.buyerCode(), key, widest.segments(),
                    List.of(widest.segments(), widest.orders(), (long) segmentsLine, pairs), List.of()));
        } else {
            out.accept(new Judgement(many, key, day, Judgement.Outcome.CLEAR, null, widest.buyerCode(), key, 0,
                    List.of(), List.of()));
        }
    }
}
