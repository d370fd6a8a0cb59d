package cl.andesops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.e2e.Browser;
import cl.andesops.e2e.PackagedApp;
import cl.andesops.orders.monitor.MonitorService;
import cl.andesops.orders.OrderFilter;
import cl.andesops.shared.events.DataChanged;

/**
 * Every benchmark of issue #8 in one run, each figure beside its baseline measured in the same run, written to
 * {@code BENCHMARKS.md}. {@code bench/run} runs it at national scale (a simulated year of 2 million orders, a million
 * tenders); {@link BenchmarkSuiteTest} runs it tiny in the test suite so it keeps working.
 * {@code java ... cl.andesops.bench.BenchmarkSuite full|small WORKDIR OUTPUT.md}
 */
public final class BenchmarkSuite {

    /** How big a run is. */
    public record Size(String name, int ingestOrders, int tenders, int searchRepetitions, int yearDays, int ordersPerDay,
                       int monitors, int renders, int importOrdersPerDay, int scaleOrders) {
        public static final Size FULL = new Size("full", 100_000, 1_000_000, 20, 365, 7_300, 50, 5, 6_700,
                12_000_000);
        public static final Size SMALL = new Size("small", 1_500, 3_000, 3, 4, 300, 3, 2, 30, 200_000);
    }

    /** One row of the report. */
    public record Row(String what, String target, String measured, String baseline, Boolean met) {
    }

    private final Size size;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final boolean browser;

    BenchmarkSuite(Size size, Path work, boolean browser) {
        this.size = size;
        this.work = work;
        this.browser = browser;
    }

    public static void main(String[] args) throws Exception {
        Size size = args.length > 0 && args[0].equals("small") ? Size.SMALL : Size.FULL;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Path out = Path.of(args.length > 2 ? args[2] : "BENCHMARKS.md");
        BenchmarkSuite suite = new BenchmarkSuite(size, work, true);
        if (args.length > 3) {
            suite.only = Set.of(args[3].split(","));
        }
        suite.runAll();
        Files.writeString(out, suite.report());
        System.out.println(suite.report());
        System.exit(0); // the language-model stub's HTTP server would keep the JVM up
    }

    List<Row> rows() {
        return rows;
    }

    /** Steps to run (ingest, search, import, scale, monitor, packaged, push, load, jar); all when null. */
    private Set<String> only;

    private boolean runs(String step) {
        return only == null || only.contains(step);
    }

    void runAll() throws Exception {
        Files.createDirectories(work);
        if (runs("ingest")) {
            ingest();
        }
        if (runs("search")) {
            search();
        }
        if (runs("import")) {
            historyImport();
        }
        if (runs("scale")) {
            scale();
        }
        Path year = runs("monitor") || browser && runs("packaged") ? year() : null;
        if (runs("monitor")) {
            monitor(year);
        }
        if (browser && runs("packaged")) {
            packaged(year);
        }
        if (browser && runs("push") && !runs("packaged")) {
            monitors(); // the push row alone (the packaged step measures it too)
        }
        if (browser && runs("load")) {
            load();
        }
        if (runs("jar")) {
            jar();
        }
    }

    // ---- the public instance under load ---------------------------------------------------------------------

