package cl.andesops.flags;

import static cl.andesops.flags.PartyIndicators.NO_PEERS;
import static cl.andesops.flags.PartyIndicators.TOO_FEW;
import static cl.andesops.flags.PartyIndicators.percent;
import static cl.andesops.flags.PartyIndicators.quantile;
import static cl.andesops.flags.PartyIndicators.bySector;
import static cl.andesops.flags.PartyIndicators.peersMin;
import static cl.andesops.flags.PartyIndicators.binomialTail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.orders.OrderPeerInputs.Amount;
import cl.andesops.rules.RuleTable;

/**
 * Counts, per buyer, its orders just below a cap (within {@code bunching-band} of it) and in the two bands of that
 * width under them. The caps: the Compra Ágil ceiling in force for a Compra Ágil order, else 100 and 1,000 UTM
 * (the upper ends of L1 and LE), each in pesos of the order's month.
 */
final class Bunching {
    private final RuleTable rules;
    private final double band;
    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<Integer, double[]> capsByMonth = new HashMap<>();

    Bunching(RuleTable rules) {
        this.rules = rules;
        this.band = rules.value("param.bunching-band");
    }

    /** The lowest and highest pesos any cap of the days can reach, to read only the orders near one. */
    long[] range(LocalDate from, LocalDate to) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            for (double c : caps(m, true)) {
                low = Math.min(low, c);
                high = Math.max(high, c);
            }
            for (double c : caps(m, false)) {
                low = Math.min(low, c);
                high = Math.max(high, c);
            }
        }
        return new long[]{(long) Math.floor(low * (1 - 3 * band)), (long) Math.ceil(high)};
    }

    private double[] caps(LocalDate day, boolean compraAgil) {
        int key = (day.getYear() * 100 + day.getMonthValue()) * 2 + (compraAgil ? 1 : 0);
        return capsByMonth.computeIfAbsent(key, k -> {
            double utm = rules.utm(day).pesos();
            if (compraAgil) {
                return new double[]{rules.compraAgilCeiling(day).max().doubleValue() * utm};
            }
            return new double[]{rules.parameter("band.L1").max().doubleValue() * utm,
                    rules.parameter("band.LE").max().doubleValue() * utm};
        });
    }

    void accept(Amount a) {
        if (a.buyerCode() == null) {
            return;
        }
        LocalDate day = Days.date(a.day());
        for (double cap : caps(day, OrderIndicators.COMPRA_AGIL.equals(a.type()))) {
            double x = a.pesos() / cap;
            if (x >= 1 - band && x < 1) {
                counts.computeIfAbsent(a.buyerCode(), k -> new long[2])[0]++;
            } else if (x >= 1 - 3 * band && x < 1 - band) {
                counts.computeIfAbsent(a.buyerCode(), k -> new long[2])[1]++;
            }
        }
    }

    /**
     * A buyer is judged on at least {@code party-min-records} orders near a cap; it fires when more of them are
     * just below than in the two bands under (twice the density), above its sector's {@code peer-outlier}
     * quantile of that share, with five or more just below, and beyond chance ({@code bunching-alpha}).
     */
    List<Judgement> judge(Map<String, String> sectors, int day) {
        Indicator i = Indicator.BUNCHING;
        int least = (int) rules.value("param.party-min-records");
        double alpha = rules.value("param.bunching-alpha");
        double q = rules.value("param.peer-outlier");
        Map<String, Double> shares = new HashMap<>();
        counts.forEach((b, c) -> {
            if (c[0] + c[1] >= least) {
                shares.put(b, c[0] / (double) (c[0] + c[1]));
            }
        });
        Map<String, double[]> peers = bySector(shares, sectors);
        List<Judgement> out = new ArrayList<>();
        counts.forEach((b, c) -> {
            if (c[0] + c[1] < least) {
                out.add(Judgement.notJudged(i, b, day, b, TOO_FEW));
                return;
            }
            double share = shares.get(b);
            double[] group = peers.get(sectors.getOrDefault(b, ""));
            if (group.length - 1 < peersMin(rules)) {
                out.add(Judgement.notJudged(i, b, day, b, NO_PEERS));
                return;
            }
            double line = quantile(group, q, share);
            double median = quantile(group, 0.5, share);
            // more just below than a smooth spread gives (a third: one band against two) or than the sector's
            // median, beyond chance: a binomial tail under the larger of the two
            double p = binomialTail(c[0], c[0] + c[1], Math.max(1 / 3.0, median));
            out.add(share > 0.5 && share > line && c[0] >= 5 && p < alpha
                    ? Judgement.fired(i, b, day, b, null, share, List.of(c[0], c[1], percent(share),
                            percent(median), percent(line), group.length - 1,
                            sectors.getOrDefault(b, ""), percent(band)), List.of())
                    : Judgement.clear(i, b, day, b, null));
        });
        return out;
    }
}
