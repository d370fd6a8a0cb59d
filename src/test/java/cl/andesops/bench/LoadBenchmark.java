package cl.andesops.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.e2e.Browser;
import cl.andesops.e2e.PackagedApp;
import cl.andesops.shared.format.Formats;
import cl.andesops.testing.AiStub;

/**
 * The public instance under load (issue #15): the packaged jar on a simulated year (its history months imported from
 * the simulator's open-data files first), the sync running against its simulator, and at once for {@code length}:
 * Monitors (each its own session, each receiving the sync's pushes, one changing its filter every few seconds), API
 * clients, slow exports read at 160 KB/s, and analyses whose narratives stream from a local model stub. A handful of
 * the Monitors are Chromium tabs, whose page loads say what a visitor sees; the rest are {@link PlainMonitor}s (the
 * page, the UI, the navigation and the push, without a browser), so that the browser's figures are not those of a
 * Chromium of fifty tabs fighting the app for two cores (#29). At the end: errors, p99 of API and page responses,
 * heap and WAL size, and whether the database holds every order the simulator lists for the days the sync finished.
 */
public final class LoadBenchmark {

    /** How big a run is. */
    public record Settings(Duration length, int monitors, int apiClients, int exports, int analyses,
                           int historyMonths, int browserTabs) {
        /** 50 Monitors: 6 in Chromium (4 of them hold the slow exports' pages, 2 change their filter), 44 plain. */
        public static final Settings FULL = new Settings(Duration.ofMinutes(10), 50, 20, 4, 2, 12, 6);
        public static final Settings SMALL = new Settings(Duration.ofSeconds(40), 3, 2, 1, 1, 1, 2);

        public int plainMonitors() {
            return Math.max(0, monitors - browserTabs);
        }
    }

    /** What a run measured. */
    public record Result(Settings settings, long importedOrders, double importSeconds, long apiRequests,
                         double apiP50, double apiP99, long apiErrors, long pageLoads, double pageP50, double pageP99,
                         long pageErrors, long exportsDone, long exportsRefused, long exportBytes, long exportErrors,
                         long analyses, double factsP50, double factsP99, long narratives, long narrativesRefused, long analysisErrors,
                         long heapEndBytes, long heapMaxBytes, long walBytes, int daysChecked, long ordersChecked,
                         long ordersMissing, long errorLines, double appCpuShare, double serverPageP50,
                         double serverPageP99, long serverPages, double serverApiP99, long plainLoads,
                         double plainP50, double plainP99, long plainErrors, long pushes, long pushBytes,
                         List<String> problems) {
        public long errors() {
            return apiErrors + pageErrors + exportErrors + analysisErrors + ordersMissing + errorLines + plainErrors;
        }
    }

    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reading speed of a slow export client. */
    private static final int SLOW_CHUNK = 16 * 1024;
    private static final long SLOW_PAUSE_MS = 100;

    private final Settings settings;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Long> apiNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> pageNanos = new ConcurrentLinkedQueue<>();
    /** A plain Monitor's page load: its page, its UI's init and its navigation answered (no drawing). */
    private final ConcurrentLinkedQueue<Long> plainNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong plainErrors = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> factsNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong apiErrors = new AtomicLong();
    private final AtomicLong pageErrors = new AtomicLong();
    private final AtomicLong exportsDone = new AtomicLong();
    private final AtomicLong exportsRefused = new AtomicLong();
    private final AtomicLong exportBytes = new AtomicLong();
    private final AtomicLong exportErrors = new AtomicLong();
    private final AtomicLong analyses = new AtomicLong();
    private final AtomicLong narratives = new AtomicLong();
    private final AtomicLong narrativesRefused = new AtomicLong();
    private final AtomicLong analysisErrors = new AtomicLong();
    private final AtomicLong heapMax = new AtomicLong();
    private long accessFrom;
    private final List<Long> serverPageMs = new ArrayList<>();
    private final List<Long> serverApiMs = new ArrayList<>();

