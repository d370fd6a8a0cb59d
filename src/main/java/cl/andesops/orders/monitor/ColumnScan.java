package cl.andesops.orders.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinTask;

import cl.andesops.orders.OrderFilter;

/**
 * One pass over the columns for the orders of a filter's period and of the previous period of the same length:
 * totals, the series (by hour from {@code firstHour} when the period is one day, else by day), the ten largest
 * buyers and suppliers, the mixes, distinct counts and the exact median (quickselect; over a million amounts, a histogram
 * first and a second pass for the middle bucket). Over a million rows the pass runs in two halves on two cores.
 */
final class ColumnScan {

    private static final int BUCKETS = 1 << 16;
    /** Up to this many amounts are kept in the first pass (8 MB); beyond, the median takes a second pass. */
    static int keepAmounts = 1 << 20; // tests lower it (and splitRows) to take every path on little data
    /** Columns of at least this many rows are scanned in two halves in parallel. */
    static int splitRows = 1_000_000;
    private static final Comparator<MonitorSummary.Slice> LARGEST_FIRST =
            Comparator.comparingLong(MonitorSummary.Slice::amountClp).reversed();

    private final OrderColumns c;
    private final OrderFilter filter;
    private final int from;
    private final int to;
    private final int previousFrom;
    private final boolean hourly;
    private final long firstHour;
    private final boolean[] stateOk;
    private final boolean[] typeOk;
    private final int regionId;
    private final int buyerId;
    private final int supplierId;
    private final long min;
    private final long max;
    private final boolean amountFiltered;
    private final long[] seriesOrders;
    private final long[] seriesAmount;
    private final int[] buyerOrders;
    private final long[] buyerAmount;
    private final int[] supplierOrders;
    private final long[] supplierAmount;
    // the last slot of each mix holds the orders without a value
    private final long[] typeOrders;
    private final long[] typeAmount;
    private final long[] stateOrders;
    private final long[] stateAmount;
    private final long[] regionOrders;
    private final long[] regionAmount;
    /** Orders with an amount per {@link #bucket}: the first pass of the exact median. */
    private final int[] amountHistogram = new int[BUCKETS];
    /** The second pass: the bucket whose amounts are gathered, -1 in the first. */
    private int collectBucket = -1;
    private long[] amounts = new long[1 << 10];
    /** Orders with an amount (first pass), then amounts gathered (second). */
    private int amountCount;
    private long orders;
    private long total;
    private long previousOrders;
    private long previousTotal;

    private ColumnScan(OrderColumns c, OrderFilter f, int points, boolean hourly, long firstHour) {
        this.c = c;
        this.filter = f;
        this.from = (int) f.from().toEpochDay();
        this.to = (int) f.to().toEpochDay();
        this.previousFrom = from - (to - from + 1);
        this.hourly = hourly;
        this.firstHour = firstHour;
        stateOk = f.states().isEmpty() ? null : allowed(c.states, f.states().stream().map(String::valueOf).toList());
        typeOk = f.types().isEmpty() ? null : allowed(c.types, List.copyOf(f.types()));
        regionId = f.region() == null ? -1 : c.regions.find(f.region());
        buyerId = f.buyerCode() == null ? -1 : c.buyers.find(f.buyerCode());
        supplierId = f.supplierCode() == null ? -1 : c.suppliers.find(f.supplierCode());
        amountFiltered = f.minAmount() != null || f.maxAmount() != null;
        min = f.minAmount() == null ? Long.MIN_VALUE + 1 : f.minAmount();
        max = f.maxAmount() == null ? Long.MAX_VALUE : f.maxAmount();
        seriesOrders = new long[points];
        seriesAmount = new long[points];
        buyerOrders = new int[c.buyers.size()];
        buyerAmount = new long[c.buyers.size()];
        supplierOrders = new int[c.suppliers.size()];
        supplierAmount = new long[c.suppliers.size()];
        typeOrders = new long[c.types.size() + 1];
        typeAmount = new long[c.types.size() + 1];
        stateOrders = new long[c.states.size() + 1];
        stateAmount = new long[c.states.size() + 1];
        regionOrders = new long[c.regions.size() + 1];
        regionAmount = new long[c.regions.size() + 1];
    }

