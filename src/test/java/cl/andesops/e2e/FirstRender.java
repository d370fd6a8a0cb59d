package cl.andesops.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts the packaged jar on an existing data directory (a loaded year) and measures, in headless Chromium, the
 * time from navigation to the Monitor showing its first orders, KPIs and chart, five times.
 * {@code java ... cl.andesops.e2e.FirstRender DIR}
 */
public final class FirstRender {

    public static void main(String[] args) throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("ANDESOPS_SYNC_ENABLED", "false",
                "MERCADO_PUBLICO_TICKET", "bench", "MERCADO_PUBLICO_BASE_URL", "http://127.0.0.1:9",
                "COMPRA_AGIL_BASE_URL", "http://127.0.0.1:9"), Path.of(args[0]))) {
            System.out.println("startup to health UP: " + app.startup.toMillis() + " ms");
            ChromeDriver driver = Browser.open(1366, 1000);
            try {
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    driver.get(app.uri("/").toString());
                    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d)
                            .executeScript("return document.querySelectorAll('#orders-grid vaadin-grid-cell-content a')"
                                    + ".length > 0 && document.querySelector('#chart-time[data-rendered]') != null"
                                    + " && document.getElementById('kpi-orders-value').textContent !== ''"));
                    System.out.printf("first render %d: %d ms%n", i + 1, (System.nanoTime() - t0) / 1_000_000);
                }
                Browser.screenshot(driver, "monitor-year");
            } finally {
                driver.quit();
            }
        }
    }
}