    void load() throws Exception {
        LoadBenchmark.Settings s = size == Size.FULL ? LoadBenchmark.Settings.FULL : LoadBenchmark.Settings.SMALL;
        LoadBenchmark.Result r = LoadBenchmark.run(s, fresh("load"));
        String what = s.monitors() + " Monitors (" + s.browserTabs() + " in Chromium, " + s.plainMonitors()
                + " plain clients), " + s.apiClients() + " API clients, " + s.exports() + " slow exports, "
                + s.analyses() + " analyses at once for " + s.length().toMinutes() + " min, sync on, on a simulated "
                + "year (" + fmt(r.importedOrders()) + " orders)";
        rows.add(new Row("load: " + what + ": errors", "none", r.errors() + (r.problems().isEmpty() ? ""
                : " (" + String.join("; ", r.problems().subList(0, Math.min(3, r.problems().size()))) + ")"),
                fmt(r.apiRequests()) + " API requests, " + fmt(r.pageLoads()) + " page loads in Chromium and "
                        + fmt(r.plainLoads()) + " by plain clients, " + r.exportsDone()
                        + " exports done and " + r.exportsRefused() + " refused (429, the global cap), "
                        + r.analyses() + " analyses", r.errors() == 0));
        rows.add(new Row("load: API response p99 (p50), at the client", "≤ 1 s", ms(r.apiP99()) + " (" + ms(r.apiP50())
                + ")", fmt(r.apiRequests()) + " requests of 7 kinds; the server's own time p99 " + ms(r.serverApiP99())
                + " (access log)", r.apiP99() <= 1_000));
        rows.add(new Row("load: page response p99 (p50), at the server: a page's HTML and every Vaadin round-trip "
                + "(opening a Monitor or an analysis, its updates)", "≤ 1 s", ms(r.serverPageP99()) + " ("
                + ms(r.serverPageP50()) + ")", fmt(r.serverPages()) + " requests (Tomcat's access log, push and "
                + "downloads left out)", r.serverPageP99() <= 1_000));
        rows.add(new Row("load: page response p99 (p50), in the browser: a Monitor opened with a new filter in "
                + "Chromium, to its KPIs and chart drawn, while the other Monitors work", "≤ 3 s", ms(r.pageP99())
                + " (" + ms(r.pageP50()) + ")", r.pageLoads() + " loads in a Chromium of " + s.browserTabs()
                + " Monitor tabs; the other " + s.plainMonitors() + " Monitors plain clients (page, UI, navigation and "
                + "push, no browser), whose " + fmt(r.plainLoads()) + " loads took " + ms(r.plainP99()) + " ("
                + ms(r.plainP50()) + ") to the view's answer, and which read " + fmt(r.pushes()) + " pushes ("
                + fmt(r.pushBytes() / 1_000_000) + " MB)", r.pageP99() <= 3_000));
        rows.add(new Row("load: an analysis page, to a buyer's year of facts shown", "≤ 5 s", ms(r.factsP99()) + " ("
                + ms(r.factsP50()) + ")", r.analyses() + " analyses, each of a buyer of the newest orders", r.factsP99() <= 5_000));
        rows.add(new Row("load: heap and WAL at the end", "heap ≤ 1 GB; WAL ≤ 64 MiB", fmt(r.heapEndBytes() / 1_000_000)
                + " MB heap after GC (" + fmt(r.heapMaxBytes() / 1_000_000) + " MB most seen), WAL "
                + String.format(Locale.ROOT, "%.1f MiB", r.walBytes() / 1_048_576.0), "-Xmx1g; journal_size_limit 64 MiB",
                r.walBytes() <= 64L << 20));
        rows.add(new Row("load: nothing lost: every order the simulator lists for the sync's finished past days is "
                + "stored with its detail", "0 missing", r.ordersMissing() + " missing of "
                + fmt(r.ordersChecked()) + " (" + r.daysChecked() + " days)", "the simulator's own listing, after the"
                + " run", r.ordersMissing() == 0 && r.ordersChecked() > 0));
        notes.add("Load: narratives " + r.narratives() + " written, " + r.narrativesRefused()
                + " refused by the visitor's hourly limit or the concurrency cap (the facts stay on screen); exports "
                + "read at 160 KB/s, " + fmt(r.exportBytes() / 1_000_000) + " MB in all; the history import of "
                + s.historyMonths() + " months took " + String.format(Locale.ROOT, "%.0f s", r.importSeconds())
                + " before the load began. The app used " + String.format(Locale.ROOT, "%.0f %%", 100 * r.appCpuShare())
                + " of the two cores while the load ran; Chromium (its " + (s.browserTabs() + s.analyses()) + " tabs, at the"
                + " lowest CPU priority) and the clients took the rest, so page figures include the browser waiting for "
                + "a core.");
    }

    // ---- ingest --------------------------------------------------------------------------------------------

    void ingest() throws Exception {
        Path dir = fresh("ingest");
        IngestBenchmark.Result r = IngestBenchmark.run(size.ingestOrders(), dir);
        rows.add(new Row("ingest: parse order details and store them with items and flags (" + fmt(r.orders())
                + " orders, " + fmt(r.items()) + " items)", "≥ 20,000 orders/s", fmt(r.ordersPerSecond()) + " orders/s",
                fmt(r.baselineOrdersPerSecond()) + " orders/s by plain prepared batches (ratio "
                        + String.format(Locale.ROOT, "%.2f", r.ratio()) + "); parsing alone "
                        + fmt(r.orders() / (r.parseOnlyNanos() / 1e9)) + "/s on one core",
                r.ordersPerSecond() >= 20_000));
    }

    // ---- history import -------------------------------------------------------------------------------------

