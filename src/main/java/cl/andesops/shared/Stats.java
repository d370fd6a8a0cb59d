package cl.andesops.shared;

import java.util.List;

/** Quantiles as the facts and the profiles compute them: interpolated between neighbours (of two, their mean). */
public final class Stats {

    private Stats() {
    }

    /** The q-quantile (0–1) of values sorted ascending; NaN when there are none. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = (int) Math.ceil(at);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    /** The median of values in any order; null when there are none. */
    public static Double median(List<Double> values) {
        return values.isEmpty() ? null
                : quantile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }
}
