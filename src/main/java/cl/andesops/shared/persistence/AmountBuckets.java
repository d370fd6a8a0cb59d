package cl.andesops.shared.persistence;

/**
 * Order amounts in logarithmic buckets 1 % wide, so a median over any period can be read from a small histogram
 * kept at write time ({@code order_rollup_amount}) instead of sorting a year of orders. The value a bucket stands
 * for is its geometric middle: within ±0.5 % of any amount in it.
 */
public final class AmountBuckets {

    private static final double LOG_STEP = Math.log(1.01);

    private AmountBuckets() {
    }

    /** -1 for zero or negative amounts. */
    public static int bucket(long amountClp) {
        return amountClp < 1 ? -1 : (int) Math.floor(Math.log(amountClp) / LOG_STEP);
    }

    public static long value(int bucket) {
        return bucket < 0 ? 0 : Math.round(Math.exp((bucket + 0.5) * LOG_STEP));
    }
}
