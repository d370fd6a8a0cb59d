package cl.andesops.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.orders.OrderPriceInputs.Line;
import cl.andesops.orders.OrderPriceInputs.Price;
import cl.andesops.rules.RuleTable;

/**
 * An order line's unit price against what the same product in the same unit cost over the last 12 months: the
 * order fires when a line is more than {@code price-outlier-factor} times the median, judged only where the product
 * and unit were bought {@code .min} times or more and are homogeneous enough that a median means something: their
 * prices' 75th percentile under {@code .max} times their 25th (one product code covers a box and a pallet, a basic
 * and a premium model; where the middle half of its prices spans more than that, a multiple of the median is noise).
 */
final class UnitPrices {

    static final String FEW = "few-purchases";
    static final String MIXED = "not-homogeneous";
    static final String NO_PRICE = "missing-price";

    /** A product and unit's prices: how many, and their quartiles. */
    record Norm(int n, double p25, double median, double p75) {

        double spread() {
            return p25 <= 0 ? Double.POSITIVE_INFINITY : p75 / p25;
        }
    }

    private UnitPrices() {
    }

    static String key(String product, String unit) {
        return product + '\u0000' + (unit == null ? "" : unit);
    }

    /** The quartiles of each product and unit, from its prices read in order, one product held at a time. */
    static final class Norms {
        private final Map<String, Norm> norms = new HashMap<>();
        private String key;
        private double[] prices = new double[1024];
        private int n;

        void accept(Price p) {
            String k = key(p.productCode(), p.unit());
            if (!k.equals(key)) {
                close();
                key = k;
            }
            if (n == prices.length) {
                prices = Arrays.copyOf(prices, n * 2);
            }
            prices[n++] = p.price();
        }

        private void close() {
            if (key != null && n > 0) {
                double[] sorted = Arrays.copyOf(prices, n);
                Arrays.sort(sorted); // read in order already; sorted again in case a database orders otherwise
                norms.put(key, new Norm(n, PartyIndicators.quantile(sorted, 0.25, Double.NaN),
                        PartyIndicators.quantile(sorted, 0.5, Double.NaN),
                        PartyIndicators.quantile(sorted, 0.75, Double.NaN)));
            }
            n = 0;
            if (prices.length > 1 << 16) {
                prices = new double[1024];
            }
        }

        Map<String, Norm> finish() {
            close();
            key = null;
            return norms;
        }
    }

    /** Judges one order from all its lines (of one order, in its period). */
    static Judgement judge(List<Line> lines, Map<String, Norm> norms, RuleTable rules) {
        Indicator i = Indicator.UNIT_PRICE;
        Line first = lines.getFirst();
        double factor = rules.value("param.price-outlier-factor");
        int least = rules.parameter("param.price-outlier-factor").min().intValue();
        double spread = rules.parameter("param.price-outlier-factor").max().doubleValue();
        boolean judged = false;
        boolean few = false;
        boolean mixed = false;
        Line worst = null;
        Norm worstNorm = null;
        double worstRatio = 0;
        for (Line l : lines) {
            if (l.price() == null || !l.pesos() || l.productCode() == null || l.price() <= 0) {
                continue;
            }
            Norm norm = norms.get(key(l.productCode(), l.unit()));
            if (norm == null || norm.n() < least) {
                few = true;
            } else if (norm.spread() >= spread || norm.median() <= 0) {
                mixed = true;
            } else {
                judged = true;
                double ratio = l.price() / norm.median();
                if (ratio > factor && ratio > worstRatio) {
                    worst = l;
                    worstNorm = norm;
                    worstRatio = ratio;
                }
            }
        }
        if (worst != null) {
            return Judgement.fired(i, first.code(), first.day(), first.buyerCode(), first.supplierRut(), worstRatio,
                    List.of(TenderIndicators.nz(worst.product()), whole(worst.price()), whole(worstNorm.median()),
                            BigDecimal.valueOf(worstRatio).setScale(1, RoundingMode.HALF_UP), worstNorm.n(),
                            BigDecimal.valueOf(worstNorm.spread()).setScale(2, RoundingMode.HALF_UP),
                            TenderIndicators.nz(worst.unit())), List.of());
        }
        if (judged) {
            return Judgement.clear(i, first.code(), first.day(), first.buyerCode(), first.supplierRut());
        }
        return Judgement.notJudged(i, first.code(), first.day(), first.buyerCode(), few ? FEW : mixed ? MIXED
                : NO_PRICE);
    }

    private static BigDecimal whole(double v) {
        return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP);
    }
}
