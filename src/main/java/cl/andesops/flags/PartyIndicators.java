package cl.andesops.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.rules.RuleTable;
import cl.andesops.tenders.TenderFlagInputs.Rejections;

/**
 * The indicators that judge a party over the last 12 months against its peers: a buyer that rejects offers far more
 * often than the buyers of its sector, a buyer whose amounts pile up just below a cap, a buyer whose top supplier in a
 * category holds an unusual share of it, a supplier that sells to one buyer only, a supplier that sells one buyer
 * across unusually many unrelated categories. Pure functions of sums the database computed; a comparison needs at
 * least {@code param.peers-min} peers, or the party is not judged ({@link #NO_PEERS}).
 */
final class PartyIndicators {

    static final String TOO_FEW = "too-few-records";
    static final String NO_PEERS = "no-peers";

    private PartyIndicators() {
    }

    /** The value at quantile {@code q} of sorted values, leaving out one occurrence of {@code own} (NaN: none). */
    static double quantile(double[] sorted, double q, double own) {
        int skip = Double.isNaN(own) ? -1 : Arrays.binarySearch(sorted, own);
        int n = sorted.length - (skip >= 0 ? 1 : 0);
        if (n <= 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        double a = at(sorted, lo, skip);
        double b = at(sorted, hi, skip);
        return a + (b - a) * (pos - lo);
    }

    private static double at(double[] sorted, int i, int skip) {
        return sorted[skip >= 0 && i >= skip ? i + 1 : i];
    }

    /** P(X >= k) for X binomial(n, p), summed in logs (n up to the hundreds of thousands). */
    static double binomialTail(long k, long n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        // log C(n, k) by sums of logs, then each next term from the one before
        double logC = 0;
        for (long j = 1; j <= k; j++) {
            logC += Math.log(n - k + j) - Math.log(j);
        }
        double term = logC + k * logP + (n - k) * logQ;
        double sum = 0;
        for (long j = k; j <= n; j++) {
            sum += Math.exp(term);
            if (j < n) {
                term += Math.log(n - j) - Math.log(j + 1) + logP - logQ;
            }
            if (term < -745) {
                break; // the rest adds nothing a double can hold
            }
        }
        return Math.min(1, sum);
    }

    static BigDecimal percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal twoDecimals(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    static int peersMin(RuleTable rules) {
        return (int) rules.value("param.peers-min");
    }

    /** The rates of a sector's judged buyers, sorted, by sector. */
    static Map<String, double[]> bySector(Map<String, Double> rates, Map<String, String> sectors) {
        Map<String, List<Double>> lists = new HashMap<>();
        rates.forEach((b, r) -> lists.computeIfAbsent(sectors.getOrDefault(b, ""), k -> new ArrayList<>()).add(r));
        Map<String, double[]> out = new HashMap<>();
        lists.forEach((s, l) -> {
            double[] v = l.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            out.put(s, v);
        });
        return out;
    }

    /**
     * Buyers that reject offers far more often than the buyers of their sector: at least {@code party-min-records}
     * offers on awarded or deserted tenders, a share rejected above the peers' {@code peer-outlier} quantile and twice
     * their median, and five rejections or more.
     */
    static List<Judgement> rejections(List<Rejections> all, Map<String, String> sectors, int day, RuleTable rules) {
        Indicator i = Indicator.BUYER_REJECTS_BIDS;
        int least = (int) rules.value("param.party-min-records");
        double q = rules.value("param.peer-outlier");
        Map<String, Double> rates = new HashMap<>();
        for (Rejections r : all) {
            if (r.offers() >= least) {
                rates.put(r.buyerCode(), r.rejected() / (double) r.offers());
            }
        }
        Map<String, double[]> peers = bySector(rates, sectors);
        List<Judgement> out = new ArrayList<>();
        for (Rejections r : all) {
            String b = r.buyerCode();
            if (r.offers() < least) {
                out.add(Judgement.notJudged(i, b, day, b, TOO_FEW));
                continue;
            }
            double[] group = peers.get(sectors.getOrDefault(b, ""));
            double rate = rates.get(b);
            if (group.length - 1 < peersMin(rules)) {
                out.add(Judgement.notJudged(i, b, day, b, NO_PEERS));
                continue;
            }
            double line = quantile(group, q, rate);
            double median = quantile(group, 0.5, rate);
            out.add(rate > line && rate > 2 * median && r.rejected() >= 5
                    ? Judgement.fired(i, b, day, b, null, rate, List.of(r.rejected(), r.offers(), percent(rate),
                            percent(median), percent(line), group.length - 1, sectors.getOrDefault(b, "")), List.of())
                    : Judgement.clear(i, b, day, b, null));
        }
        return out;
    }

}
