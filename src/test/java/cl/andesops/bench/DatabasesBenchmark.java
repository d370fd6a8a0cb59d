package cl.andesops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import cl.andesops.AndesOpsApplication;
import cl.andesops.opendata.ImportBenchmark;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.monitor.MonitorService;

/**
 * The same work on SQLite and on PostgreSQL, in one run: live ingest (order details through the sync's bulk path),
 * a month of open data imported until the search index and the Monitor's columns hold it, then on that month the
 * Monitor as a node starts it (its columns loaded from the database) and its grid's SQL (first page, count).
 * {@code java ... cl.andesops.bench.DatabasesBenchmark JDBC_URL_OF_A_POSTGRES_SERVER OUT_DIR [ORDERS_PER_DAY]}
 * (the server URL names its {@code postgres} database; the benchmark creates databases beside it).
 */
public final class DatabasesBenchmark {

    public record Figures(String database, IngestBenchmark.Result ingest, ImportBenchmark.Result monthImport,
                          double columnsLoadSeconds, Map<String, Double> queriesMillis) {
    }

    public static List<Figures> run(String server, Path dir, int ordersPerDay, int ingestOrders) throws Exception {
        Path zip = ImportBenchmark.month(dir.resolve("months"), ordersPerDay);
        List<Figures> out = new ArrayList<>();
        for (String db : List.of("SQLite", "PostgreSQL")) {
            Path base = dir.resolve(db.toLowerCase(Locale.ROOT));
            FileSystemUtils.deleteRecursively(base);
            String ingestUrl = db.equals("SQLite") ? "" : database(server, "bench_ingest");
            IngestBenchmark.Result ingest = IngestBenchmark.run(ingestOrders, base.resolve("ingest"), ingestUrl);
            String importUrl = db.equals("SQLite") ? "" : database(server, "bench_import");
            ImportBenchmark.Result imported = ImportBenchmark.run(zip, base.resolve("import"), importUrl, null);
            Path appDir = base.resolve("import").resolve("app");
            FileSystemUtils.deleteRecursively(appDir.resolve("index")); // a new node: columns from the database
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                    .run("--andesops.storage.data-dir=" + appDir, "--andesops.storage.database-url=" + importUrl,
                            "--andesops.sync.enabled=false", "--andesops.mercadopublico.ticket=bench",
                            "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                            "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9",
                            "--andesops.opendata.history-months=0", "--server.port=0", "--logging.level.root=WARN")) {
                long t0 = System.nanoTime();
                MonitorService monitor = ctx.getBean(MonitorService.class);
                if (!monitor.awaitColumns(600)) {
                    throw new IllegalStateException("The columns did not load");
                }
                double load = (System.nanoTime() - t0) / 1e9;
                // as the import service does after each month (the benchmark imported through the importer alone)
                ctx.getBean(cl.andesops.shared.persistence.PlannerStatistics.class).refresh();
                OrderService orders = ctx.getBean(OrderService.class);
                LocalDate from = LocalDate.of(2026, 10, 1);
                LocalDate to = LocalDate.of(2026, 10, 31);
                OrderFilter month = OrderFilter.none().withDates(from, to);
                String buyer = orders.buyers("", 0, 1).getFirst().code();
                Map<String, OrderFilter> filters = new LinkedHashMap<>();
                filters.put("the month", month);
                filters.put("one buyer", month.withBuyer(buyer));
                filters.put("≥ CLP 10 M", month.withAmount(10_000_000L, null));
                Map<String, Double> millis = new LinkedHashMap<>();
                for (var f : filters.entrySet()) {
                    millis.put("grid first page, " + f.getKey(), p50(() -> orders.find(f.getValue(), 0, 50)));
                    millis.put("grid count, " + f.getKey(), p50(() -> orders.count(f.getValue())));
                    // a filter not asked before each time (a peso more), so the summary is computed, not cached
                    long[] peso = {f.getValue().minAmount() == null ? 0 : f.getValue().minAmount()};
                    millis.put("Monitor summary (in-memory columns), " + f.getKey(), p50(() -> monitor.summary(
                            f.getValue().withAmount(++peso[0], null))));
                }
                out.add(new Figures(db, ingest, imported, load, millis));
            }
        }
        return out;
    }

    /** The median of 21 runs after 3 warm-ups, in milliseconds. */
    private static double p50(Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String database(String server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    public static String table(List<Figures> figures) {
        StringBuilder md = new StringBuilder("| | " + String.join(" | ", figures.stream().map(Figures::database)
                .toList()) + " |\n|---|" + "---|".repeat(figures.size()) + "\n");
        row(md, "work done: ingest orders (items) stored; month orders (item rows) imported and stored", figures,
                f -> String.format(Locale.US, "%,d (%,d); %,d (%,d), %,d", f.ingest().stored(), f.ingest().storedItems(),
                        f.monthImport().orders(), f.monthImport().items(), f.monthImport().storedOrders()));
        row(md, "live ingest, orders/s (details with items, batches of 5,000)", figures,
                f -> String.format(Locale.US, "%,.0f", f.ingest().ordersPerSecond()));
        row(md, "open-data month import, orders/s (until index and columns hold it)", figures,
                f -> String.format(Locale.US, "%,.0f", f.monthImport().ordersPerSecond()));
        row(md, "open-data month import, seconds", figures,
                f -> String.format(Locale.US, "%.1f", f.monthImport().seconds()));
        row(md, "database size after the month, MB", figures,
                f -> String.format(Locale.US, "%,.0f", f.monthImport().dbBytes() / 1e6));
        row(md, "app CPU while importing, core-seconds (the server's own CPU not included)", figures,
                f -> String.format(Locale.US, "%.1f", f.monthImport().cpuSeconds()));
        row(md, "Monitor columns loaded from the database by a new node, seconds", figures,
                f -> String.format(Locale.US, "%.1f", f.columnsLoadSeconds()));
        for (String q : figures.getFirst().queriesMillis().keySet()) {
            row(md, q + ", ms (p50)", figures, f -> String.format(Locale.US, "%.1f", f.queriesMillis().get(q)));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, List<Figures> figures,
                            java.util.function.Function<Figures, String> cell) {
        md.append("| ").append(name).append(" | ")
                .append(String.join(" | ", figures.stream().map(cell).toList())).append(" |\n");
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[1]));
        int perDay = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int ingest = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        List<Figures> figures = run(args[0], dir, perDay, ingest);
        String md = table(figures);
        Files.writeString(dir.resolve("databases.md"), md);
        System.out.println(md);
    }
}
