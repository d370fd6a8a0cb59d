package cl.andesops.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few columns of every detailed order that the Monitor aggregates (day, hour, amount, state, type, region, buyer,
 * supplier), held in memory as arrays indexed by row id, so that its KPIs and charts for any filter are one pass
 * over primitive arrays instead of seven SQL passes over the rows: a year of two million orders is about 60 MB and
 * a pass over it tens of milliseconds. A copy derived from the database: loaded in the background once the app is
 * ready, from a snapshot file plus the rows written since, or from the database when there is no usable snapshot
 * (the Monitor reads SQL until then), and updated from each commit's codes before the screens hear of it.
 */
@Component
class OrderColumns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderColumns.class);
    private static final long NO_AMOUNT = Long.MIN_VALUE;
    private static final int NO_HOUR = Integer.MIN_VALUE;
    private static final String COLUMNS = "id, day, created_at, amount_clp, state_code, type, region, buyer_code, "
            + "supplier_code, has_detail";

    private final JdbcClient jdbc;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean ready;
    private volatile boolean running;
    /** Codes committed while the initial load was reading its snapshot: re-read once it is done. */
    private final List<String> pending = new ArrayList<>();

    /** Chile epoch day of the order, 0 when the row is not a detailed order (listed only, or no row). */
    private int[] day = new int[0];
    /** {@code created_at / 3_600_000}: the hour the Monitor's one-day chart groups by. */
    private int[] hour = new int[0];
    private long[] amount = new long[0];
    private short[] state = new short[0];
    private short[] type = new short[0];
    private short[] region = new short[0];
    private int[] buyer = new int[0];
    private int[] supplier = new int[0];
    private final Dict states = new Dict();
    private final Dict types = new Dict();
    private final Dict regions = new Dict();
    private final Dict buyers = new Dict();
    private final Dict suppliers = new Dict();
    private int rows;
    /** The highest row id read so far. */
    private long maxSeen;

    private final java.time.Clock clock;
    private final java.nio.file.Path snapshot;
    /** Changes applied since the snapshot was last written. */
    private volatile boolean dirty;

    OrderColumns(JdbcClient jdbc, java.time.Clock clock, cl.andesops.shared.config.StorageProperties storage) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = storage.dataDir().resolve("index").resolve("order-columns.bin");
    }

    // ---- loading and following the database ---------------------------------------------------------------

    /** Loads once the application is ready, so the load does not compete with starting up. */
    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        Thread.ofPlatform().name("order-columns").daemon(true).start(this::load);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (ready && dirty) {
            save();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Reads the last snapshot and the orders written since it was taken, or, without a usable snapshot, every order,
     * straight into the arrays. Nothing else touches the arrays until {@code ready} is set (commits meanwhile are
     * queued), so this needs no lock; the volatile write of {@code ready} publishes them. Then saves a snapshot
     * every ten minutes while orders change, so the next start reads a file instead of two million rows.
     */
    private void load() {
        long t0 = System.nanoTime();
        try {
            Long since = restore();
            String how;
            if (since != null) {
                // rows written since (a margin covers commits whose event had not been applied when it was taken)
                jdbc.sql("SELECT " + COLUMNS + " FROM purchase_order WHERE fetched_at >= :since")
                        .param("since", since - 300_000).query(rs -> {
                            set(rs);
                        });
                how = "from the snapshot and the orders written since";
            } else {
                long maxId = jdbc.sql("SELECT coalesce(max(id), 0) FROM purchase_order").query(Long.class).single();
                grow((int) maxId + 1);
                for (long from = 0; from <= maxId && running; from += 100_000) {
                    jdbc.sql("SELECT " + COLUMNS + " FROM purchase_order WHERE id >= :a AND id < :b")
                            .param("a", from).param("b", from + 100_000).query(rs -> {
                                set(rs);
                            });
                }
                how = "from the database";
                dirty = true;
            }
            boolean full = since == null;
            List<String> again;
            synchronized (pending) {
                ready = true;
                again = List.copyOf(pending);
                pending.clear();
            }
            update(again);
            log.info("Order columns loaded {}: {} detailed orders, {} MB, in {} ms", how, count(),
                    bytes() / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
            if (full && running) {
                save();
            }
        } catch (RuntimeException e) {
            log.error("Loading the order columns failed: the Monitor keeps reading SQL", e);
        } finally {
            loaded.countDown();
        }
        while (running && ready) {
            try {
                Thread.sleep(SAVE_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            if (running && dirty) {
                save();
            }
        }
    }

    private static final long SAVE_EVERY = 600_000;
    private static final long MAGIC = 0x414e4445_53434f4cL; // "ANDESCOL"
    private static final int FORMAT = 2;

    /** The schema's migration: a snapshot from another schema is not read. */
    private int schema() {
        return jdbc.sql("SELECT coalesce(max(installed_rank), 0) FROM flyway_schema_history WHERE success = 1")
                .query(Integer.class).single();
    }

    /**
     * Writes the columns to a file (atomically replaced), under the read lock: a few hundred milliseconds.
     * Synchronized: the periodic save and the one at stop must not write the same temporary file together.
     */
    synchronized void save() {
        long t0 = System.nanoTime();
        java.nio.file.Path tmp = snapshot.resolveSibling(snapshot.getFileName() + ".tmp");
        lock.readLock().lock();
        try {
            dirty = false;
            long takenAt = clock.millis();
            int n = day.length;
            int maxId = n - 1;
            while (maxId > 0 && day[maxId] == 0) {
                maxId--;
            }
            String maxCode = maxId == 0 ? "" : jdbc.sql("SELECT code FROM purchase_order WHERE id = :id")
                    .param("id", maxId).query(String.class).optional().orElse("");
            java.nio.file.Files.createDirectories(snapshot.getParent());
            try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                    java.nio.file.Files.newOutputStream(tmp), 1 << 20))) {
                out.writeLong(MAGIC);
                out.writeInt(FORMAT);
                out.writeInt(schema());
                out.writeLong(takenAt);
                out.writeInt(maxId);
                out.writeUTF(maxCode);
                out.writeInt(rows);
                out.writeLong(maxSeen);
                out.writeInt(n);
                for (Dict d : List.of(states, types, regions, buyers, suppliers)) {
                    out.writeInt(d.size());
                    for (int i = 0; i < d.size(); i++) {
                        out.writeUTF(d.value(i));
                    }
                }
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(n * 8);
                buffer.asIntBuffer().put(day);
                out.write(buffer.array(), 0, n * 4);
                buffer.clear().asIntBuffer().put(hour);
                out.write(buffer.array(), 0, n * 4);
                buffer.clear().asLongBuffer().put(amount);
                out.write(buffer.array(), 0, n * 8);
                for (short[] column : List.of(state, type, region)) {
                    buffer.clear().asShortBuffer().put(column);
                    out.write(buffer.array(), 0, n * 2);
                }
                buffer.clear().asIntBuffer().put(buyer);
                out.write(buffer.array(), 0, n * 4);
                buffer.clear().asIntBuffer().put(supplier);
                out.write(buffer.array(), 0, n * 4);
            }
            java.nio.file.Files.move(tmp, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.debug("Order columns saved: {} orders in {} ms", rows, (System.nanoTime() - t0) / 1_000_000);
        } catch (java.io.IOException | RuntimeException e) {
            dirty = true;
            log.warn("Saving the order columns failed ({}): the next start reads the database", e.toString());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads the snapshot into the arrays when it belongs to this database and schema; returns when it was taken,
     * or null (and nothing read) when there is none or it does not fit.
     */
    private Long restore() {
        if (!java.nio.file.Files.isRegularFile(snapshot)) {
            return null;
        }
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(snapshot), 1 << 20))) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT || in.readInt() != schema()) {
                return null;
            }
            long takenAt = in.readLong();
            int maxId = in.readInt();
            String maxCode = in.readUTF();
            // an empty snapshot says nothing about which database it belongs to
            if (maxId <= 0 || !maxCode.equals(jdbc.sql("SELECT code FROM purchase_order WHERE id = :id")
                    .param("id", maxId).query(String.class).optional().orElse(null))) {
                log.info("The order columns snapshot is empty or belongs to another database: reading the database");
                return null;
            }
            int count = in.readInt();
            long seen = in.readLong();
            int n = in.readInt();
            long stored = jdbc.sql("SELECT coalesce(max(id), 0) FROM purchase_order").query(Long.class).single();
            if (n <= maxId || n > 2 * stored + 2_048 || count < 0 || count > n) {
                log.warn("The order columns snapshot is damaged: reading the database");
                return null;
            }
            List<Dict> dicts = List.of(new Dict(), new Dict(), new Dict(), new Dict(), new Dict());
            for (Dict d : dicts) {
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    d.id(in.readUTF());
                }
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(n * 8);
            int[] days = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(days);
            int[] hours = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(hours);
            long[] amounts = new long[n];
            read(in, buffer, n * 8).asLongBuffer().get(amounts);
            short[][] small = new short[3][n];
            for (short[] column : small) {
                read(in, buffer, n * 2).asShortBuffer().get(column);
            }
            int[] buyerIds = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(buyerIds);
            int[] supplierIds = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(supplierIds);
            day = days;
            hour = hours;
            amount = amounts;
            state = small[0];
            type = small[1];
            region = small[2];
            buyer = buyerIds;
            supplier = supplierIds;
            states.copy(dicts.get(0));
            types.copy(dicts.get(1));
            regions.copy(dicts.get(2));
            buyers.copy(dicts.get(3));
            suppliers.copy(dicts.get(4));
            rows = count;
            maxSeen = seen;
            return takenAt;
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("The order columns snapshot could not be read ({}): reading the database", e.toString());
            return null;
        }
    }

    /** Reads the next {@code length} bytes of the file into the buffer, ready to be viewed from its start. */
    private static java.nio.ByteBuffer read(java.io.DataInputStream in, java.nio.ByteBuffer buffer, int length)
            throws java.io.IOException {
        in.readFully(buffer.array(), 0, length);
        return buffer.clear();
    }

    /** Re-reads these orders after a commit; before the initial load is done they are queued for it. */
    void update(List<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        synchronized (pending) {
            if (!ready) {
                if (loaded.getCount() > 0) {
                    pending.addAll(codes); // read once the load is done
                }
                return; // the load failed: the Monitor reads SQL, nothing to keep
            }
        }
        dirty = true;
        java.util.Set<String> left = new java.util.HashSet<>(codes);
        lock.writeLock().lock();
        try {
            // rows inserted since the last read have higher ids (rows are never deleted): one range read, which is
            // all a batch of new orders needs; then what is left by code
            jdbc.sql("SELECT " + COLUMNS + ", code FROM purchase_order WHERE id > :seen").param("seen", maxSeen)
                    .query(rs -> {
                        set(rs);
                        left.remove(rs.getString(11));
                    });
        } finally {
            lock.writeLock().unlock();
        }
        List<String> rest = List.copyOf(left);
        for (int from = 0; from < rest.size(); from += 1_000) {
            List<String> part = rest.subList(from, Math.min(rest.size(), from + 1_000));
            lock.writeLock().lock();
            try {
                jdbc.sql("SELECT " + COLUMNS + " FROM purchase_order WHERE code IN (:codes)").param("codes", part)
                        .query(rs -> {
                            set(rs);
                        });
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Copies the current row of {@code COLUMNS} into the arrays. */
    private void set(java.sql.ResultSet rs) throws java.sql.SQLException {
        int id = Math.toIntExact(rs.getLong(1));
        maxSeen = Math.max(maxSeen, id);
        if (id >= day.length) {
            grow(Math.max(id + 1, day.length + day.length / 4 + 1_024));
        }
        int yyyymmdd = rs.getInt(2);
        long created = rs.getLong(3);
        boolean noCreated = rs.wasNull();
        long amountClp = rs.getLong(4);
        boolean noAmount = rs.wasNull();
        boolean detailed = rs.getInt(10) == 1 && yyyymmdd > 0;
        if (day[id] == 0 && detailed) {
            rows++;
        } else if (day[id] != 0 && !detailed) {
            rows--;
        }
        day[id] = detailed ? epochDay(yyyymmdd) : 0;
        hour[id] = noCreated ? NO_HOUR : (int) (created / 3_600_000L);
        amount[id] = noAmount ? NO_AMOUNT : amountClp;
        state[id] = (short) states.id(rs.getString(5));
        type[id] = (short) types.id(rs.getString(6));
        region[id] = (short) regions.id(rs.getString(7));
        buyer[id] = buyers.id(rs.getString(8));
        supplier[id] = suppliers.id(rs.getString(9));
    }

    private void grow(int capacity) {
        if (capacity <= day.length) {
            return;
        }
        day = Arrays.copyOf(day, capacity);
        hour = Arrays.copyOf(hour, capacity);
        amount = Arrays.copyOf(amount, capacity);
        state = Arrays.copyOf(state, capacity);
        type = Arrays.copyOf(type, capacity);
        region = Arrays.copyOf(region, capacity);
        buyer = Arrays.copyOf(buyer, capacity);
        supplier = Arrays.copyOf(supplier, capacity);
    }

    private int lastYyyymmdd;
    private int lastEpochDay;

    /** Rows come in id order, mostly day after day: the last conversion is usually the one needed. */
    private int epochDay(int yyyymmdd) {
        if (yyyymmdd != lastYyyymmdd) {
            lastEpochDay = (int) LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100).toEpochDay();
            lastYyyymmdd = yyyymmdd;
        }
        return lastEpochDay;
    }

    /** Whether the initial load is done: before that callers read SQL. */
    boolean ready() {
        return ready;
    }

    /** Waits for the initial load: for tests and benchmarks. */
    boolean awaitLoaded(long timeout, TimeUnit unit) throws InterruptedException {
        return loaded.await(timeout, unit) && ready;
    }

    /** Bytes the columns take (their capacity; the dictionaries aside). */
    long bytes() {
        lock.readLock().lock();
        try {
            return (long) day.length * (4 + 4 + 8 + 2 + 2 + 2 + 4 + 4);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Detailed orders held. */
    int count() {
        lock.readLock().lock();
        try {
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- aggregation -----------------------------------------------------------------------------------------

    /** What the Monitor shows for a filter, before labels: raw keys (codes), amounts in pesos. */
    record Aggregate(long orders, long amountClp, Long medianClp, long buyers, long suppliers, long previousOrders,
                     long previousAmountClp, long[] seriesOrders, long[] seriesAmount,
                     List<MonitorSummary.Slice> topBuyers, List<MonitorSummary.Slice> topSuppliers,
                     List<MonitorSummary.Slice> byType, List<MonitorSummary.Slice> byState,
                     List<MonitorSummary.Slice> byRegion) {
    }

    /**
     * One pass over the orders of the filter's period and the previous period of the same length: totals, the
     * series (by hour from {@code firstHour} when the period is one day, else by day), the ten largest buyers and
     * suppliers, the mixes, distinct counts and the exact median. {@code textIds} restricts to those row ids (the
     * search index's matches) when not null. Empty before the initial load.
     */
    Optional<Aggregate> aggregate(OrderFilter f, long[] textIds, boolean hourly, long firstHour) {
        if (!ready) {
            return Optional.empty();
        }
        int from = (int) f.from().toEpochDay();
        int to = (int) f.to().toEpochDay();
        int previousFrom = from - (to - from + 1);
        lock.readLock().lock();
        try {
            Scan s = new Scan(f, from, to, previousFrom, hourly, firstHour);
            if (textIds != null) {
                for (long id : textIds) {
                    if (id > 0 && id < day.length) {
                        s.visit((int) id);
                    }
                }
            } else {
                for (int id = 1; id < day.length; id++) {
                    int d = day[id];
                    if (d >= previousFrom && d <= to) {
                        s.visit(id);
                    }
                }
            }
            return Optional.of(s.result());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The accumulators of one aggregation; runs under the read lock. */
    private final class Scan {
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
        private final int[] buyerOrders = new int[buyers.size()];
        private final long[] buyerAmount = new long[buyers.size()];
        private final int[] supplierOrders = new int[suppliers.size()];
        private final long[] supplierAmount = new long[suppliers.size()];
        // the last slot of each mix holds the orders without a value
        private final long[] typeOrders = new long[types.size() + 1];
        private final long[] typeAmount = new long[types.size() + 1];
        private final long[] stateOrders = new long[states.size() + 1];
        private final long[] stateAmount = new long[states.size() + 1];
        private final long[] regionOrders = new long[regions.size() + 1];
        private final long[] regionAmount = new long[regions.size() + 1];
        private long[] amounts = new long[1 << 14];
        private int amountCount;
        private long orders;
        private long total;
        private long previousOrders;
        private long previousTotal;

        Scan(OrderFilter f, int from, int to, int previousFrom, boolean hourly, long firstHour) {
            this.from = from;
            this.to = to;
            this.previousFrom = previousFrom;
            this.hourly = hourly;
            this.firstHour = firstHour;
            stateOk = f.states().isEmpty() ? null : allowed(states, f.states().stream().map(String::valueOf).toList());
            typeOk = f.types().isEmpty() ? null : allowed(types, List.copyOf(f.types()));
            regionId = f.region() == null ? -1 : regions.find(f.region());
            buyerId = f.buyerCode() == null ? -1 : buyers.find(f.buyerCode());
            supplierId = f.supplierCode() == null ? -1 : suppliers.find(f.supplierCode());
            amountFiltered = f.minAmount() != null || f.maxAmount() != null;
            min = f.minAmount() == null ? Long.MIN_VALUE + 1 : f.minAmount();
            max = f.maxAmount() == null ? Long.MAX_VALUE : f.maxAmount();
            int points = hourly ? 26 : to - from + 1;
            seriesOrders = new long[points];
            seriesAmount = new long[points];
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

        void visit(int id) {
            int d = day[id];
            if (d < previousFrom || d > to) {
                return;
            }
            if (stateOk != null && (state[id] < 0 || !stateOk[state[id]])) {
                return;
            }
            if (typeOk != null && (type[id] < 0 || !typeOk[type[id]])) {
                return;
            }
            if (regionId != -1 && region[id] != regionId) {
                return;
            }
            if (buyerId != -1 && buyer[id] != buyerId) {
                return;
            }
            if (supplierId != -1 && supplier[id] != supplierId) {
                return;
            }
            long a = amount[id];
            if (amountFiltered && (a == NO_AMOUNT || a < min || a > max)) {
                return;
            }
            long value = a == NO_AMOUNT ? 0 : a;
            if (d < from) {
                previousOrders++;
                previousTotal += value;
                return;
            }
            orders++;
            total += value;
            if (a != NO_AMOUNT) {
                if (amountCount == amounts.length) {
                    amounts = Arrays.copyOf(amounts, amountCount * 2);
                }
                amounts[amountCount++] = a;
            }
            int point = hourly ? (hour[id] == NO_HOUR ? -1 : (int) (hour[id] - firstHour)) : d - from;
            if (point >= 0 && point < seriesOrders.length) {
                seriesOrders[point]++;
                seriesAmount[point] += value;
            }
            int b = buyer[id];
            if (b >= 0) {
                buyerOrders[b]++;
                buyerAmount[b] += value;
            }
            int s = supplier[id];
            if (s >= 0) {
                supplierOrders[s]++;
                supplierAmount[s] += value;
            }
            int t = type[id] < 0 ? typeOrders.length - 1 : type[id];
            typeOrders[t]++;
            typeAmount[t] += value;
            int st = state[id] < 0 ? stateOrders.length - 1 : state[id];
            stateOrders[st]++;
            stateAmount[st] += value;
            int r = region[id] < 0 ? regionOrders.length - 1 : region[id];
            regionOrders[r]++;
            regionAmount[r] += value;
        }

        Aggregate result() {
            Long median = amountCount == 0 ? null : select(amounts, amountCount, amountCount / 2);
            return new Aggregate(orders, total, median, distinct(buyerOrders), distinct(supplierOrders),
                    previousOrders, previousTotal, seriesOrders, seriesAmount, top(buyers, buyerOrders, buyerAmount),
                    top(suppliers, supplierOrders, supplierAmount), mix(types, typeOrders, typeAmount, true),
                    mix(states, stateOrders, stateAmount, false), mix(regions, regionOrders, regionAmount, true));
        }
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

    private static final Comparator<MonitorSummary.Slice> LARGEST_FIRST =
            Comparator.comparingLong(MonitorSummary.Slice::amountClp).reversed();

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

    /** Distinct strings of one column as small ids; -1 is "no value". Changed only under the write lock. */
    private static final class Dict {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int id(String value) {
            if (value == null) {
                return -1;
            }
            Integer id = ids.get(value);
            if (id == null) {
                id = values.size();
                ids.put(value, id);
                values.add(value);
            }
            return id;
        }

        /** The id of a value, or -2 (matches nothing) when no order has it. */
        int find(String value) {
            Integer id = ids.get(value);
            return id == null ? -2 : id;
        }

        String value(int id) {
            return values.get(id);
        }

        void copy(Dict other) {
            ids.clear();
            values.clear();
            ids.putAll(other.ids);
            values.addAll(other.values);
        }

        int size() {
            return values.size();
        }
    }
}
