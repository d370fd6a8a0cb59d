package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import cl.andesops.shared.format.Formats;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorSettings;

/**
 * The packaged app follows a simulated Mercado Público whose clock starts early in the day, so a new order is
 * published every two seconds. A Monitor opened in real Chromium shows the orders the sync stores next, without a
 * reload.
 */
class MonitorBrowserIT {

    @Test
    void an_order_stored_by_the_sync_appears_on_an_open_monitor_without_a_reload() throws Exception {
        Instant midnight = LocalDate.now(Formats.CHILE).atStartOfDay(Formats.CHILE).toInstant();
        // two minutes into the day: orders are listed once sent, a minute after they are made, so a few dozen are
        // there at the start and a new one is sent every two seconds from then on
        Clock simClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(),
                midnight.plus(Duration.ofMinutes(2))));
        SimulatorSettings settings = new SimulatorSettings(777, 0, 43_200, 0, 0, 300, Duration.ofMillis(3), true,
                1_000_000, "monitor-ticket", 0, false);
        try (SimulatorServer sim = SimulatorServer.start(settings, simClock);
             PackagedApp app = PackagedApp.start(Map.of("MERCADO_PUBLICO_TICKET", "monitor-ticket",
                     "MERCADO_PUBLICO_BASE_URL", sim.baseUrl().toString(),
                     "COMPRA_AGIL_BASE_URL", sim.baseUrl().toString(),
                     "ANDESOPS_MERCADOPUBLICO_MINSPACING", "3ms", "ANDESOPS_SYNC_HISTORYDAYS", "0",
                     "ANDESOPS_SYNC_POLLINTERVAL", "2s"), Files.createTempDirectory("andesops-monitor"))) {
            ChromeDriver driver = Browser.open(1366, 1000);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                long t0 = System.nanoTime();
                driver.get(app.uri("/").toString());
                wait.until(d -> !codesOnPage(d).isEmpty());
                long firstRender = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("[measure] / first render with orders: " + firstRender + " ms");
                ((JavascriptExecutor) driver).executeScript("window.__notReloaded = true;");
                Set<String> before = codesOnPage(driver);

                // orders the simulator publishes from now on must appear by push alone
                String newest = waitForNewCode(sim, before);
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> codesOnPage(d).contains(newest));
                assertThat(((JavascriptExecutor) driver).executeScript("return window.__notReloaded === true"))
                        .as("the page was not reloaded").isEqualTo(true);
                assertThat(driver.findElement(By.id("kpi-orders-value")).getText()).isNotEqualTo("0");
                wait.until(d -> !d.findElements(By.cssSelector("#chart-time[data-rendered='true'] svg")).isEmpty());
                // a live update of the charts (the commit that brings the new order's detail, which the figures
                // count) is drawn at once: an open Monitor does not animate every commit
                new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("a live update is not animated")
                        .until(d -> Boolean.FALSE.equals(((JavascriptExecutor) d).executeScript(
                                "return document.getElementById('chart-time')._chart.getOption().animation")));
                Browser.screenshot(driver, "monitor-light");
                // at 1,366 px every cell shows its whole text (names wrap) and no date breaks across lines
                Object cut = ((JavascriptExecutor) driver).executeScript("return Array.from(document"
                        + ".querySelectorAll('#orders-grid vaadin-grid-cell-content')).filter(c => c.offsetParent"
                        + " && c.textContent.trim() && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)");
                assertThat((List<?>) cut).as("cells whose text is cut").isEmpty();
                Object brokenDates = ((JavascriptExecutor) driver).executeScript("return Array.from(document"
                        + ".querySelectorAll('#orders-grid span.nowrap')).filter(s => s.offsetParent"
                        + " && s.getClientRects().length > 1).map(s => s.textContent)");
                assertThat((List<?>) brokenDates).as("dates on two lines").isEmpty();

                driver.findElement(By.id("theme-toggle")).click();
                wait.until(d -> "dark".equals(((JavascriptExecutor) d)
                        .executeScript("return document.documentElement.getAttribute('theme')")));
                Thread.sleep(500);
                Browser.screenshot(driver, "monitor-dark");
                driver.findElement(By.id("theme-toggle")).click();

                // on a phone: the filters fold away, nothing is wider than the screen, and the header's badges
                // do not cover the language picker
                driver.manage().window().setSize(new Dimension(390, 844));
                driver.navigate().refresh();
                wait.until(d -> !d.findElements(By.cssSelector("#chart-time[data-rendered='true'] svg")).isEmpty());
                Thread.sleep(800);
                Browser.screenshot(driver, "monitor-phone");
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertThat(js.executeScript("return document.getElementById('filters-panel').hasAttribute('opened')"))
                        .as("the filters fold away on a phone").isEqualTo(false);
                assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("nothing wider than the screen").isLessThanOrEqualTo(((Number) js.executeScript(
                                "return window.innerWidth")).intValue());
                assertThat(js.executeScript("const l = document.getElementById('language').getBoundingClientRect();"
                        + "return Array.from(document.querySelectorAll('#status-badges > span')).filter(b => {"
                        + "const r = b.getBoundingClientRect(); return r.width > 0 && r.left < l.right"
                        + " && r.right > l.left && r.top < l.bottom && r.bottom > l.top; }).length"))
                        .as("badges over the language picker").isEqualTo(0L);

                // every name leads somewhere: from the Monitor to a buyer, to one of its suppliers, back to the
                // buyer it sold to; from an order to its product's price reference, and back
                driver.manage().window().setSize(new Dimension(1366, 1000));
                driver.get(app.uri("/").toString());
                String buyer = (String) wait.until(d -> js.executeScript("const a = document.querySelector("
                        + "\"#orders-grid vaadin-grid-cell-content a[href^='buyers/']\"); if (!a) return null;"
                        + " a.click(); return a.getAttribute('href');"));
                wait.until(d -> d.getCurrentUrl().endsWith(buyer)
                        && !d.findElements(By.cssSelector("#buyer-suppliers-grid vaadin-grid-cell-content a")).isEmpty());
                Browser.screenshot(driver, "profile-buyer");
                String supplier = (String) wait.until(d -> js.executeScript("const a = document.querySelector("
                        + "\"#buyer-suppliers-grid vaadin-grid-cell-content a[href^='suppliers/']\"); if (!a) return null;"
                        + " a.click(); return a.getAttribute('href');"));
                wait.until(d -> d.getCurrentUrl().endsWith(supplier) && !d.findElements(By.cssSelector(
                        "#supplier-buyers-grid vaadin-grid-cell-content a[href='" + buyer + "']")).isEmpty());
                Browser.screenshot(driver, "profile-supplier");
                js.executeScript("document.querySelector(\"#supplier-buyers-grid vaadin-grid-cell-content a[href='"
                        + buyer + "']\").click()");
                wait.until(d -> d.getCurrentUrl().endsWith(buyer) && !d.findElements(By.id("buyer-months")).isEmpty());
                driver.get(app.uri("/").toString());
                String order = (String) wait.until(d -> js.executeScript("const a = document.querySelector("
                        + "\"#orders-grid vaadin-grid-cell-content a[href^='orders/']\"); if (!a) return null;"
                        + " a.click(); return a.getAttribute('href');"));
                String product = (String) wait.until(d -> d.getCurrentUrl().endsWith(order) ? js.executeScript(
                        "const a = document.querySelector(\"#order-items vaadin-grid-cell-content a[href^='products/']\");"
                        + " if (!a) return null; a.click(); return a.getAttribute('href');") : null);
                wait.until(d -> d.getCurrentUrl().endsWith(product)
                        && !d.findElements(By.cssSelector("#product-units-grid vaadin-grid-cell-content")).isEmpty());
                Browser.screenshot(driver, "profile-product");
                driver.navigate().back();
                wait.until(d -> d.getCurrentUrl().endsWith(order) && !d.findElements(By.id("order-items")).isEmpty());

                var errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertThat(errors).as("browser console errors").isEmpty();
            } finally {
                driver.quit();
            }
        }
    }

    private static String waitForNewCode(SimulatorServer sim, Set<String> seen) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> codes = sim.orderCodes(LocalDate.now(Formats.CHILE));
            if (!codes.isEmpty() && !seen.contains(codes.getLast())) {
                return codes.getLast();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The simulator published no new order");
    }

    @SuppressWarnings("unchecked")
    static Set<String> codesOnPage(org.openqa.selenium.WebDriver d) {
        // one script call: the grid re-renders while pushes arrive, so element handles go stale
        Object codes = ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
                + "'#orders-grid vaadin-grid-cell-content a')).map(a => a.textContent.trim()).filter(t => t)");
        return new HashSet<>((List<String>) codes);
    }
}