    void historyImport() throws Exception {
        Path zip = cl.andesops.opendata.ImportBenchmark.month(work, size.importOrdersPerDay());
        cl.andesops.opendata.ImportBenchmark.Result r = cl.andesops.opendata.ImportBenchmark.run(zip, fresh("import"));
        rows.add(new Row("history import: a month of purchase orders in the open-data format (" + fmt(r.orders())
                + " orders, " + fmt(r.items()) + " item rows, ZIP of " + fmt(r.zipBytes() / 1_000_000)
                + " MB) into the database, the search index and the Monitor's columns", "≥ 20,000 orders/s",
                fmt(r.ordersPerSecond()) + " orders/s (" + String.format(Locale.ROOT, "%.1f s", r.seconds())
                        + ", " + String.format(Locale.ROOT, "%.1f", r.cpuSeconds() / r.seconds())
                        + " cores busy)",
                "reading and parsing the file alone " + fmt(r.parseOrdersPerSecond()) + " orders/s on one core",
                r.ordersPerSecond() >= 20_000));
        Path before = cl.andesops.opendata.ImportBenchmark.month(work, size.importOrdersPerDay(),
                java.time.YearMonth.of(2026, 9));
        cl.andesops.opendata.ImportBenchmark.Result w = cl.andesops.opendata.ImportBenchmark.run(zip,
                fresh("import-next"), "", before);
        rows.add(new Row("history import: the same month into a table that already holds the month before, in a"
                + " process that imported it (as every month after the first of a history import)",
                "≥ 20,000 orders/s", fmt(w.ordersPerSecond()) + " orders/s (" + String.format(Locale.ROOT,
                "%.1f s", w.seconds()) + ", " + String.format(Locale.ROOT, "%.1f", w.cpuSeconds() / w.seconds())
                + " cores busy)", "heap at most " + fmt(w.liveHeapBytes() / 1_000_000) + " MB after a collection",
                w.ordersPerSecond() >= 20_000));
        notes.add("History import of one month: the heap held at most " + fmt(r.liveHeapBytes() / 1_000_000)
                + " MB after any collection while importing (" + fmt(r.heapBeforeBytes() / 1_000_000)
                + " MB before it: the running app); the month took " + fmt(r.dbBytes() / 1_000_000)
                + " MB of database (" + fmt(r.dbBytes() / Math.max(1, r.orders())) + " bytes per order with its items)"
                + " and the search indexes are " + fmt(r.indexBytes() / 1_000_000) + " MB.");
    }

    // ---- the Monitor's columns at five years ------------------------------------------------------------------

    void scale() {
        var r = cl.andesops.orders.monitor.ScaleBenchmark.run(size.scaleOrders(), LocalDate.of(2026, 11, 30), 7);
        for (var f : r.figures()) {
            rows.add(new Row("Monitor at " + fmt(r.rows()) + " orders (five years): " + f.filter(), "≤ 150 ms",
                    String.format(Locale.ROOT, "%.1f / %.1f ms (p50 / max)", f.p50(), f.max()),
                    fmt(f.orders()) + " orders in the period", f.p50() <= 150));
        }
        notes.add("Monitor at five years: the columns of " + fmt(r.rows()) + " orders take "
                + fmt(r.columnBytes() / 1_000_000) + " MB of heap (" + fmt(r.heapUsedBytes() / 1_000_000)
                + " MB measured), filled in memory with the shape of the real data and laid out as the history"
                + " import leaves them (newest month first).");
    }

    // ---- search --------------------------------------------------------------------------------------------

    void search() throws Exception {
        List<SearchBenchmark.Figure> figures = SearchBenchmark.run(size.tenders(), fresh("search"),
                size.searchRepetitions());
        Map<String, Map<String, SearchBenchmark.Figure>> byQuery = new LinkedHashMap<>();
        for (SearchBenchmark.Figure f : figures) {
            byQuery.computeIfAbsent(f.query(), k -> new LinkedHashMap<>()).put(f.engine(), f);
        }
        for (var e : byQuery.entrySet()) {
            SearchBenchmark.Figure lucene = e.getValue().get("Lucene");
            if (lucene == null) {
                continue;
            }
            StringBuilder baseline = new StringBuilder();
            e.getValue().forEach((engine, f) -> {
                if (!engine.equals("Lucene")) {
                    baseline.append(baseline.isEmpty() ? "" : "; ").append(engine).append(' ')
                            .append(ms(f.p50())).append(" / ").append(ms(f.p95()));
                }
            });
            rows.add(new Row("tender search + 2 facets + facet counts, " + fmt(size.tenders()) + " tenders: " + e.getKey(),
                    "p50 ≤ 5 ms, p95 ≤ 20 ms", ms(lucene.p50()) + " / " + ms(lucene.p95()) + " (p50 / p95)",
                    baseline.toString(), lucene.p50() <= 5 && lucene.p95() <= 20));
        }
    }

    // ---- a simulated year ----------------------------------------------------------------------------------

    Path year() throws Exception {
        Path dir = work.resolve("year-" + size.yearDays() + "x" + size.ordersPerDay());
        Path done = dir.resolve("loaded.txt");
        if (Files.exists(done)) {
            notes.add("The simulated year was reused from " + dir + " (" + Files.readString(done).strip() + ").");
            return dir;
        }
        deleteTree(dir);
        YearLoader.Loaded l = YearLoader.load(dir, size.yearDays(), size.ordersPerDay());
        String line = fmt(l.orders()) + " orders over " + size.yearDays() + " days loaded in "
                + String.format(Locale.ROOT, "%.0f s", l.seconds()) + " (" + fmt(l.orders() / l.seconds())
                + " orders/s through the sync's store path), database " + fmt(l.bytes() / 1_000_000) + " MB";
        Files.writeString(done, line);
        notes.add("Simulated year: " + line + ".");
        return dir;
    }