    /** The app's share of the machine's cores while the load ran (the browsers and clients took the rest). */
    private double appCpuShare;
    private final List<String> buyers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> orderCodes = Collections.synchronizedList(new ArrayList<>());

    private LoadBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings s = args.length > 0 && args[0].equals("small") ? Settings.SMALL : Settings.FULL;
        if (args.length > 1) { // minutes: a shorter run of the same load, to look at it
            s = new Settings(Duration.ofMinutes(Long.parseLong(args[1])), s.monitors(), s.apiClients(), s.exports(),
                    s.analyses(), s.historyMonths(), s.browserTabs());
        }
        Result r = run(s, Files.createTempDirectory("andesops-load"));
        System.out.println(r);
        System.exit(r.errors() == 0 ? 0 : 1);
    }

    public static Result run(Settings settings, Path dir) throws Exception {
        return new LoadBenchmark(settings).go(dir);
    }

    private Result go(Path dir) throws Exception {
        AiStub stub = AiStub.shared();
        stub.reset();
        stub.chunkDelayMillis = 25; // a model that writes for a few seconds
        Map<String, String> env = Map.of("ANDESOPS_HISTORY_MONTHS", Integer.toString(settings.historyMonths()),
                "ANDESOPS_SYNC_HISTORY_DAYS", "7", "ANDESOPS_AI_ORDER", "groq", "GROQ_API_KEY", "bench-key",
                "GROQ_BASE_URL", stub.base("groq"),
                // the server's own time per request, beside what the clients see
                "SERVER_TOMCAT_ACCESSLOG_ENABLED", "true",
                // absolute: a relative directory is Tomcat's own temporary base directory's, not the run's
                "SERVER_TOMCAT_ACCESSLOG_DIRECTORY", dir.toAbsolutePath().toString(),
                "SERVER_TOMCAT_ACCESSLOG_PREFIX", "access", "SERVER_TOMCAT_ACCESSLOG_PATTERN", "%m %U%q %s %{ms}T");
        try (PackagedApp app = PackagedApp.start(env, dir, List.of("-Xmx1g"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long t0 = System.nanoTime();
            awaitImport(app, http);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            seed(app, http);

            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < settings.apiClients(); i++) {
                threads.add(Thread.ofVirtual().start(() -> apiClient(app, http)));
            }
            Thread heap = Thread.ofPlatform().daemon().start(() -> sampleHeap(app));
            ChromeDriver monitorsDriver = Browser.open(1000, 700, "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows");
            ChromeDriver analysisDriver = Browser.open(1200, 900);
            List<PlainMonitor> plain = new ArrayList<>();
            try {
                List<String> tabs = openMonitors(monitorsDriver, app);
                for (int i = 0; i < settings.plainMonitors(); i++) {
                    // each on its own loopback address, after the tabs': another visitor's
                    PlainMonitor m = new PlainMonitor(http, app.uri("/").toString().replace("//127.0.0.1:",
                            "//127.0.0." + (settings.browserTabs() + i + 1) + ":"));
                    plain.add(m);
                    openPlain(m, "");
                }
                List<Export> exports = exportLinks(monitorsDriver, tabs, app);
                for (Export e : exports) {
                    threads.add(Thread.ofVirtual().start(() -> slowExports(e)));
                }
                Thread analysis = Thread.ofPlatform().start(() -> analyses(analysisDriver, app));
                threads.add(analysis);
                long end = System.nanoTime() + settings.length().toNanos();
                double cpu0 = cpuSeconds(app.pid());
                accessFrom = accessLines(dir);
                long wall0 = System.nanoTime();
                // the Monitors: one tab after another changes its filter (a new page load), the rest stay open; the
                // tabs that export keep their page (a download link lives as long as its page)
                List<Object> rotating = new ArrayList<>(tabs.size() > exports.size()
                        ? tabs.subList(exports.size(), tabs.size()) : tabs);
                rotating.addAll(plain);
                int next = 0;
                while (System.nanoTime() < end) {
                    Object monitor = rotating.get(next++ % rotating.size());
                    if (monitor instanceof PlainMonitor m) {
                        openPlain(m, randomFilter());
                    } else {
                        monitorsDriver.switchTo().window((String) monitor);
                        loadMonitor(monitorsDriver, app, randomFilter(), tabs.indexOf(monitor));
                    }
                    Thread.sleep(Math.max(200, 12_000 / Math.max(1, settings.monitors())));
                }
                stop.set(true);
                appCpuShare = (cpuSeconds(app.pid()) - cpu0) / ((System.nanoTime() - wall0) / 1e9)
                        / Runtime.getRuntime().availableProcessors();
                serverTimes(dir);
                for (Thread t : threads) {
                    t.join(Duration.ofSeconds(60));
                }
                heap.interrupt();
            } finally {
                stop.set(true);
                plain.forEach(PlainMonitor::close);
                monitorsDriver.quit();
                analysisDriver.quit();
            }
            long heapEnd = heapAfterGc(app.pid());
            long wal = size(dir.resolve("andesops.db-wal"));
            // nothing lost: once the sync has finished its past days, the simulator's listing of each is in the database
            Map<LocalDate, List<String>> listed = awaitPastDays(app, http);
            app.close();
            long[] checked = compare(dir, listed);
            long errorLines = app.logText().lines().filter(l -> l.contains(" ERROR ")).peek(l -> problem("log: " + l))
                    .count();
            return new Result(settings, importedOrders(dir), importSeconds, apiNanos.size(), ms(apiNanos, 0.50),
                    ms(apiNanos, 0.99), apiErrors.get(), pageNanos.size(), ms(pageNanos, 0.50), ms(pageNanos, 0.99),
                    pageErrors.get(), exportsDone.get(), exportsRefused.get(), exportBytes.get(), exportErrors.get(),
                    analyses.get(), ms(factsNanos, 0.50), ms(factsNanos, 0.99), narratives.get(), narrativesRefused.get(),
                    analysisErrors.get(), heapEnd, heapMax.get(), wal, listed.size(), checked[0], checked[1],
                    errorLines, appCpuShare, pct(serverPageMs, 0.50), pct(serverPageMs, 0.99), serverPageMs.size(),
                    pct(serverApiMs, 0.99), plainNanos.size(), ms(plainNanos, 0.50), ms(plainNanos, 0.99),
                    plainErrors.get(), plain.stream().mapToLong(PlainMonitor::pushes).sum(),
                    plain.stream().mapToLong(PlainMonitor::pushBytes).sum(), List.copyOf(problems));
        }
    }

    // ---- the simulated year ------------------------------------------------------------------------------------

    private void awaitImport(PackagedApp app, HttpClient http) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = JSON.readTree(get(http, app.uri("/api/v1/import/status")).body());
            long months = 0;
            long open = 0;
            for (JsonNode m : s.path("months")) {
                months++;
                String state = m.path("state").asString();
                if (state.equals("QUEUED") || state.equals("DOWNLOADING") || state.equals("IMPORTING")) {
                    open++;
                }
            }
            if (months >= 3L * settings.historyMonths() && open == 0) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("The history import did not finish in 20 minutes");
    }

    /** Codes and buyers the clients ask for, taken from the API as a client would. */
    private void seed(PackagedApp app, HttpClient http) throws Exception {
        JsonNode page = JSON.readTree(get(http, app.uri("/api/v1/orders?size=200")).body());
        for (JsonNode o : page.path("items")) {
            orderCodes.add(o.path("code").asString());
        }
        LocalDate today = LocalDate.now(Formats.CHILE);
        JsonNode older = JSON.readTree(get(http, app.uri("/api/v1/orders?size=200&to=" + today.minusMonths(2)))
                .body());
        for (JsonNode o : older.path("items")) {
            orderCodes.add(o.path("code").asString());
        }
        for (int i = 0; i < 20 && i < orderCodes.size(); i++) {
            JsonNode d = JSON.readTree(get(http, app.uri("/api/v1/orders/" + orderCodes.get(i * 7 % orderCodes.size())))
                    .body());
            String buyer = d.path("buyerCode").asString("");
            if (!buyer.isEmpty() && !buyers.contains(buyer)) {
                buyers.add(buyer);
            }
        }
        if (orderCodes.isEmpty() || buyers.isEmpty()) {
            throw new IllegalStateException("The app holds no orders to ask for after the import");
        }
    }

    // ---- API clients -------------------------------------------------------------------------------------------

    private void apiClient(PackagedApp app, HttpClient http) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate today = LocalDate.now(Formats.CHILE);
        while (!stop.get()) {
            String path = switch (r.nextInt(7)) {
                case 0 -> "/api/v1/orders?size=50&page=" + r.nextInt(20);
                case 1 -> "/api/v1/orders?from=" + today.minusDays(r.nextInt(300)) + "&size=100&type=SE";
                case 2 -> "/api/v1/orders/" + orderCodes.get(r.nextInt(orderCodes.size()));
                case 3 -> "/api/v1/tenders?q=" + List.of("servicio", "computadores", "aseo", "medicos", "obras")
                        .get(r.nextInt(5)) + "&size=20";
                case 4 -> "/api/v1/compra-agil?size=50&page=" + r.nextInt(5);
                case 5 -> "/api/v1/orders?buyer=" + buyers.get(r.nextInt(buyers.size())) + "&minAmount=1000000";
                default -> "/api/v1/sync/status";
            };
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> resp = get(http, app.uri(path));
                apiNanos.add(System.nanoTime() - t0);
                if (resp.statusCode() != 200 && !(resp.statusCode() == 404 && path.startsWith("/api/v1/orders/"))) {
                    apiErrors.incrementAndGet();
                    problem("API " + resp.statusCode() + " " + path);
                }
            } catch (Exception e) {
                apiErrors.incrementAndGet();
                problem("API " + path + ": " + e);
            }
            sleep(500 + r.nextInt(500)); // a client that asks about once a second
        }
    }

    // ---- Monitors ----------------------------------------------------------------------------------------------

    /** Each tab on its own loopback address: its own cookies, so its own session, as another visitor's. */
    private List<String> openMonitors(ChromeDriver driver, PackagedApp app) throws Exception {
        List<String> tabs = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.monitors(), settings.browserTabs()); i++) {
            if (i > 0) {
                driver.switchTo().newWindow(WindowType.TAB);
            }
            loadMonitor(driver, app, "", i);
            tabs.add(driver.getWindowHandle());
        }
        return tabs;
    }

    private void loadMonitor(ChromeDriver driver, PackagedApp app, String query, int tab) {
        String base = app.uri("/").toString().replace("//127.0.0.1:", "//127.0.0." + (tab + 1) + ":");
        long t0 = System.nanoTime();
        try {
            driver.get(base + query);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("const k = document.getElementById('kpi-orders-value');"
                            + "return k != null && k.textContent !== '' && "
                            + "document.querySelector('#chart-time[data-rendered]') != null;"));
            pageNanos.add(System.nanoTime() - t0);
        } catch (RuntimeException e) {
            pageErrors.incrementAndGet();
            problem("Monitor " + query + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Opens a plain Monitor with a filter ({@code ?…} as a tab's address has it), timed. */
    private void openPlain(PlainMonitor m, String query) {
        try {
            plainNanos.add(m.open(query.startsWith("?") ? query.substring(1) : query));
        } catch (Exception e) {
            plainErrors.incrementAndGet();
            problem("plain Monitor " + query + ": " + e.toString().lines().findFirst().orElse(""));
        }
    }

    private String randomFilter() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate today = LocalDate.now(Formats.CHILE);
        return switch (r.nextInt(6)) {
            case 0 -> "?desde=" + today.minusMonths(12);
            case 1 -> "?desde=" + today.minusMonths(6) + "&tipo=SE";
            case 2 -> "?comprador=" + buyers.get(r.nextInt(buyers.size())) + "&desde=" + today.minusMonths(12);
            case 3 -> "?q=servicio";
            case 4 -> "?desde=0001-01-01&hasta=9999-12-31";
            default -> "";
        };
    }

    // ---- slow exports ------------------------------------------------------------------------------------------

    private record Export(String host, int port, String path, String cookie) {
    }

    /** The CSV link of the first tabs, over a year, with that tab's session cookie. */
    private List<Export> exportLinks(ChromeDriver driver, List<String> tabs, PackagedApp app) {
        List<Export> exports = new ArrayList<>();
        LocalDate today = LocalDate.now(Formats.CHILE);
        for (int i = 0; i < settings.exports() && i < tabs.size(); i++) {
            driver.switchTo().window(tabs.get(i));
            loadMonitor(driver, app, "?desde=" + today.minusMonths(12), i);
            String href = (String) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('export-csv').href;");
            var cookie = driver.manage().getCookieNamed("JSESSIONID");
            URI u = URI.create(href);
            exports.add(new Export(u.getHost(), u.getPort(), u.getRawPath()
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()), cookie == null ? ""
                    : "JSESSIONID=" + cookie.getValue()));
        }
        return exports;
    }

    /** Downloads the export again and again at 160 KB/s through a small receive window, as a slow phone would. */
    private void slowExports(Export e) {
        while (!stop.get()) {
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(SLOW_CHUNK);
                s.connect(new InetSocketAddress(e.host(), e.port()), 5_000);
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                out.write(("GET " + e.path() + " HTTP/1.1\r\nHost: " + e.host() + ":" + e.port() + "\r\nCookie: "
                        + e.cookie() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buffer = new byte[SLOW_CHUNK];
                int n = in.read(buffer);
                String head = n > 0 ? new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1) : "";
                long bytes = Math.max(0, n);
                if (head.startsWith("HTTP/1.1 429")) {
                    exportsRefused.incrementAndGet();
                    sleep(5_000);
                    continue;
                }
                if (!head.startsWith("HTTP/1.1 200")) {
                    exportErrors.incrementAndGet();
                    problem("export: " + head.lines().findFirst().orElse("(nothing)"));
                    sleep(5_000);
                    continue;
                }
                boolean cut = false;
                while ((n = in.read(buffer)) > 0) {
                    bytes += n;
                    exportBytes.addAndGet(n);
                    if (stop.get()) {
                        cut = true; // the visitor leaves mid-download
                        break;
                    }
                    Thread.sleep(SLOW_PAUSE_MS);
                }
                if (!cut) {
                    exportsDone.incrementAndGet();
                }
            } catch (Exception ex) {
                if (!stop.get()) {
                    exportErrors.incrementAndGet();
                    problem("export: " + ex);
                }
            }
        }
    }

    // ---- analyses ----------------------------------------------------------------------------------------------

    /** Tabs that open a buyer's analysis (facts), ask for its narrative and wait for it, one buyer after another. */
    private void analyses(ChromeDriver driver, PackagedApp app) {
        try {
            List<String> tabs = new ArrayList<>();
            for (int i = 0; i < settings.analyses(); i++) {
                if (i > 0) {
                    driver.switchTo().newWindow(WindowType.TAB);
                }
                tabs.add(driver.getWindowHandle());
            }
            int n = 0;
            while (!stop.get()) {
                String tab = tabs.get(n % tabs.size());
                driver.switchTo().window(tab);
                String host = "127.0.0." + (200 + n % tabs.size());
                String buyer = buyers.get(n++ % buyers.size());
                analyse(driver, app.uri("/analysis?kind=buyer&subject=" + buyer).toString()
                        .replace("127.0.0.1", host));
            }
        } catch (RuntimeException e) {
            analysisErrors.incrementAndGet();
            problem("analysis: " + e);
        }
    }

    private void analyse(ChromeDriver driver, String url) {
        JavascriptExecutor js = driver;
        try {
            long t0 = System.nanoTime();
            driver.get(url);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) js.executeScript(
                    "const f = document.getElementById('analysis-facts');"
                            + "const m = document.getElementById('analysis-message');"
                            + "return (f != null && f.offsetParent != null && f.textContent.length > 20)"
                            + " || (m != null && m.textContent.startsWith('No hay datos'));"));
            factsNanos.add(System.nanoTime() - t0);
            analyses.incrementAndGet();
            String status = (String) js.executeScript(
                    "return (document.getElementById('analysis-status') || {}).textContent || '';");
            if (status.contains("caché")) {
                return;
            }
            driver.findElement(By.id("analyse")).click();
            String[] end = new String[1];
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
                end[0] = (String) js.executeScript("const v = document.getElementById('verdict');"
                        + "const s = document.getElementById('analysis-status');"
                        + "const n = document.getElementById('narrative');"
                        + "return (v != null && v.offsetParent != null && v.textContent.length > 0 ? 'done ' : '')"
                        + " + (s == null ? '' : s.textContent) + ' ' + (n == null ? '' : n.textContent);");
                return end[0].startsWith("done ") || refused(end[0]) || end[0].contains("puede intentarlo de nuevo");
            });
            if (end[0].startsWith("done ")) {
                narratives.incrementAndGet();
            } else if (refused(end[0])) {
                narrativesRefused.incrementAndGet();
            } else {
                analysisErrors.incrementAndGet();
                problem("narrative: " + end[0].lines().findFirst().orElse(""));
            }
        } catch (RuntimeException e) {
            analysisErrors.incrementAndGet();
            problem("analysis " + url + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The sentences of {@code NarrativeLimits}: a bound reached, said plainly, the facts kept. */
    private static boolean refused(String status) {
        return status.contains("Ya pidió") || status.contains("presupuesto de análisis")
                || status.contains("Ahora mismo se escriben");
    }

    // ---- the end: heap, WAL, nothing lost ----------------------------------------------------------------------

    /**
     * Samples the heap, and keeps Chromium at the lowest CPU priority: its tabs stand for visitors' own machines, so
     * on these two shared cores the app is served first and its figures are the app's, not the browsers'.
     */
    private void sampleHeap(PackagedApp app) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                run(List.of("sh", "-c", "pgrep chromium | xargs -r renice -n 19 -p >/dev/null 2>&1 || true"));
                heapMax.accumulateAndGet(heapUsed(app.pid(), false), Math::max);
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                problem("heap: " + e);
            }
        }
    }

    /**
     * Waits until the sync has no open job for a past day, then lists those days on the simulator (the app's own,
     * whose address its log gives), spaced as its rules require.
     */
    private Map<LocalDate, List<String>> awaitPastDays(PackagedApp app, HttpClient http) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = JSON.readTree(get(http, app.uri("/api/v1/sync/status")).body());
            boolean open = false;
            for (JsonNode j : s.path("jobs")) {
                if (j.path("kind").asString().equals("DAY_ORDERS") && !j.path("state").asString().equals("DONE")
                        && !j.path("state").asString().equals("FAILED")) {
                    open = true;
                }
            }
            if (!open) {
                break;
            }
            Thread.sleep(2_000);
        }
        Matcher m = Pattern.compile("simulator listening on (http://\\S+)").matcher(app.logText());
        if (!m.find()) {
            throw new IllegalStateException("The app's log does not say where its simulator listens");
        }
        String sim = m.group(1);
        Map<LocalDate, List<String>> listed = new java.util.TreeMap<>();
        LocalDate today = LocalDate.now(Formats.CHILE);
        for (int i = 1; i <= 7; i++) {
            LocalDate day = today.minusDays(i);
            HttpResponse<String> r = get(http, URI.create(sim + "/servicios/v1/publico/ordenesdecompra.json?fecha="
                    + day.format(FECHA) + "&ticket=andesops-demo-ticket"));
            List<String> codes = new ArrayList<>();
            for (JsonNode o : JSON.readTree(r.body()).path("Listado")) {
                codes.add(o.path("Codigo").asString());
            }
            listed.put(day, codes);
            Thread.sleep(50); // the simulator's spacing
        }
        return listed;
    }

    /** [orders listed, of those missing or without their detail] for the days whose job is done. */
    private long[] compare(Path dir, Map<LocalDate, List<String>> listed) throws Exception {
        long checked = 0;
        long missing = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("andesops.db"))) {
            for (var e : listed.entrySet()) {
                try (PreparedStatement job = c.prepareStatement(
                        "SELECT state FROM sync_job WHERE kind = 'DAY_ORDERS' AND param = ?")) {
                    job.setString(1, e.getKey().toString());
                    try (ResultSet rs = job.executeQuery()) {
                        if (!rs.next() || !rs.getString(1).equals("DONE")) {
                            problem("the sync did not finish " + e.getKey() + ": not compared");
                            continue;
                        }
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT count(*) FROM purchase_order WHERE code = ? AND has_detail = 1")) {
                    for (String code : e.getValue()) {
                        p.setString(1, code);
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            checked++;
                            if (rs.getInt(1) != 1) {
                                missing++;
                                problem("missing " + code + " of " + e.getKey());
                            }
                        }
                    }
                }
            }
        }
        return new long[] {checked, missing};
    }

    private static long importedOrders(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("andesops.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM purchase_order")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void problem(String what) {
        if (problems.size() < 50) {
            problems.add(what);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long accessLines(Path dir) throws Exception {
        long n = 0;
        for (Path p : accessLogs(dir)) {
            try (var lines = Files.lines(p)) {
                n += lines.count();
            }
        }
        return n;
    }

    private static List<Path> accessLogs(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("access")).sorted().toList();
        }
    }

    /**
     * The server's time for the requests of the load window, from Tomcat's access log: page requests (a page's HTML,
     * Vaadin's round-trips: what builds and updates a Monitor or an analysis) and the API; not the push channel nor
     * downloads, which stay open by design.
     */
    private void serverTimes(Path dir) throws Exception {
        long skip = accessFrom;
        for (Path p : accessLogs(dir)) {
            for (String line : Files.readAllLines(p)) {
                if (skip-- > 0) {
                    continue;
                }
                String[] f = line.split(" ");
                if (f.length < 4) {
                    continue;
                }
                String path = f[1];
                long ms = Long.parseLong(f[3]);
                if (path.startsWith("/api/")) {
                    serverApiMs.add(ms);
                } else if (path.contains("v-r=uidl") || path.contains("v-r=init") || path.equals("/")
                        || path.startsWith("/?") || path.startsWith("/analysis")) {
                    serverPageMs.add(ms);
                }
            }
        }
    }

    private static double pct(List<Long> ms, double q) {
        long[] v = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length == 0 ? 0 : v[Math.min(v.length - 1, (int) Math.ceil(q * v.length) - 1)];
    }

    /** User + system CPU seconds of a process so far (Linux). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static long size(Path p) throws Exception {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    private static double ms(ConcurrentLinkedQueue<Long> nanos, double q) {
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length == 0 ? 0 : v[Math.min(v.length - 1, (int) Math.ceil(q * v.length) - 1)] / 1e6;
    }

    static long heapAfterGc(long pid) throws Exception {
        return heapUsed(pid, true);
    }

    private static long heapUsed(long pid, boolean gc) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        if (gc) {
            run(List.of(jcmd, Long.toString(pid), "GC.run"));
            Thread.sleep(500);
            run(List.of(jcmd, Long.toString(pid), "GC.run"));
        }
        Matcher m = Pattern.compile("used (\\d+)K").matcher(run(List.of(jcmd, Long.toString(pid), "GC.heap_info")));
        if (!m.find()) {
            throw new IllegalStateException("No heap figure from jcmd");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed: " + out);
        }
        return out;
    }
}
