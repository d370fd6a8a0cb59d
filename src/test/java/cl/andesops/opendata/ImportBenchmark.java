package cl.andesops.opendata;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.management.GarbageCollectionNotificationInfo;

import cl.andesops.AndesOpsApplication;
import cl.andesops.orders.OrderTextIndex;
import cl.andesops.orders.monitor.MonitorService;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorSettings;

/**
 * History import: a month of purchase orders in ChileCompra's open-data format (the simulator's {@code oc-da} ZIP,
 * cp1252, one row per item) taken into an empty database by the app's import, until the order search index and the
 * Monitor's columns hold it too; beside the baseline of reading and parsing the same file alone. Also the live heap
 * while importing (the most the heap held after any collection) and what the month takes on disk.
 */
public final class ImportBenchmark {

    /** {@code seconds} until the import, the search index and the Monitor's columns all hold the month. */
    public record Result(long orders, long items, double seconds, double parseSeconds, long storedOrders,
                         long liveHeapBytes, long heapBeforeBytes, long dbBytes, long indexBytes, long zipBytes,
                         double cpuSeconds, double storeSeconds) {
        public double ordersPerSecond() {
            return orders / seconds;
        }

        public double parseOrdersPerSecond() {
            return orders / parseSeconds;
        }
    }

    /** The simulator's October 2026 at {@code ordersPerDay}, written once into {@code dir} and reused. */
    public static Path month(Path dir, int ordersPerDay) throws Exception {
        return month(dir, ordersPerDay, YearMonth.of(2026, 10));
    }