    private static String most(JdbcClient jdbc, String column) {
        return jdbc.sql("SELECT " + column + " FROM purchase_order WHERE has_detail = 1 AND " + column
                + " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
    }

    private static int yyyymmdd(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    // ---- Monitor KPIs and charts over the year --------------------------------------------------------------

    void monitor(Path year) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + year, "--andesops.storage.database-url=", "--andesops.sync.enabled=false", "--server.port=0",
                        "--andesops.mercadopublico.ticket=bench", "--andesops.mercadopublico.base-url=http://127.0.0.1:9",
                        "--andesops.mercadopublico.compra-agil-base-url=http://127.0.0.1:9", "--logging.level.root=WARN",
                        "--andesops.ai.order=groq", "--andesops.ai.groq.api-key=bench-key",
                        "--andesops.ai.groq.base-url=" + cl.andesops.testing.AiStub.shared().base("groq"))) {
            MonitorService monitor = ctx.getBean(MonitorService.class);
            long c0 = System.nanoTime();
            if (!monitor.awaitColumns(300)) {
                throw new IllegalStateException("The Monitor's columns did not load");
            }
            double columnsSeconds = (System.nanoTime() - c0) / 1e9;
            analysis(ctx);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ctx.getBean(cl.andesops.orders.OrderTextIndex.class).awaitIndexed();
            LocalDate today = LocalDate.now(cl.andesops.shared.format.Formats.CHILE);
            LocalDate yearAgo = today.minusDays(size.yearDays());
            String buyer = most(jdbc, "buyer_code");
            String supplier = most(jdbc, "supplier_code");
            String region = most(jdbc, "region");
            Map<String, OrderFilter> filters = new LinkedHashMap<>();
            OrderFilter yearAll = OrderFilter.none().withDates(yearAgo, today);
            filters.put("the whole year", yearAll);
            filters.put("last 30 days (the default)", OrderFilter.none());
            filters.put("year, type SE + state 6", yearAll.withTypes(java.util.Set.of("SE")).withStates(java.util.Set.of(6)));
            filters.put("year, region " + region, yearAll.withRegion(region));
            filters.put("year, the largest buyer", yearAll.withBuyer(buyer));
            filters.put("year, the largest supplier", yearAll.withSupplier(supplier));
            filters.put("year, amount $1M–$10M", yearAll.withAmount(1_000_000L, 10_000_000L));
            filters.put("year, text \"computador\"", yearAll.withText("computador"));
            double worst = 0;
            StringBuilder each = new StringBuilder();
            StringBuilder base = new StringBuilder();
            double worstBase = 0;
            for (var e : filters.entrySet()) {
                double ms = Double.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    ctx.publishEvent(new DataChanged(DataChanged.Dataset.ORDERS, DataChanged.UNKNOWN, List.of(), List.of()));
                    long t0 = System.nanoTime();
                    monitor.summary(e.getValue());
                    ms = Math.min(ms, (System.nanoTime() - t0) / 1e6);
                }
                double b = baseline(jdbc, e.getValue());
                worst = Math.max(worst, ms);
                worstBase = Math.max(worstBase, b);
                each.append(each.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(ms(ms));
                base.append(base.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(ms(b));
            }
            long orders = jdbc.sql("SELECT count(*) FROM purchase_order").query(Long.class).single();
            // the work was done: the Monitor counts every detailed order of the year
            long inYear = jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1 AND day BETWEEN :a AND :b")
                    .param("a", yyyymmdd(yearAgo)).param("b", yyyymmdd(today)).query(Long.class).single();
            long counted = monitor.summary(yearAll).orElseThrow().orders();
            if (counted != inYear || inYear == 0) {
                throw new IllegalStateException("The Monitor counted " + counted + " of the year's " + inYear + " orders");
            }
            rows.add(new Row("Monitor KPIs + all charts, " + fmt(orders) + " orders, cache cleared (best of 3): worst "
                    + "filter", "≤ 150 ms", ms(worst) + " (" + each + "); in-memory columns "
                    + fmt(monitor.columnBytes() / 1_000_000) + " MB, loaded " + String.format(Locale.ROOT, "%.1f",
                    columnsSeconds) + " s after the context was up", "plain GROUP BY over the orders table, same "
                    + "charts: worst " + ms(worstBase) + " (" + base + ")", worst <= 150));
        }
    }

