package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every screen of the packaged app, light and dark, checked by axe-core in Chromium: no serious or critical
 * violation. The full result per screen (every impact) is written to {@code target/axe/report.txt}.
 */
class AccessibilityIT {

    static final String PASSWORD = "axe-admin-pass-4242";

    @Test
    void every_screen_passes_axe_core_with_no_serious_or_critical_violation() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("ADMIN_PASSWORD", PASSWORD,
                "ANDESOPS_SIMULATOR_ORDERSPERDAY", "40", "ANDESOPS_SIMULATOR_TENDERSPERDAY", "20",
                "ANDESOPS_SYNC_HISTORYDAYS", "1", "ANDESOPS_SIMULATOR_COMPRAAGILPERDAY", "20",
                // slow enough that the first sync is still running while axe-core reads the first page
                "ANDESOPS_MERCADOPUBLICO_MINSPACING", "150ms"))) {
            ChromeDriver driver = Browser.open(1366, 1000);
            StringBuilder report = new StringBuilder();
            List<String> failures = new ArrayList<>();
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                // first, while the first sync runs (slowed to 150 ms a request): the header's badge then opens the
                // list of its jobs, and must be a button that may say so
                driver.get(app.uri("/").toString());
                // read in the page in one step: the header draws its badges again as the sync moves on, and an
                // element found first may be gone when its attribute is asked for (a stale reference failed CI once)
                String role = wait.until(d -> (String) ((JavascriptExecutor) d).executeScript("const b = document"
                        + ".querySelector(\"[id^='badge-'][aria-haspopup]\"); return b ? b.getAttribute('role') : null;"));
                assertThat(role).isEqualTo("button");
                for (String theme : List.of("light", "dark")) {
                    Browser.theme(driver, theme.equals("dark")); // returns once the colours are in place
                    List<Axe.Violation> found = Axe.run(driver);
                    String name = "/ while a sync runs (" + theme + ")";
                    report.append(name).append(": ").append(found.size()).append(" rules broken\n");
                    found.forEach(v -> report.append("    ").append(v).append('\n'));
                    found.stream().filter(Axe.Violation::seriousOrWorse).forEach(v -> failures.add(name + ": " + v));
                }
                ((JavascriptExecutor) driver).executeScript("document.documentElement.removeAttribute('theme')");
                String order = firstCode(app, "/api/v1/orders?size=1", Duration.ofSeconds(120));
                String tender = firstCode(app, "/api/v1/tenders?size=1", Duration.ofSeconds(120));
                String request = firstCode(app, "/api/v1/compra-agil?size=1", Duration.ofSeconds(180));
                JsonNode firstOrder = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(app.uri("/api/v1/orders?size=1").toString())).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("items").get(0);
                String buyer = firstOrder.get("buyerProfile").asString();
                String supplier = firstOrder.get("supplierProfile").asString();
                String product = "/products/" + JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(app.uri("/api/v1/orders/" + order).toString())).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("items").get(0).get("productCode")
                        .asString();
                Map<String, String> screens = new LinkedHashMap<>();
                screens.put("/", "#orders-grid");
                screens.put("/tenders", "#tender-results a.hit-title");
                screens.put("/tenders/" + tender, "#tender-title");
                // words found are highlighted: their marks must keep their contrast on both themes
                String word = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(app.uri("/api/v1/tenders?size=1").toString())).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("items").get(0).get("name").asString()
                        .split("[^\\p{L}]+")[0];
                screens.put("/tenders?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8),
                        "#tender-results mark");
                screens.put("/orders/" + order, "#order-items");
                screens.put("/compra-agil", "#ca-grid");
                screens.put("/compra-agil/" + request, "#ca-products");
                screens.put(buyer, "#buyer-suppliers-grid");
                screens.put(supplier, "#supplier-buyers-grid");
                screens.put(product, "#product-units-grid");
                screens.put("/parties?q=municipalidad", "#party-results a.party-hit");
                screens.put("/flags?meses=todo", "#flags-grid");
                screens.put("/flags/ca-few-quotes?meses=todo", "#flag-definition");
                screens.put("/buyers/999999999", "#not-found-search");
                screens.put("/analysis", "#analysis-view");
                screens.put("/login", "vaadin-login-form");
                screens.put("/admin", "#admin-quota");
                for (var screen : screens.entrySet()) {
                    if (screen.getKey().equals("/admin")) {
                        login(driver, wait, app);
                    }
                    driver.get(app.uri(screen.getKey()).toString());
                    wait.until(d -> !d.findElements(By.cssSelector(screen.getValue())).isEmpty());
                    Thread.sleep(1_500); // lazy parts (charts, grid rows) drawn
                    for (String theme : List.of("light", "dark")) {
                        Browser.theme(driver, theme.equals("dark"));
                        List<Axe.Violation> found = Axe.run(driver);
                        String name = screen.getKey().replace(order, "{code}").replace(tender, "{code}")
                                .replace(request, "{code}").replace(buyer, "/buyers/{code}")
                                .replace(supplier, "/suppliers/{rut}").replace(product, "/products/{code}") + " ("
                                + theme + ")";
                        long serious = found.stream().filter(Axe.Violation::seriousOrWorse).count();
                        report.append(name).append(": ").append(found.size()).append(" rules broken, ")
                                .append(serious).append(" serious or critical\n");
                        found.forEach(v -> report.append("    ").append(v).append('\n'));
                        found.stream().filter(Axe.Violation::seriousOrWorse)
                                .forEach(v -> failures.add(name + ": " + v));
                    }
                    ((JavascriptExecutor) driver).executeScript("document.documentElement.removeAttribute('theme')");
                }
            } finally {
                driver.quit();
                Path out = Path.of("target", "axe", "report.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            }
            assertThat(failures).as("serious or critical axe-core violations (target/axe/report.txt)").isEmpty();
        }
    }

    private static void login(WebDriver driver, WebDriverWait wait, PackagedApp app) {
        driver.get(app.uri("/login").toString());
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("admin");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The first record's code a list endpoint gives, once the sync has stored one. */
    private static String firstCode(PackagedApp app, String path, Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.uri(path).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode items = JsonMapper.builder().build().readTree(r.body()).path("items");
                if (!items.isEmpty()) {
                    return items.get(0).get("code").asString();
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("nothing synced at " + path + " within " + patience);
    }
}
