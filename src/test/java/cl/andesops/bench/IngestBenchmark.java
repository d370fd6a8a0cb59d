package cl.andesops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cl.andesops.AndesOpsApplication;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.OrderLine;
import cl.andesops.mercadopublico.WireFormat;
import cl.andesops.simulator.SimulatorFixtures;
import cl.andesops.simulator.SimulatorSettings;
import cl.andesops.sync.Ingest;

/**
 * Ingest: simulated order-detail JSON (the exact bytes the API sends) parsed and stored with items and flags, on two threads (a parser feeding a writer), against the baseline of the same rows inserted by prepared
 * batches with no parsing and no flags. Run by {@code bench/run} at full size; {@link IngestBenchmarkTest} runs
 * it small so it keeps working.
 */
public final class IngestBenchmark {

    /** {@code stored} and {@code storedItems} are what the database holds afterwards: the work was done. */
    public record Result(int orders, int items, double ordersPerSecond, double baselineOrdersPerSecond,
                         long parseOnlyNanos, long dbBytes, long stored, long storedItems) {
        public double ratio() {
            return ordersPerSecond / baselineOrdersPerSecond;
        }
    }

    public static Result run(int targetOrders, Path dir) throws Exception {
        return run(targetOrders, dir, "");
    }

    /** On another database ({@code ""}: SQLite in {@code dir}); its size is then the server's for that database. */
    public static Result run(int targetOrders, Path dir, String databaseUrl) throws Exception {
        SimulatorSettings settings = new SimulatorSettings(20260101, 0, 5_500, 0, 0, 20_000,
                java.time.Duration.ofMillis(1), false, 1_000_000, "bench", 0, true);
        SimulatorFixtures fixtures = new SimulatorFixtures(settings);
        Instant now = Instant.now();
        List<byte[]> bodies = new ArrayList<>();
        for (LocalDate day = LocalDate.now().minusDays(1); bodies.size() < targetOrders; day = day.minusDays(1)) {
            List<byte[]> dayBodies = fixtures.orderDetails(day, now);
            bodies.addAll(dayBodies.subList(0, Math.min(dayBodies.size(), targetOrders - bodies.size())));
        }
        long p0 = System.nanoTime();
        List<OrderDetail> parsed = new ArrayList<>(bodies.size());
        for (byte[] b : bodies) {
            parsed.add(WireFormat.orderDetail(b).orElseThrow());
        }
        long parseOnly = System.nanoTime() - p0;
        int items = parsed.stream().mapToInt(o -> o.items().size()).sum();

        Path appDir = Files.createDirectories(dir.resolve("app"));
        Result result;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + appDir, "--andesops.storage.database-url=" + databaseUrl,
                        "--andesops.sync.enabled=false", "--andesops.mercadopublico.ticket=bench",
                        "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                        "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9", "--server.port=0",
                        "--logging.level.root=WARN")) {
            Ingest ingest = ctx.getBean(Ingest.class);
            BlockingQueue<List<OrderDetail>> queue = new ArrayBlockingQueue<>(8);
            List<OrderDetail> end = List.of();
            long t0 = System.nanoTime();
            Thread parser = Thread.ofPlatform().start(() -> {
                try {
                    List<OrderDetail> batch = new ArrayList<>(5_000);
                    for (byte[] b : bodies) {
                        batch.add(WireFormat.orderDetail(b).orElseThrow());
                        if (batch.size() == 5_000) {
                            queue.put(batch);
                            batch = new ArrayList<>(5_000);
                        }
                    }
                    if (!batch.isEmpty()) {
                        queue.put(batch);
                    }
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (List<OrderDetail> batch = queue.take(); batch != end; batch = queue.take()) {
                ingest.orders(batch);
            }
            parser.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double baseline = baseline(parsed, dir.resolve("baseline.db"));
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            long bytes;
            if (databaseUrl.contains("postgres")) {
                bytes = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
            } else {
                bytes = Files.size(appDir.resolve("andesops.db"));
                if (Files.exists(appDir.resolve("andesops.db-wal"))) {
                    bytes += Files.size(appDir.resolve("andesops.db-wal"));
                }
            }
            long stored = jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Long.class).single();
            long storedItems = jdbc.sql("SELECT count(*) FROM order_item").query(Long.class).single();
            result = new Result(parsed.size(), items, parsed.size() / seconds, baseline, parseOnly, bytes, stored,
                    storedItems);
        }
        return result;
    }

    /** The same order and item rows, prepared in advance, inserted by plain batches of 10,000 per commit. */
    static double baseline(List<OrderDetail> orders, Path db) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        long id = 0;
        for (OrderDetail o : orders) {
            id++;
            rows.add(new Object[]{id, o.code(), o.name(), o.stateCode(), o.type(), o.currency(), str(o.total()),
                    o.total() == null ? null : o.total().longValue(), o.buyer().organismCode(), o.buyer().organismName(),
                    o.supplier().code(), o.supplier().name(), o.buyer().region(),
                    o.createdAt() == null ? null : o.createdAt().toEpochMilli()});
            for (OrderLine l : o.items()) {
                itemRows.add(new Object[]{id, l.line(), l.categoryCode(), l.productCode(), l.product(),
                        str(l.quantity()), str(l.netPrice()), str(l.total())});
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db
                + "?journal_mode=WAL&synchronous=NORMAL")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE po (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT, state_code INTEGER, "
                        + "type TEXT, currency TEXT, total TEXT, amount_clp INTEGER, buyer_code TEXT, buyer_name TEXT, "
                        + "supplier_code TEXT, supplier_name TEXT, region TEXT, created_at INTEGER)");
                s.execute("CREATE TABLE item (order_id INTEGER, line INTEGER, category_code TEXT, product_code TEXT, "
                        + "product TEXT, quantity TEXT, net_price TEXT, total TEXT, PRIMARY KEY (order_id, line)) "
                        + "WITHOUT ROWID");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement po = c.prepareStatement("INSERT INTO po VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement it = c.prepareStatement("INSERT INTO item VALUES (?,?,?,?,?,?,?,?)")) {
                int itemIndex = 0;
                for (int i = 0; i < rows.size(); i++) {
                    bind(po, rows.get(i));
                    po.addBatch();
                    long orderId = (long) rows.get(i)[0];
                    while (itemIndex < itemRows.size() && (long) itemRows.get(itemIndex)[0] == orderId) {
                        bind(it, itemRows.get(itemIndex++));
                        it.addBatch();
                    }
                    if ((i + 1) % 10_000 == 0 || i == rows.size() - 1) {
                        po.executeBatch();
                        it.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws java.sql.SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    private static String str(java.math.BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("andesops-ingest");
        Result r = run(n, dir);
        System.out.printf("ingest: %,d orders (%,d items): %,.0f orders/s parsed+stored; baseline %,.0f orders/s "
                        + "(ratio %.2f); parse alone %,.0f orders/s on one core; database %,d MB%n", r.orders(), r.items(),
                r.ordersPerSecond(), r.baselineOrdersPerSecond(), r.ratio(), r.orders() / (r.parseOnlyNanos() / 1e9),
                r.dbBytes() / 1_000_000);
    }
}