    /**
     * A market-slice analysis over the most recent days that hold at least 10,000 orders: how long the facts take,
     * how big the prompt is (tokens, cl100k), and the time from the click to the first streamed token against a
     * local OpenAI-wire stub (so it measures our side: facts, prompt, request, first chunk).
     */
    private void analysis(ConfigurableApplicationContext ctx) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        var facts = ctx.getBean(cl.andesops.analysis.FactsService.class);
        var service = ctx.getBean(cl.andesops.analysis.AnalysisService.class);
        int target = Math.min(10_000, jdbc.sql("SELECT count(*) FROM purchase_order").query(Integer.class).single());
        LocalDate to = LocalDate.now(cl.andesops.shared.format.Formats.CHILE);
        LocalDate from = to;
        long orders = 0;
        for (int i = 0; i < 400 && orders < target; i++) {
            from = to.minusDays(i);
            int d = from.getYear() * 10_000 + from.getMonthValue() * 100 + from.getDayOfMonth();
            orders = jdbc.sql("SELECT count(*) FROM purchase_order WHERE day BETWEEN :a AND :b").param("a", d)
                    .param("b", to.getYear() * 10_000 + to.getMonthValue() * 100 + to.getDayOfMonth())
                    .query(Long.class).single();
        }
        var subject = cl.andesops.analysis.Subject.market(new cl.andesops.analysis.Subject.Slice(null, null, from, to));
        long t0 = System.nanoTime();
        var prepared = service.prepare(subject).orElseThrow();
        double factsMs = (System.nanoTime() - t0) / 1e6;
        var request = service.request(prepared.facts());
        var tokens = new org.springframework.ai.tokenizer.JTokkitTokenCountEstimator();
        int promptTokens = tokens.estimate(request.system()) + tokens.estimate(request.user());
        java.util.concurrent.CompletableFuture<Long> first = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        long click = System.nanoTime();
        var p = service.prepare(subject).orElseThrow();
        service.run(p, new cl.andesops.analysis.NarrativeLimits.Visitor("bench", "bench"),
                new cl.andesops.analysis.AnalysisService.Listener() {
            public void started(String provider, String model) { }

            public void text(String soFar) {
                first.complete((System.nanoTime() - click) / 1_000_000);
            }

            public void completed(cl.andesops.analysis.Analysis a) {
                done.complete(null);
            }

            public void failed(String message) {
                done.completeExceptionally(new IllegalStateException(message));
            }

            public void refused(String why) {
                done.completeExceptionally(new IllegalStateException(why));
            }
        });
        long firstToken = first.get(60, TimeUnit.SECONDS);
        done.get(60, TimeUnit.SECONDS);
        rows.add(new Row("analysis of a market slice of " + fmt(orders) + " orders (" + from + " to " + to + ")",
                "a small prompt; facts always shown", fmt(promptTokens) + " prompt tokens (cl100k); facts in "
                + ms(factsMs) + "; click to first streamed token " + fmt(firstToken) + " ms against a local stub",
                "the same orders as rows would be ~" + fmt(orders * 60) + " tokens (about 60 per order)", null));
    }

    /** The same KPIs and six charts as the Monitor computes, straight from the orders table. */
    private static double baseline(JdbcClient jdbc, OrderFilter f) {
        StringBuilder w = new StringBuilder(" WHERE has_detail = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        LocalDate from = f.from() == null ? LocalDate.now(cl.andesops.shared.format.Formats.CHILE).minusDays(29) : f.from();
        LocalDate to = f.to() == null ? LocalDate.now(cl.andesops.shared.format.Formats.CHILE) : f.to();
        w.append(" AND day BETWEEN :from AND :to");
        p.put("from", from.getYear() * 10_000 + from.getMonthValue() * 100 + from.getDayOfMonth());
        p.put("to", to.getYear() * 10_000 + to.getMonthValue() * 100 + to.getDayOfMonth());
        if (!f.types().isEmpty()) {
            w.append(" AND type IN (:types)");
            p.put("types", List.copyOf(f.types()));
        }
        if (!f.states().isEmpty()) {
            w.append(" AND state_code IN (:states)");
            p.put("states", List.copyOf(f.states()));
        }
        if (f.region() != null) {
            w.append(" AND region = :region");
            p.put("region", f.region());
        }
        if (f.buyerCode() != null) {
            w.append(" AND buyer_code = :buyer");
            p.put("buyer", f.buyerCode());
        }
        if (f.supplierCode() != null) {
            w.append(" AND supplier_code = :supplier");
            p.put("supplier", f.supplierCode());
        }
        if (f.minAmount() != null) {
            w.append(" AND amount_clp BETWEEN :min AND :max");
            p.put("min", f.minAmount());
            p.put("max", f.maxAmount());
        }
        if (f.hasText()) {
            w.append(" AND (name LIKE :like OR buyer_name LIKE :like OR supplier_name LIKE :like)");
            p.put("like", "%" + f.text() + "%");
        }
        long t0 = System.nanoTime();
        for (String q : List.of("SELECT count(*), sum(amount_clp), count(DISTINCT buyer_code), count(DISTINCT supplier_code) "
                        + "FROM purchase_order" + w, "SELECT day, count(*), sum(amount_clp) FROM purchase_order" + w + " GROUP BY day",
                "SELECT buyer_code, count(*), sum(amount_clp) AS a FROM purchase_order" + w + " GROUP BY 1 ORDER BY a DESC LIMIT 10",
                "SELECT supplier_code, count(*), sum(amount_clp) AS a FROM purchase_order" + w + " GROUP BY 1 ORDER BY a DESC LIMIT 10",
                "SELECT type, count(*), sum(amount_clp) FROM purchase_order" + w + " GROUP BY 1",
                "SELECT state_code, count(*), sum(amount_clp) FROM purchase_order" + w + " GROUP BY 1",
                "SELECT region, count(*), sum(amount_clp) FROM purchase_order" + w + " GROUP BY 1")) {
            var spec = jdbc.sql(q);
            p.forEach(spec::param);
            spec.query(rs -> { });
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    // ---- the packaged jar: startup, first render, push to many Monitors, heap per Monitor --------------------

    void packaged(Path year) throws Exception {
        String jar = System.getProperty("andesops.jar", "target/andesops-0.1.0-SNAPSHOT.jar");
        System.setProperty("andesops.jar", jar);
        Map<String, String> offline = Map.of("ANDESOPS_SYNC_ENABLED", "false", "MERCADO_PUBLICO_TICKET", "bench",
                "MERCADO_PUBLICO_BASE_URL", "http://127.0.0.1:9", "COMPRA_AGIL_BASE_URL", "http://127.0.0.1:9");

        // startup to health UP, plain and as the image runs it: extracted, with a JDK 25 AOT cache trained on this jar
        List<Long> plain = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (PackagedApp app = PackagedApp.startPlain(offline, year)) {
                plain.add(app.startup.toMillis());
            }
        }
        List<Long> aot = new ArrayList<>();
        String aotNote;
        try {
            if (PackagedApp.extracted().cache() == null) {
                throw new IllegalStateException("the training wrote no cache");
            }
            for (int i = 0; i < 3; i++) {
                try (PackagedApp app = PackagedApp.start(offline, year)) {
                    aot.add(app.startup.toMillis());
                }
            }
            aotNote = "extracted jar + -XX:AOTCache: " + aot.stream().map(v -> fmt(v) + " ms").toList();
        } catch (Exception | AssertionError e) {
            aotNote = "AOT cache could not be used: " + e.getMessage();
        }
        long bestPlain = median(plain);
        long bestAot = aot.isEmpty() ? Long.MAX_VALUE : median(aot);
        rows.add(new Row("start to /actuator/health UP, production jar, on the simulated year (median of 3)", "≤ 5 s",
                fmt(Math.min(bestPlain, bestAot)) + " ms" + (bestAot < bestPlain ? " with the AOT cache" : ""),
                "java -jar: " + plain.stream().map(v -> fmt(v) + " ms").toList() + "; " + aotNote,
                Math.min(bestPlain, bestAot) <= 5_000));

        // first render of / in Chromium, then many Monitors and heap per Monitor
        try (PackagedApp app = PackagedApp.start(offline, year, List.of("-Xmx1g"))) {
            ChromeDriver driver = Browser.open(1366, 1000);
            try {
                List<Long> renders = new ArrayList<>();
                for (int i = 0; i < size.renders(); i++) {
                    long t0 = System.nanoTime();
                    driver.get(app.uri("/").toString());
                    new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> (Boolean) ((JavascriptExecutor) d)
                            .executeScript("return document.querySelectorAll('#orders-grid vaadin-grid-cell-content a')"
                                    + ".length > 0 && document.querySelector('#chart-time[data-rendered]') != null"
                                    + " && document.getElementById('kpi-orders-value').textContent !== ''"));
                    renders.add((System.nanoTime() - t0) / 1_000_000);
                }
                long warm = median(renders.subList(1, renders.size()));
                rows.add(new Row("/ first render in headless Chromium (grid rows, KPIs, chart) on the year", "≤ 1,5 s",
                        fmt(warm) + " ms (median after the first)", "first load after start " + fmt(renders.getFirst())
                        + " ms; all " + renders, warm <= 1_500));
            } finally {
                driver.quit();
            }
            // heap per Monitor on this app, whose sync is off, so nothing else allocates or indexes meanwhile
            ChromeDriver tabsDriver = Browser.open(1000, 700, "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows");
            try {
                long[] before = new long[1];
                openMonitors(tabsDriver, app, size.monitors() + 1, () -> before[0] = heapAfterGc(app.pid()));
                long after = heapAfterGc(app.pid());
                double perMonitor = (after - before[0]) / 1e6 / size.monitors();
                rows.add(new Row("heap per open Monitor (" + size.monitors() + " more Monitors in Chromium tabs after "
                        + "the first, each its own HTTP session, on the year with the sync off; full GC before and "
                        + "after)", "≤ 1 MB; 200 in a 1 GB heap", String.format(Locale.ROOT, "%.2f MB", perMonitor),
                        fmt(before[0] / 1_000_000) + " MB heap before, " + fmt(after / 1_000_000) + " MB after",
                        perMonitor <= 1.0));
            } finally {
                tabsDriver.quit();
            }
        }
        monitors();
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Opens {@code n} Monitors in tabs, each on its own loopback address (its own cookies, so its own HTTP session,
     * as another user would have), each watching its orders KPI for a change; {@code afterFirst} runs once the first
     * is open, so that what the app sets up once (classes, caches) is not counted with the rest.
     */
    private static List<String> openMonitors(ChromeDriver driver, PackagedApp app, int n, Step afterFirst)
            throws Exception {
        List<String> tabs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                driver.switchTo().newWindow(WindowType.TAB);
            }
            driver.get(app.uri("/").toString().replace("//127.0.0.1:", "//127.0.0." + (i + 1) + ":"));
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("const k = document.getElementById('kpi-orders-value');"
                            + "return k != null && k.textContent !== '';"));
            // every change of the orders KPI, with its time: the wall clock, as the app's log has it (a tab's
            // performance.timeOrigin + now() drifts from it over minutes, and an update that now comes a few ms after
            // the commit was then dated before it and not counted)
            ((JavascriptExecutor) driver).executeScript("""
                    const k = document.getElementById('kpi-orders-value');
                    window.__last = k.textContent; window.__changes = [];
                    new MutationObserver(() => { if (k.textContent !== window.__last) {
                        window.__last = k.textContent;
                        window.__changes.push(Date.now()); } })
                      .observe(k, {childList: true, characterData: true, subtree: true});""");
            tabs.add(driver.getWindowHandle());
            if (i == 0 && afterFirst != null) {
                afterFirst.run();
            }
        }
        return tabs;
    }

    /**
     * {@code size.monitors} + 1 Monitors open in Chromium tabs on an app whose sync runs against its simulator: the
     * time from the commit that brings new orders (the sync's log line) to the last tab showing the new count.
     */
    private void monitors() throws Exception {
        Path dir = fresh("push");
        Map<String, String> env = Map.of("ANDESOPS_SIMULATOR_ORDERS_PER_DAY", "5000",
                "ANDESOPS_SIMULATOR_TENDERS_PER_DAY", "5", "ANDESOPS_SIMULATOR_COMPRA_AGIL_PER_DAY", "5",
                "ANDESOPS_SYNC_HISTORY_DAYS", "0", "ANDESOPS_SYNC_COMPRA_AGIL_HISTORY_DAYS", "0",
                "ANDESOPS_SIMULATOR_MIN_SPACING", "5ms");
        try (PackagedApp app = PackagedApp.start(env, dir, List.of("-Xmx1g",
                "-Dlogging.level.cl.andesops.sync.SyncEngine=DEBUG",
                "-Dlogging.level.cl.andesops.orders.ui.MarketMonitorView=DEBUG"))) {
            // tabs in the background are not throttled: they stand for Monitors on other people's screens
            ChromeDriver driver = Browser.open(1000, 700, "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows");
            try {
                List<String> tabs = openMonitors(driver, app, size.monitors() + 1, null);
                // three sync rounds that add orders, one after another: for each, every tab showing it (one commit
                // on two cores shared with 51 renderers says more about the renderers than about the push)
                List<Long> browserMs = new ArrayList<>();
                List<Long> serverMs = new ArrayList<>();
                int from = (int) app.logText().lines().count();
                boolean everyTab = true;
                for (int round = 0; round < 3; round++) {
                    long deadline = System.currentTimeMillis() + 120_000;
                    Long commit = null;
                    while (commit == null && System.currentTimeMillis() < deadline) {
                        Thread.sleep(500);
                        commit = newOrdersCommittedAt(app, from);
                    }
                    if (commit == null) {
                        break;
                    }
                    long last = 0;
                    int seen = 0;
                    long waitUntil = System.currentTimeMillis() + 15_000;
                    while (System.currentTimeMillis() < waitUntil) {
                        last = 0;
                        seen = 0;
                        for (String tab : tabs) {
                            driver.switchTo().window(tab);
                            // the first change at or after the commit: that commit's update reaching this tab
                            Number at = (Number) ((JavascriptExecutor) driver).executeScript(
                                    "return window.__changes.find(t => t >= arguments[0]) || 0;", commit);
                            if (at != null && at.doubleValue() > 0) {
                                seen++;
                                last = Math.max(last, at.longValue());
                            }
                        }
                        if (seen == tabs.size()) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                    everyTab &= seen == tabs.size();
                    browserMs.add(last - commit);
                    Long server = lastRefreshDone(app, from, commit, tabs.size());
                    serverMs.add(server == null ? -1 : server - commit);
                    from = (int) app.logText().lines().count();
                }
                if (browserMs.isEmpty()) {
                    notes.add("Push: no new orders were committed within two minutes; not measured.");
                    return;
                }
                long median = median(browserMs);
                notes.add("Push, server side: the last of the " + tabs.size() + " Monitors had its update ready "
                        + serverMs.stream().map(v -> v < 0 ? "(not seen in the log)" : fmt(v) + " ms").toList()
                        + " after each commit (its log line); the browser figures add the delivery and the work of "
                        + tabs.size() + " tabs' renderers on the same two cores.");
                rows.add(new Row("new orders committed by the sync shown on " + tabs.size() + " open Monitors",
                        "≤ 1 s to the last one", everyTab ? fmt(median) + " ms to the last, median of "
                        + browserMs.size() + " commits " + browserMs.stream().map(v -> fmt(v) + " ms").toList()
                        : "not every tab within 15 s " + browserMs,
                        "commit time from the sync's log line (ms clock of this machine); the server had the last "
                        + "update ready " + serverMs.stream().map(v -> fmt(v) + " ms").toList() + " after it",
                        everyTab && median <= 1_000));
            } finally {
                driver.quit();
            }
        }
    }

    /** The time (epoch millis) of the first commit of new orders logged after line {@code from}, if any yet. */
    /** When the last Monitor finished its first live refresh after the commit, from the view's debug lines. */
    private static Long lastRefreshDone(PackagedApp app, int from, long commit, int monitors) throws IOException {
        Map<String, Long> first = new java.util.HashMap<>();
        for (String line : app.logText().lines().skip(from).toList()) {
            int at = line.indexOf("Live refresh of Monitor ");
            if (at > 0 && line.indexOf(' ') > 0) {
                try {
                    long t = java.time.OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant()
                            .toEpochMilli();
                    String monitor = line.substring(at + 24).split(" ")[0];
                    if (t >= commit) {
                        first.putIfAbsent(monitor, t);
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    // another line shape
                }
            }
        }
        return first.size() < monitors ? null : first.values().stream().max(Long::compare).orElse(null);
    }

    /**
     * The first commit of new orders after log line {@code from} that came at least three seconds after the commit
     * before it, so that the first change a tab shows after it is this commit's and not a late one of the commit
     * before.
     */
    private static Long newOrdersCommittedAt(PackagedApp app, int from) throws IOException {
        List<String> lines = app.logText().lines().toList();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("Committed ORDERS: ") || line.indexOf(' ') <= 0) {
                continue;
            }
            long at;
            try {
                at = java.time.OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                continue; // another line shape
            }
            if (i >= from && !line.contains(": 0 added") && at - previous >= 3_000) {
                return at;
            }
            previous = at;
        }
        return null;
    }

    private static long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(List.of(jcmd, Long.toString(pid), "GC.run"));
        Thread.sleep(500);
        run(List.of(jcmd, Long.toString(pid), "GC.run"));
        String info = run(List.of(jcmd, Long.toString(pid), "GC.heap_info"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("No heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    // ---- the jar ---------------------------------------------------------------------------------------------

    void jar() throws Exception {
        Path jar = Path.of(System.getProperty("andesops.jar", "target/andesops-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            notes.add("No packaged jar at " + jar + ": its size was not measured.");
            return;
        }
        long bytes = Files.size(jar);
        List<String> biggest = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            zip.stream().filter(e -> e.getName().startsWith("BOOT-INF/lib/"))
                    .sorted((a, b) -> Long.compare(b.getSize(), a.getSize())).limit(4)
                    .forEach(e -> biggest.add(e.getName().substring(13) + " " + fmt(e.getSize() / 1_000_000.0) + " MB"));
        }
        rows.add(new Row("production jar", "≤ 100 MB", String.format(Locale.ROOT, "%.1f MB", bytes / 1e6),
                "largest parts: " + String.join(", ", biggest), bytes <= 100_000_000));
    }

    // ---- report ----------------------------------------------------------------------------------------------

    String report() throws Exception {
        StringBuilder b = new StringBuilder("# AndesOps benchmarks\n\n");
        b.append("Written by `bench/run ").append(size.name()).append("` (`cl.andesops.bench.BenchmarkSuite`) on ")
                .append(ZonedDateTime.now(cl.andesops.shared.format.Formats.CHILE)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz"))).append(".\n\n");
        b.append("Machine: ").append(machine()).append(".\n\n");
        b.append("Sizes: ingest ").append(fmt(size.ingestOrders())).append(" orders; search ").append(fmt(size.tenders()))
                .append(" tenders, ").append(size.searchRepetitions()).append(" timed runs per query after warm-up; year ")
                .append(size.yearDays()).append(" days × ~").append(fmt(size.ordersPerDay())).append(" orders; ")
                .append(size.monitors()).append(" Monitors.\n\n");
        b.append("| what | target | measured | baseline in the same run | met |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.what()).append(" | ").append(r.target()).append(" | ").append(r.measured())
                    .append(" | ").append(r.baseline()).append(" | ")
                    .append(r.met() == null ? "" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException e) {
            // not Linux
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + fmt(memory / 1_073_741_824.0)
                + " GB RAM, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Path fresh(String name) throws IOException {
        Path dir = work.resolve(name);
        deleteTree(dir);
        return Files.createDirectories(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed: " + out);
        }
        return out;
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v[v.length / 2];
    }

    static String fmt(long v) {
        return String.format(Locale.US, "%,d", v); // English number format in the report
    }

    static String fmt(double v) {
        return String.format(Locale.US, v >= 100 ? "%,.0f" : "%,.1f", v); // English number format in the report
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

}