    /**
     * The aggregate of a filter with an explicit period; {@code textIds} restricts to those row ids (the search
     * index's matches) when not null. Takes the columns' read lock.
     */
    static Aggregate aggregate(OrderColumns c, OrderFilter f, long[] textIds, boolean hourly, long firstHour) {
        int points = hourly ? 26 : (int) (f.to().toEpochDay() - f.from().toEpochDay() + 1);
        c.lock.readLock().lock();
        try {
            ColumnScan s = new ColumnScan(c, f, points, hourly, firstHour);
            if (textIds != null) {
                for (long id : textIds) {
                    if (id > 0 && id < c.day.length) {
                        s.visit((int) id);
                    }
                }
            } else if (c.day.length < splitRows) {
                s.scan(1, c.day.length);
            } else {
                ColumnScan other = new ColumnScan(c, f, points, hourly, firstHour);
                s.scanInHalves(other);
                s.add(other);
            }
            return s.result(textIds);
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** Visits the rows of ids {@code [start, end)} in the periods. */
    private void scan(int start, int end) {
        int[] day = c.day;
        for (int id = start; id < end; id++) {
            int d = day[id];
            if (d >= previousFrom && d <= to) {
                visit(id);
            }
        }
    }

    /**
     * The first half of the rows here and the second in {@code other}, on two cores at once: five years of Chile is
     * a pass over some twelve million rows.
     */
    private void scanInHalves(ColumnScan other) {
        int mid = c.day.length / 2;
        ForkJoinTask<?> half = ForkJoinTask.adapt(() -> other.scan(mid, c.day.length)).fork();
        scan(1, mid);
        half.join();
    }

    /** Adds what another scan of the same filter counted over other rows. */
    private void add(ColumnScan o) {
        orders += o.orders;
        total += o.total;
        previousOrders += o.previousOrders;
        previousTotal += o.previousTotal;
        if (amountCount + o.amountCount <= keepAmounts) {
            if (amountCount + o.amountCount > amounts.length) {
                amounts = Arrays.copyOf(amounts, amountCount + o.amountCount);
            }
            System.arraycopy(o.amounts, 0, amounts, amountCount, o.amountCount);
        }
        amountCount += o.amountCount;
        add(amountHistogram, o.amountHistogram);
        add(seriesOrders, o.seriesOrders);
        add(seriesAmount, o.seriesAmount);
        add(buyerOrders, o.buyerOrders);
        add(buyerAmount, o.buyerAmount);
        add(supplierOrders, o.supplierOrders);
        add(supplierAmount, o.supplierAmount);
        add(typeOrders, o.typeOrders);
        add(typeAmount, o.typeAmount);
        add(stateOrders, o.stateOrders);
        add(stateAmount, o.stateAmount);
        add(regionOrders, o.regionOrders);
        add(regionAmount, o.regionAmount);
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    private static void add(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    private static boolean[] allowed(Dict dict, List<String> values) {
        boolean[] ok = new boolean[dict.size()];
        for (String v : values) {
            int id = dict.find(v);
            if (id >= 0) {
                ok[id] = true;
            }
        }
        return ok;
    }

    private void visit(int id) {
        int d = c.day[id];
        if (d < previousFrom || d > to || d == 0) {
            return;
        }
        if (stateOk != null && (c.state[id] < 0 || !stateOk[c.state[id]])) {
            return;
        }
        if (typeOk != null && (c.type[id] < 0 || !typeOk[c.type[id]])) {
            return;
        }
        if (regionId != -1 && c.region[id] != regionId) {
            return;
        }
        if (buyerId != -1 && c.buyer[id] != buyerId) {
            return;
        }
        if (supplierId != -1 && c.supplier[id] != supplierId) {
            return;
        }
        long a = c.amount[id];
        if (amountFiltered && (a == OrderColumns.NO_AMOUNT || a < min || a > max)) {
            return;
        }
        if (collectBucket >= 0) { // the second pass only gathers the amounts of the median's bucket
            if (d >= from && a != OrderColumns.NO_AMOUNT && bucket(a) == collectBucket) {
                if (amountCount == amounts.length) {
                    amounts = Arrays.copyOf(amounts, amountCount * 2);
                }
                amounts[amountCount++] = a;
            }
            return;
        }
        long value = a == OrderColumns.NO_AMOUNT ? 0 : a;
        if (d < from) {
            previousOrders++;
            previousTotal += value;
            return;
        }
        orders++;
        total += value;
        if (a != OrderColumns.NO_AMOUNT) {
            amountHistogram[bucket(a)]++;
            if (amountCount < keepAmounts) {
                if (amountCount == amounts.length) {
                    amounts = Arrays.copyOf(amounts, amountCount * 2);
                }
                amounts[amountCount] = a;
            }
            amountCount++;
        }
        int hour = c.hour[id];
        int point = hourly ? (hour == OrderColumns.NO_HOUR ? -1 : (int) (hour - firstHour)) : d - from;
        if (point >= 0 && point < seriesOrders.length) {
            seriesOrders[point]++;
            seriesAmount[point] += value;
        }
        int b = c.buyer[id];
        if (b >= 0) {
            buyerOrders[b]++;
            buyerAmount[b] += value;
        }
        int s = c.supplier[id];
        if (s >= 0) {
            supplierOrders[s]++;
            supplierAmount[s] += value;
        }
        int t = c.type[id] < 0 ? typeOrders.length - 1 : c.type[id];
        typeOrders[t]++;
        typeAmount[t] += value;
        int st = c.state[id] < 0 ? stateOrders.length - 1 : c.state[id];
        stateOrders[st]++;
        stateAmount[st] += value;
        int r = c.region[id] < 0 ? regionOrders.length - 1 : c.region[id];
        regionOrders[r]++;
        regionAmount[r] += value;
    }

    private Aggregate result(long[] textIds) {
        Long median = median(textIds);
        return new Aggregate(orders, total, median, distinct(buyerOrders), distinct(supplierOrders),
                previousOrders, previousTotal, seriesOrders, seriesAmount, top(c.buyers, buyerOrders, buyerAmount),
                top(c.suppliers, supplierOrders, supplierAmount), mix(c.types, typeOrders, typeAmount, true),
                mix(c.states, stateOrders, stateAmount, false), mix(c.regions, regionOrders, regionAmount, true));
    }

    /**
     * The exact median without holding every amount: the first pass counted amounts per bucket, so the bucket of
     * the middle one is known; a second pass over the same rows gathers that bucket's amounts (a small share) and
     * quickselect finds it among them.
     */
    private Long median(long[] textIds) {
        if (amountCount == 0) {
            return null;
        }
        int k = amountCount / 2;
        if (amountCount <= keepAmounts) {
            return select(amounts, amountCount, k);
        }
        int b = 0;
        long below = 0;
        while (below + amountHistogram[b] <= k) {
            below += amountHistogram[b++];
        }
        collectBucket = b;
        amountCount = 0;
        if (textIds != null) {
            for (long id : textIds) {
                if (id > 0 && id < c.day.length) {
                    visit((int) id);
                }
            }
        } else {
            ColumnScan other = new ColumnScan(c, filter, seriesOrders.length, hourly, firstHour);
            other.collectBucket = b;
            scanInHalves(other);
            if (amountCount + other.amountCount > amounts.length) {
                amounts = Arrays.copyOf(amounts, amountCount + other.amountCount);
            }
            System.arraycopy(other.amounts, 0, amounts, amountCount, other.amountCount);
            amountCount += other.amountCount;
        }
        return select(amounts, amountCount, (int) (k - below));
    }

    /**
     * A bucket that never decreases as the amount grows, 2^16 of them, each about 0.8 % wide (the top bits of the
     * amount as a float): amounts spread over orders of magnitude fill them evenly. Zero and below share bucket 0.
     */
    static int bucket(long amount) {
        return amount <= 0 ? 0 : Float.floatToRawIntBits((float) amount) >>> 15;
    }

    private static long distinct(int[] orders) {
        long n = 0;
        for (int o : orders) {
            if (o > 0) {
                n++;
            }
        }
        return n;
    }

    /** The ten parties with the largest amount. */
    private static List<MonitorSummary.Slice> top(Dict dict, int[] orders, long[] amounts) {
        PriorityQueue<Integer> best = new PriorityQueue<>(11, Comparator.comparingLong(i -> amounts[i]));
        for (int i = 0; i < orders.length; i++) {
            if (orders[i] > 0 && (best.size() < 10 || amounts[i] > amounts[best.peek()])) {
                best.add(i);
                if (best.size() > 10) {
                    best.poll();
                }
            }
        }
        List<MonitorSummary.Slice> slices = new ArrayList<>();
        for (int i : best) {
            slices.add(new MonitorSummary.Slice(dict.value(i), dict.value(i), orders[i], amounts[i]));
        }
        slices.sort(LARGEST_FIRST);
        return slices;
    }

    /** Every value with orders, largest amount first; the orders without a value under "" when asked. */
    private static List<MonitorSummary.Slice> mix(Dict dict, long[] orders, long[] amounts, boolean withMissing) {
        List<MonitorSummary.Slice> slices = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            boolean missing = i == orders.length - 1;
            if (orders[i] > 0 && (!missing || withMissing)) {
                String key = missing ? "" : dict.value(i);
                slices.add(new MonitorSummary.Slice(key, key, orders[i], amounts[i]));
            }
        }
        slices.sort(LARGEST_FIRST);
        return slices;
    }

    /** The k-th smallest of the first n values (reorders them): quickselect, expected linear. */
    static long select(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long pivot = median3(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static long median3(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
