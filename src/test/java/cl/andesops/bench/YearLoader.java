package cl.andesops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cl.andesops.AndesOpsApplication;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.WireFormat;
import cl.andesops.simulator.SimulatorFixtures;
import cl.andesops.simulator.SimulatorSettings;
import cl.andesops.sync.Ingest;

/**
 * Fills a data directory with a simulated year of purchase orders (about 2 million), day by day through the same
 * parse and store path as the sync, so the app can be started on it and measured.
 * {@code java ... cl.andesops.bench.YearLoader DIR [DAYS] [ORDERS_PER_DAY]}
 */
public final class YearLoader {

    /** What a load produced. */
    public record Loaded(long orders, double seconds, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        Loaded l = load(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 365,
                args.length > 2 ? Integer.parseInt(args[2]) : 6_100);
        System.out.printf("year: %,d orders in %.0f s (%,.0f orders/s), database %,d MB%n", l.orders(), l.seconds(),
                l.orders() / l.seconds(), l.bytes() / 1_000_000);
    }

    /** Loads {@code days} days before today with about {@code perDay} orders each into {@code dir}. */
    public static Loaded load(Path dir, int days, int perDay) throws Exception {
        Files.createDirectories(dir);
        SimulatorFixtures fixtures = new SimulatorFixtures(new SimulatorSettings(20260101, 0, perDay, 0, 0, 20_000,
                java.time.Duration.ofMillis(1), false, 1_000_000, "bench", 0, true));
        long t0 = System.nanoTime();
        long orders = 0;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + dir, "--andesops.storage.database-url=", "--andesops.sync.enabled=false", "--server.port=0",
                        "--andesops.mercadopublico.ticket=bench", "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                        "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9",
                        "--logging.level.root=WARN")) {
            Ingest ingest = ctx.getBean(Ingest.class);
            Instant now = Instant.now();
            for (LocalDate day = LocalDate.now().minusDays(days); day.isBefore(LocalDate.now()); day = day.plusDays(1)) {
                List<OrderDetail> batch = new ArrayList<>();
                for (byte[] body : fixtures.orderDetails(day, now)) {
                    batch.add(WireFormat.orderDetail(body).orElseThrow());
                    if (batch.size() == 5_000) {
                        ingest.orders(batch);
                        orders += batch.size();
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    ingest.orders(batch);
                    orders += batch.size();
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().startsWith("andesops.db")) {
                    bytes += Files.size(p);
                }
            }
        }
        return new Loaded(orders, seconds, bytes);
    }
}
