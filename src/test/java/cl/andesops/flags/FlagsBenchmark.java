package cl.andesops.flags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.opendata.ImportService;
import cl.andesops.simulator.SimGroundTruth;
import cl.andesops.simulator.SimulatorSettings;

/**
 * The indicators against the patterns the simulator planted: months of simulated history imported from the open-data
 * files into an empty database, every indicator computed, and for each: records planted, found, precision, recall,
 * and the rate on the records it judged that carry no planted pattern.
 * {@code java ... cl.andesops.flags.FlagsBenchmark DIR [MONTHS] [ORDERS_PER_DAY]}
 */
public final class FlagsBenchmark {

    /** One indicator's figures. */
    public record Row(String indicator, String kind, long applicable, long planted, long plantedNotJudged, long found,
            long truePositives, double precision, double recall, double unplantedRate) {
    }

    /**
     * What a run measured: the rows; the seconds the import and the judging took, and the recomputation's after a
     * change of the rules; a commit of orders: how long its write took (the baseline) and how long until its flags
     * were stored after it; and /flags' figures for the last year (median of 20 reads).
     */
    public record Result(List<Row> rows, long orders, long tenders, long requests, double judgeSeconds,
            double rejudgeSeconds, int commitOrders, double commitMs, double commitFlagsMs, double coverageMs,
            List<Row> rowsBefore, double partiesSeconds, double signalPageMs) {
    }

