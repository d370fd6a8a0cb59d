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
 * first and a second pass for the middle bucket). The rows are read a block at a time ({@link OrderColumns#BLOCK}):
 * a block whose days all miss the periods is skipped, one whose days all fall in them is counted whole, and in the
 * others the rows that pass are selected first, a column at a time and without a branch per row. Over a million rows
 * of blocks to read, the pass runs in two halves on two cores.
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
    private final boolean[] regionOk;
    private final int buyerId;
    private final int supplierId;
    private final long min;
    private final long max;
    private final boolean amountFiltered;
    private final long[] seriesOrders;
    private final long[] seriesAmount;
    /** Per buyer its orders then its amount, side by side: one cache line to update, not two. */
    private final long[] buyerStats;
    private final long[] supplierStats;
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
    /** Whether the filter names anything besides the period. */
    private final boolean byFields;
    /**
     * How many amounts the first pass keeps for the median: {@link #keepAmounts}, or none when the period alone
     * selects rows and its blocks hold more than twice as many (the median will take its second pass anyway).
     */
    private int keep = keepAmounts;
    /** The rows of the block at work that pass the filter. */
    private final int[] selected = new int[OrderColumns.BLOCK];
    /** The blocks of rows to visit ({@link OrderColumns#BLOCK}), null when the rows are given by id. */
    private int[] blocks;
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
        regionOk = f.region() == null ? null : allowed(c.regions, List.of(f.region()));
        buyerId = f.buyerCode() == null ? -1 : c.buyers.find(f.buyerCode());
        supplierId = f.supplierCode() == null ? -1 : c.suppliers.find(f.supplierCode());
        amountFiltered = f.minAmount() != null || f.maxAmount() != null;
        byFields = stateOk != null || typeOk != null || regionOk != null || buyerId != -1 || supplierId != -1
                || amountFiltered;
        min = f.minAmount() == null ? Long.MIN_VALUE + 1 : f.minAmount();
        max = f.maxAmount() == null ? Long.MAX_VALUE : f.maxAmount();
        seriesOrders = new long[points];
        seriesAmount = new long[points];
        buyerStats = new long[2 * c.buyers.size()];
        supplierStats = new long[2 * c.suppliers.size()];
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
                s.pass(textIds, 0, textIds.length);
            } else {
                s.blocks = s.blocksInPeriods();
                if (!s.byFields && (long) s.blocks.length * OrderColumns.BLOCK > 2L * keepAmounts) {
                    s.keep = 0;
                }
                ColumnScan other = s.scanBlocks();
                if (other != null) {
                    s.add(other);
                }
            }
            return s.result(textIds);
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** The blocks of rows whose days meet the periods, in id order. */
    private int[] blocksInPeriods() {
        int[] out = new int[c.blockMin.length];
        int n = 0;
        for (int b = 0; b < c.blockMin.length; b++) {
            if (c.blockMax[b] >= previousFrom && c.blockMin[b] <= to) {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Visits the rows of {@link #blocks}: above {@link #splitRows} rows the first half of the blocks here and the
     * second in another scan on a second core (five years of Chile is a pass over some twelve million rows), which is
     * returned for the caller to add; else all here and null.
     */
    private ColumnScan scanBlocks() {
        if ((long) blocks.length * OrderColumns.BLOCK < splitRows) {
            scan(0, blocks.length);
            return null;
        }
        ColumnScan other = new ColumnScan(c, filter, seriesOrders.length, hourly, firstHour);
        other.blocks = blocks;
        other.collectBucket = collectBucket;
        other.keep = keep;
        int mid = blocks.length / 2;
        ForkJoinTask<?> half = ForkJoinTask.adapt(() -> other.scan(mid, blocks.length)).fork();
        scan(0, mid);
        half.join();
        return other;
    }

    /** Visits the rows of the blocks at positions {@code [from, to)} of {@link #blocks}. */
    private void scan(int fromBlock, int toBlock) {
        int length = c.day.length;
        for (int i = fromBlock; i < toBlock; i++) {
            int start = blocks[i] * OrderColumns.BLOCK;
            pass(null, Math.max(start, 1), Math.min(start + OrderColumns.BLOCK, length));
        }
    }

    /** Adds what another scan of the same filter counted over other rows. */
    private void add(ColumnScan o) {
        orders += o.orders;
        total += o.total;
        previousOrders += o.previousOrders;
        previousTotal += o.previousTotal;
        if (amountCount + o.amountCount <= keep) {
            if (amountCount + o.amountCount > amounts.length) {
                amounts = Arrays.copyOf(amounts, amountCount + o.amountCount);
            }
            System.arraycopy(o.amounts, 0, amounts, amountCount, o.amountCount);
        }
        amountCount += o.amountCount;
        add(amountHistogram, o.amountHistogram);
        add(seriesOrders, o.seriesOrders);
        add(seriesAmount, o.seriesAmount);
        add(buyerStats, o.buyerStats);
        add(supplierStats, o.supplierStats);
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

    /** Whether each value may pass, indexed by the value's id + 1 (0: no value, never). */
    private static boolean[] allowed(Dict dict, List<String> values) {
        boolean[] ok = new boolean[dict.size() + 1];
        for (String v : values) {
            int id = dict.find(v);
            if (id >= 0) {
                ok[id + 1] = true;
            }
        }
        return ok;
    }

    /**
     * Visits rows: ids {@code [start, end)}, or the ids at those positions of {@code ids} when not null, a block at a
     * time: first the block's rows that pass the filter are selected without a branch per row (whether a row passes
     * is as good as random to the processor, and a wrong guess costs more than the test), then only those are
     * counted. Every column and counter is held in a local.
     */
    private void pass(long[] ids, int start, int end) {
        for (int at = start; at < end; at += OrderColumns.BLOCK) {
            int stop = Math.min(at + OrderColumns.BLOCK, end);
            if (ids == null && !byFields && whole(at)) { // every row of the block is in the periods: no selection
                count(null, at, stop - at);
                continue;
            }
            int n = select(ids, at, stop, selected);
            if (n > 0) {
                count(selected, 0, n);
            }
        }
    }

    /** Whether every detailed order of the block that starts at this id is in the periods. */
    private boolean whole(int start) {
        int b = start / OrderColumns.BLOCK;
        return c.blockMin[b] >= previousFrom && c.blockMax[b] <= to;
    }

    /** Puts into {@code out} the ids among {@code [start, end)} (or {@code ids} at those positions) that pass. */
    private int select(long[] ids, int start, int end, int[] out) {
        final int[] day = c.day;
        final long[] amount = c.amount;
        final short[] state = c.state;
        final short[] type = c.type;
        final short[] region = c.region;
        final int[] buyer = c.buyer;
        final int[] supplier = c.supplier;
        final int lo = previousFrom;
        final int hi = to;
        final int length = day.length;
        int n = 0;
        if (ids != null) { // ids from the search index: few, and possibly beyond the columns
            for (int k = start; k < end; k++) {
                long id = ids[k];
                if (id > 0 && id < length) {
                    out[n++] = (int) id;
                }
            }
        } else {
            for (int id = start; id < end; id++) {
                out[n] = id;
                int d = day[id];
                n += (d >= lo & d <= hi & d != 0) ? 1 : 0;
            }
        }
        if (ids != null) { // the period, for rows not already selected by it
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int id = out[k];
                out[kept] = id;
                int d = day[id];
                kept += (d >= lo & d <= hi & d != 0) ? 1 : 0;
            }
            n = kept;
        }
        // each filter narrows the selection in a pass of its own, over one column
        if (stateOk != null) {
            n = narrow(out, n, state, stateOk);
        }
        if (typeOk != null) {
            n = narrow(out, n, type, typeOk);
        }
        if (regionOk != null) {
            n = narrow(out, n, region, regionOk);
        }
        if (buyerId != -1) {
            n = narrow(out, n, buyer, buyerId);
        }
        if (supplierId != -1) {
            n = narrow(out, n, supplier, supplierId);
        }
        if (amountFiltered) {
            long least = min;
            long most = max;
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int id = out[k];
                out[kept] = id;
                long a = amount[id];
                kept += (a != OrderColumns.NO_AMOUNT & a >= least & a <= most) ? 1 : 0;
            }
            n = kept;
        }
        return n;
    }

    /** Keeps the selected rows whose value is allowed ({@code ok} is indexed by value + 1: 0 is "no value"). */
    private static int narrow(int[] out, int n, short[] column, boolean[] ok) {
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int id = out[k];
            out[kept] = id;
            kept += ok[column[id] + 1] ? 1 : 0;
        }
        return kept;
    }

    private static int narrow(int[] out, int n, int[] column, int value) {
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int id = out[k];
            out[kept] = id;
            kept += column[id] == value ? 1 : 0;
        }
        return kept;
    }

    /**
     * Counts the selected rows (or, when {@code selected} is null, the {@code n} rows from id {@code base} that are
     * detailed orders): totals, series, parties, mixes and the median's histogram (or its second pass).
     */
    private void count(int[] selected, int base, int n) {
        final int[] day = c.day;
        final int[] hours = c.hour;
        final long[] amount = c.amount;
        final short[] state = c.state;
        final short[] type = c.type;
        final short[] region = c.region;
        final int[] buyer = c.buyer;
        final int[] supplier = c.supplier;
        final int first = from;
        final int points = seriesOrders.length;
        final int noType = typeOrders.length - 1;
        final int noState = stateOrders.length - 1;
        final int noRegion = regionOrders.length - 1;
        final int[] histogram = amountHistogram;
        if (collectBucket >= 0) { // the second pass only gathers the amounts of the median's bucket
            for (int k = 0; k < n; k++) {
                int id = selected == null ? base + k : selected[k];
                long a = amount[id];
                if (day[id] >= first && a != OrderColumns.NO_AMOUNT && bucket(a) == collectBucket) {
                    if (amountCount == amounts.length) {
                        amounts = Arrays.copyOf(amounts, amountCount * 2);
                    }
                    amounts[amountCount++] = a;
                }
            }
            return;
        }
        long orderCount = orders;
        long sum = total;
        long before = previousOrders;
        long beforeSum = previousTotal;
        int counted = amountCount;
        for (int k = 0; k < n; k++) {
            int id = selected == null ? base + k : selected[k];
            int d = day[id];
            if (d == 0) {
                continue;
            }
            long a = amount[id];
            long value = a == OrderColumns.NO_AMOUNT ? 0 : a;
            if (d < first) {
                before++;
                beforeSum += value;
                continue;
            }
            orderCount++;
            sum += value;
            if (a != OrderColumns.NO_AMOUNT) {
                histogram[bucket(a)]++;
                if (counted < keep) {
                    if (counted == amounts.length) {
                        amounts = Arrays.copyOf(amounts, counted * 2);
                    }
                    amounts[counted] = a;
                }
                counted++;
            }
            int point;
            if (hourly) {
                int hour = hours[id];
                point = hour == OrderColumns.NO_HOUR ? -1 : (int) (hour - firstHour);
            } else {
                point = d - first;
            }
            if (point >= 0 && point < points) {
                seriesOrders[point]++;
                seriesAmount[point] += value;
            }
            int b = buyer[id];
            if (b >= 0) {
                buyerStats[2 * b]++;
                buyerStats[2 * b + 1] += value;
            }
            int s = supplier[id];
            if (s >= 0) {
                supplierStats[2 * s]++;
                supplierStats[2 * s + 1] += value;
            }
            int t = type[id] < 0 ? noType : type[id];
            typeOrders[t]++;
            typeAmount[t] += value;
            int st = state[id] < 0 ? noState : state[id];
            stateOrders[st]++;
            stateAmount[st] += value;
            int r = region[id] < 0 ? noRegion : region[id];
            regionOrders[r]++;
            regionAmount[r] += value;
        }
        orders = orderCount;
        total = sum;
        previousOrders = before;
        previousTotal = beforeSum;
        amountCount = counted;
    }

    private Aggregate result(long[] textIds) {
        Long median = median(textIds);
        return new Aggregate(orders, total, median, distinct(buyerStats), distinct(supplierStats),
                previousOrders, previousTotal, seriesOrders, seriesAmount, top(c.buyers, buyerStats),
                top(c.suppliers, supplierStats), mix(c.types, typeOrders, typeAmount, true),
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
        if (amountCount <= keep) {
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
            pass(textIds, 0, textIds.length);
        } else {
            ColumnScan other = scanBlocks();
            if (other != null) {
                if (amountCount + other.amountCount > amounts.length) {
                    amounts = Arrays.copyOf(amounts, amountCount + other.amountCount);
                }
                System.arraycopy(other.amounts, 0, amounts, amountCount, other.amountCount);
                amountCount += other.amountCount;
            }
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

    /** Parties with orders, of orders-and-amount pairs. */
    private static long distinct(long[] stats) {
        long n = 0;
        for (int i = 0; i < stats.length; i += 2) {
            if (stats[i] > 0) {
                n++;
            }
        }
        return n;
    }

    /** The ten parties with the largest amount. */
    private static List<MonitorSummary.Slice> top(Dict dict, long[] stats) {
        PriorityQueue<Integer> best = new PriorityQueue<>(11, Comparator.comparingLong(i -> stats[2 * i + 1]));
        for (int i = 0; i < stats.length / 2; i++) {
            if (stats[2 * i] > 0 && (best.size() < 10 || stats[2 * i + 1] > stats[2 * best.peek() + 1])) {
                best.add(i);
                if (best.size() > 10) {
                    best.poll();
                }
            }
        }
        List<MonitorSummary.Slice> slices = new ArrayList<>();
        for (int i : best) {
            slices.add(new MonitorSummary.Slice(dict.value(i), dict.value(i), stats[2 * i], stats[2 * i + 1]));
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