    /** A month of the simulator's orders at {@code ordersPerDay}, written once into {@code dir} and reused. */
    public static Path month(Path dir, int ordersPerDay, YearMonth month) throws Exception {
        Path zip = dir.resolve("oc-" + month + "-" + ordersPerDay + ".zip");
        if (Files.exists(zip)) {
            return zip;
        }
        Files.createDirectories(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
        SimulatorSettings settings = new SimulatorSettings(20260101, 60, ordersPerDay, 10, 10, 20_000,
                Duration.ofMillis(1), false, 1_000_000, "bench", 0, true);
        try (SimulatorServer sim = SimulatorServer.start(settings, clock)) {
            Path part = dir.resolve(zip.getFileName() + ".part");
            HttpResponse<Path> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    sim.baseUrl().resolve("/oc-da/" + month.getYear() + "-" + month.getMonthValue() + ".zip")).build(), HttpResponse.BodyHandlers.ofFile(part));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("The simulator answered " + r.statusCode());
            }
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE);
        }
        return zip;
    }

    public static Result run(Path zip, Path dir) throws Exception {
        return run(zip, dir, "", null);
    }

    /**
     * On another database ({@code ""}: SQLite in {@code dir}); its size is then the server's for that database.
     * With {@code before}, that month is imported first and not timed: the month timed then lands on a table that
     * already holds one, in a warmed-up process, as every month after the first of a history import does.
     */
    public static Result run(Path zip, Path dir, String databaseUrl, Path before) throws Exception {
        return run(zip, dir, databaseUrl, before, before == null);
    }

    /**
     * With {@code bulk}, the month into the empty table takes the first import's bulk path as the app's import takes
     * it ({@link FirstImport}: begun before, ended after, the end's catch-up timed); without, the usual path.
     */
    public static Result run(Path zip, Path dir, String databaseUrl, Path before, boolean bulk) throws Exception {
        long[] counted = parse(zip);
        long p0 = System.nanoTime();
        counted = parse(zip); // the second run, warm
        double parseSeconds = (System.nanoTime() - p0) / 1e9;

        Path appDir = Files.createDirectories(dir.resolve("app"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + appDir, "--andesops.storage.database-url=" + databaseUrl,
                        "--andesops.sync.enabled=false", "--andesops.mercadopublico.ticket=bench",
                        "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                        "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9",
                        "--andesops.opendata.history-months=0", "--server.port=0", "--logging.level.root=WARN",
                        // the import's own loop would end the bulk path on finding its queue empty: it stays off
                        "--andesops.opendata.enabled=false",
                        "--vaadin.productionMode=true")) { // as the jar runs: no development server beside it
            MonitorService monitor = ctx.getBean(MonitorService.class);
            monitor.awaitColumns(60);
            OrderTextIndex text = ctx.getBean(OrderTextIndex.class);
            DataVersions versions = ctx.getBean(DataVersions.class);
            if (before != null) {
                importMonth(ctx, before);
                await(text, monitor, versions.current(DataChanged.Dataset.ORDERS));
            }
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            boolean postgres = databaseUrl.contains("postgres");
            long dbBefore = postgres ? pgBytes(jdbc) : dbBytes(appDir);
            System.gc();
            long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            AtomicLong live = new AtomicLong();
            List<Runnable> unlisten = watchLiveHeap(live);
            long cpu0 = processCpu();
            long t0 = System.nanoTime();
            java.util.Map<String, Long> threadCpu0 = threadCpu();
            java.util.Map<String, Long> threadCpuSeen = new java.util.concurrent.ConcurrentHashMap<>();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                // threads that end before the run does (the file's reader, Lucene's merges) are read as they go
                while (!Thread.currentThread().isInterrupted()) {
                    threadCpu().forEach((k, v) -> threadCpuSeen.merge(k, v, Math::max));
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            FirstImport first = ctx.getBean(FirstImport.class);
            if (bulk && !first.beginIfEmpty()) {
                throw new IllegalStateException("The table is not empty: no bulk path");
            }
            importMonth(ctx, zip);
            double storeSeconds = (System.nanoTime() - t0) / 1e9; // in the database, before the followers catch up
            if (bulk) {
                long e0 = System.nanoTime();
                first.end();
                System.out.printf("the bulk path's end (its indexes made again): %.1f s%n", (System.nanoTime() - e0) / 1e9);
            }
            await(text, monitor, versions.current(DataChanged.Dataset.ORDERS));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpu() - cpu0) / 1e9;
            // the indicators follow too (after the end on the bulk path): not in the figure, said beside it
            ctx.getBean(cl.andesops.flags.FlagFollower.class).awaitJudged(java.time.Duration.ofMinutes(5));
            double judged = (System.nanoTime() - t0) / 1e9;
            double cpuJudged = (processCpu() - cpu0) / 1e9;
            System.out.printf("the indicators held the month at %.1f s%n", judged);
            sampler.interrupt();
            sampler.join();
            threadCpu().forEach((k, v) -> threadCpuSeen.merge(k, v, Math::max));
            System.out.println("CPU by thread until the indicators held it, s: " + cpuSince(threadCpu0,
                    threadCpuSeen, cpuJudged));
            unlisten.forEach(Runnable::run);
            long stored = jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Long.class).single();
            if (!postgres) {
                jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query(rs -> { });
            }
            return new Result(counted[0], counted[1], seconds, parseSeconds, stored, Math.max(live.get(), heapBefore),
                    heapBefore,
                    (postgres ? pgBytes(jdbc) : dbBytes(appDir)) - dbBefore, treeBytes(appDir.resolve("index")), Files.size(zip), cpu,
                    storeSeconds);
        }
    }

    private static void importMonth(ConfigurableApplicationContext ctx, Path zip) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip), 1 << 16)) {
            ctx.getBean(OpenDataImport.class).importZip(Dataset.OC, in, zip.getFileName().toString(),
                    OpenDataImport.Checkpoint.NONE);
        }
    }

    /** Until the search index and the Monitor's columns hold the orders up to {@code target}. */
    private static void await(OrderTextIndex text, MonitorService monitor, long target) throws InterruptedException {
        text.awaitIndexed();
        while (text.indexedVersion() < target || monitor.columnsVersion() < target) {
            Thread.sleep(5);
            text.awaitIndexed();
        }
    }

    /** Reads the file alone: the CSV parsed and each order's rows made into its record; {orders, items}. */
    static long[] parse(Path zip) throws Exception {
        long orders = 0;
        long items = 0;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16),
                OpenDataFile.CP1252)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                try (OpenDataFile file = new OpenDataFile(new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {
                    }
                }, e.getName(), r -> { })) {
                    Columns c = new Columns(e.getName(), file.header(), OrderRows.COLUMNS);
                    List<OpenDataFile.Row> group = new ArrayList<>();
                    String code = null;
                    for (OpenDataFile.Row row : file) {
                        String rowCode = c.text(row, "code");
                        if (!rowCode.equals(code) && !group.isEmpty()) {
                            items += OrderRows.order(c, group).detail().items().size();
                            orders++;
                            group = new ArrayList<>();
                        }
                        code = rowCode;
                        group.add(row);
                    }
                    if (!group.isEmpty()) {
                        items += OrderRows.order(c, group).detail().items().size();
                        orders++;
                    }
                }
            }
        }
        return new long[]{orders, items};
    }

    /** The most the heap held right after any collection while listening: the live set, garbage aside. */
    private static List<Runnable> watchLiveHeap(AtomicLong max) {
        List<Runnable> undo = new ArrayList<>();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            javax.management.NotificationListener l = (n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                    max.accumulateAndGet(used, Math::max);
                }
            };
            emitter.addNotificationListener(l, null, null);
            undo.add(() -> {
                try {
                    emitter.removeNotificationListener(l);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            });
        }
        return undo;
    }

    /** CPU time of each live thread by its name without a trailing number, summed: where a run's cores went. */
    private static java.util.Map<String, Long> threadCpu() {
        var bean = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null) {
                long t = bean.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    out.merge(info.getThreadName().replaceAll("[-# ]*\\d+$", "") + "#" + info.getThreadId(), t,
                            Long::sum);
                }
            }
        }
        return out;
    }

    /** Each kind of thread's CPU seconds since {@code before}, and the rest of the process's (GC, JIT). */
    private static String cpuSince(java.util.Map<String, Long> before, java.util.Map<String, Long> after,
                                   double processSeconds) {
        java.util.Map<String, Double> by = new java.util.TreeMap<>();
        after.forEach((k, v) -> by.merge(k.substring(0, k.lastIndexOf('#')),
                (v - before.getOrDefault(k, 0L)) / 1e9, Double::sum));
        by.put("(the JVM's own: GC, JIT)", processSeconds - by.values().stream().mapToDouble(d -> d).sum());
        return by.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).toList().toString();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long pgBytes(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
    }

    private static long dbBytes(Path appDir) throws Exception {
        long b = 0;
        for (String f : List.of("andesops.db", "andesops.db-wal")) {
            if (Files.exists(appDir.resolve(f))) {
                b += Files.size(appDir.resolve(f));
            }
        }
        return b;
    }

    private static long treeBytes(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 6_700;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Path zip = month(work, perDay);
        // cold: into an empty database by the bulk path; usual: the same without it; warm: onto a month
        String mode = args.length > 2 ? args[2] : "cold";
        Path before = mode.equals("warm") ? month(work, perDay, YearMonth.of(2026, 9)) : null;
        Path dir = work.resolve("import");
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        Result r = run(zip, dir, args.length > 3 ? args[3] : "", before, mode.equals("cold"));
        System.out.println("mode: " + mode);
        System.out.printf("import: %,d orders (%,d items) from a %,d MB ZIP in %.1f s: %,.0f orders/s (index and "
                        + "columns included, %.1f cores busy; stored in %.1f s); parsing alone %,.0f orders/s; stored %,d; live heap at "
                        + "most %,d MB (%,d MB before); database +%,d MB, search indexes %,d MB%n", r.orders(), r.items(),
                r.zipBytes() / 1_000_000, r.seconds(), r.ordersPerSecond(), r.cpuSeconds() / r.seconds(),
                r.storeSeconds(),
                r.parseOrdersPerSecond(), r.storedOrders(), r.liveHeapBytes() / 1_000_000,
                r.heapBeforeBytes() / 1_000_000, r.dbBytes() / 1_000_000, r.indexBytes() / 1_000_000);
        System.exit(0);
    }
}