    public static void main(String[] args) throws Exception {
        Result r = run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3,
                args.length > 2 ? Integer.parseInt(args[2]) : 600);
        System.out.printf("%,d orders, %,d tenders, %,d requests; imported and judged in %.1f s, judged again after "
                        + "a rule change in %.1f s%n", r.orders(), r.tenders(), r.requests(), r.judgeSeconds(),
                r.rejudgeSeconds());
        System.out.printf("a commit of %,d orders: written in %.0f ms, its flags stored %.0f ms after; /flags' "
                + "figures for a year: %.1f ms%n", r.commitOrders(), r.commitMs(), r.commitFlagsMs(), r.coverageMs());
        if (!r.rows().equals(r.rowsBefore())) {
            System.out.println("Judged again from nothing, the figures differ from those judged commit by commit:");
            r.rowsBefore().forEach(System.out::println);
        }
        System.out.printf("every buyer and supplier of the year judged against its peers in %.1f s; a signal's page "
                + "(split-purchase, a year): %.1f ms%n", r.partiesSeconds(), r.signalPageMs());
        System.out.println("| indicator | kind | judged | planted | planted, not judged | found | precision | recall "
                + "| rate on unplanted |");
        for (Row x : r.rows()) {
            System.out.printf("| %s | %s | %,d | %,d | %,d | %,d | %.2f | %.2f | %.3f %% |%n", x.indicator(),
                    x.kind(), x.applicable(), x.planted(), x.plantedNotJudged(), x.found(), x.precision(), x.recall(),
                    x.unplantedRate() * 100);
        }
    }

    public static Result run(Path dir, int months, int ordersPerDay) throws Exception {
        Files.createDirectories(dir);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class).run(
                "--andesops.storage.data-dir=" + dir, "--andesops.storage.database-url=",
                "--andesops.sync.enabled=false", "--server.port=0", "--andesops.opendata.history-months=" + months,
                "--andesops.simulator.orders-per-day=" + ordersPerDay,
                "--andesops.simulator.tenders-per-day=" + Math.max(20, ordersPerDay / 10),
                "--andesops.simulator.compra-agil-per-day=" + Math.max(20, ordersPerDay / 8),
                "--andesops.rules.sii-base-url=", "--ADMIN_PASSWORD=bench-admin-password",
                "--logging.level.root=WARN")) {
            ImportService imports = ctx.getBean(ImportService.class);
            long t0 = System.nanoTime();
            while (true) {
                ImportService.Status s = imports.status();
                if (s.months().size() >= 3L * months && s.months().stream().allMatch(m -> m.state().equals("DONE")
                        || m.state().equals("MISSING") || m.state().equals("FAILED"))) {
                    break;
                }
                Thread.sleep(500);
            }
            FlagFollower follower = ctx.getBean(FlagFollower.class);
            PartyFlagFollower parties = ctx.getBean(PartyFlagFollower.class);
            if (!follower.awaitJudged(Duration.ofMinutes(30)) || !parties.awaitJudged(Duration.ofMinutes(30))) {
                throw new IllegalStateException("The indicators did not catch up");
            }
            double judge = (System.nanoTime() - t0) / 1e9;
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            // a commit of today's orders (the history holds whole months before this one), as the sync writes them
            List<cl.andesops.mercadopublico.OrderDetail> batch = new java.util.ArrayList<>();
            for (byte[] body : new cl.andesops.simulator.SimulatorFixtures(ctx.getBean(SimulatorSettings.class))
                    .orderDetails(LocalDate.now(), java.time.Instant.now())) {
                if (batch.size() < 500) {
                    cl.andesops.mercadopublico.WireFormat.orderDetail(body).ifPresent(batch::add);
                }
            }
            long c0 = System.nanoTime();
            ctx.getBean(cl.andesops.sync.Ingest.class).orders(batch);
            long c1 = System.nanoTime();
            follower.awaitJudged(Duration.ofMinutes(5));
            long c2 = System.nanoTime();
            long p0 = System.nanoTime();
            parties.awaitJudged(Duration.ofMinutes(10)); // a pass over every party of the year, the commit included
            double partiesSeconds = (System.nanoTime() - p0) / 1e9;
            Result partial = measure(ctx, jdbc, 0, judge, 0);
            Flags flags = ctx.getBean(Flags.class);
            cl.andesops.shared.format.Period year = cl.andesops.shared.format.Period.lastYear(LocalDate.now());
            double[] reads = new double[20];
            for (int k = 0; k < reads.length; k++) {
                long q0 = System.nanoTime();
                flags.coverage(year);
                reads[k] = (System.nanoTime() - q0) / 1e6;
            }
            java.util.Arrays.sort(reads);
            // a signal's page for a year, as it reads: the coverage, its months, where it fires most (buyers and
            // suppliers) and its first 50 records with their parties' names; the busiest record indicator
            double[] page = new double[20];
            for (int k = 0; k < page.length; k++) {
                long q0 = System.nanoTime();
                flags.coverage(year);
                flags.months(Indicator.SPLIT_PURCHASE, year);
                flags.top(Indicator.SPLIT_PURCHASE, cl.andesops.shared.format.PartyKeys.Kind.BUYER, year, 10);
                flags.top(Indicator.SPLIT_PURCHASE, cl.andesops.shared.format.PartyKeys.Kind.SUPPLIER, year, 10);
                flags.hits(Indicator.SPLIT_PURCHASE, year, 0, 50);
                page[k] = (System.nanoTime() - q0) / 1e6;
            }
            java.util.Arrays.sort(page);
            // a change of the rules: every indicator judged again over what is held
            long t1 = System.nanoTime();
            ctx.getBean(cl.andesops.rules.Rules.class).setUtm(java.time.YearMonth.of(2031, 1), 80_000,
                    cl.andesops.rules.UtmValue.Source.MANUAL);
            Thread.sleep(200);
            if (!follower.awaitJudged(Duration.ofMinutes(30)) || !parties.awaitJudged(Duration.ofMinutes(30))) {
                throw new IllegalStateException("The indicators did not judge again");
            }
            double rejudge = (System.nanoTime() - t1) / 1e9;
            // judged again from nothing, the figures are those judged commit by commit
            Result again = measure(ctx, jdbc, 0, judge, rejudge);
            ctx.getBean(cl.andesops.rules.Rules.class).removeUtm(java.time.YearMonth.of(2031, 1));
            return new Result(again.rows(), partial.orders(), partial.tenders(), partial.requests(), judge, rejudge,
                    batch.size(), (c1 - c0) / 1e6, (c2 - c1) / 1e6, reads[reads.length / 2], partial.rows(),
                    partiesSeconds, page[page.length / 2]);
        }
    }

    static Result measure(ConfigurableApplicationContext ctx, JdbcClient jdbc, long unused, double judge,
            double rejudge) {
        long orders = jdbc.sql("SELECT count(*) FROM purchase_order").query(Long.class).single();
        long tenders = jdbc.sql("SELECT count(*) FROM tender").query(Long.class).single();
        long requests = jdbc.sql("SELECT count(*) FROM ca_request").query(Long.class).single();
        Integer firstDay = jdbc.sql("SELECT min(day) FROM purchase_order").query(Integer.class).single();
        LocalDate first = firstDay == null ? LocalDate.now() : Days.date(firstDay);
        Set<String> held = new HashSet<>();
        for (String table : List.of("purchase_order", "tender", "ca_request")) {
            held.addAll(jdbc.sql("SELECT code FROM " + table).query(String.class).list());
        }
        held.addAll(jdbc.sql("SELECT DISTINCT buyer_code FROM purchase_order WHERE buyer_code IS NOT NULL")
                .query(String.class).list());
        jdbc.sql("SELECT DISTINCT supplier_rut FROM purchase_order WHERE supplier_rut IS NOT NULL")
                .query(String.class).list().forEach(r -> cl.andesops.shared.format.PartyKeys.supplier(r)
                        .ifPresent(held::add));
        Map<String, Set<String>> truth = SimGroundTruth.planted(ctx.getBean(SimulatorSettings.class),
                first.minusDays(60), LocalDate.now(), first, java.time.Instant.now());
        // a planted party is named as the files give it: a supplier by its RUT, keyed as the indicators key it
        truth.replaceAll((indicator, codes) -> {
            Set<String> keyed = new HashSet<>();
            codes.forEach(c -> keyed.add(c.matches("[0-9.]+-[0-9kK]") ? cl.andesops.shared.format.PartyKeys
                    .supplier(c).orElse(c) : c));
            return keyed;
        });
        Map<String, Set<String>> fired = new HashMap<>();
        Map<String, Set<String>> judged = new HashMap<>();
        jdbc.sql("SELECT indicator, record_code, outcome FROM flag_record").query(rs -> {
            if (rs.getString(3).equals("F")) {
                fired.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
            if (!rs.getString(3).startsWith("N")) {
                judged.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        });
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            Set<String> planted = new HashSet<>(truth.getOrDefault(i.id, Set.of()));
            planted.retainAll(held);
            Set<String> found = fired.getOrDefault(i.id, Set.of());
            Set<String> applicable = judged.getOrDefault(i.id, Set.of());
            long tp = found.stream().filter(planted::contains).count();
            // a party's pattern needs the peers and records the rule asks for: planted ones the data could not judge
            // are counted apart, and recall is over the judged
            long plantedNotJudged = planted.stream().filter(c -> !applicable.contains(c)).count();
            long plantedJudged = planted.size() - plantedNotJudged;
            long unplantedJudged = applicable.stream().filter(c -> !planted.contains(c)).count();
            long falsePositives = found.size() - tp;
            if (Boolean.getBoolean("flags.debug")) {
                System.out.println(i.id + " false: " + found.stream().filter(c -> !planted.contains(c)).limit(4)
                        .toList() + " missed: " + planted.stream().filter(c -> !found.contains(c)).limit(4).toList());
            }
            rows.put(i.id, new Row(i.id, i.kind.name().toLowerCase(java.util.Locale.ROOT), applicable.size(),
                    planted.size(), plantedNotJudged, found.size(), tp, found.isEmpty() ? 1 : tp / (double) found.size(),
                    plantedJudged == 0 ? 1 : tp / (double) plantedJudged,
                    unplantedJudged == 0 ? 0 : falsePositives / (double) unplantedJudged));
        }
        return new Result(List.copyOf(rows.values()), orders, tenders, requests, judge, rejudge, 0, 0, 0, 0,
                List.of(), 0, 0);
    }
}
