package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Search → detail in real Chromium against the packaged app on its built-in simulator. */
class SearchBrowserIT {

    @Test
    void a_user_searches_tenders_opens_one_and_browses_compra_agil() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("ANDESOPS_SIMULATOR_ORDERSPERDAY", "30",
                "ANDESOPS_SIMULATOR_TENDERSPERDAY", "20", "ANDESOPS_SYNC_HISTORYDAYS", "1",
                "ANDESOPS_SIMULATOR_COMPRAAGILPERDAY", "30"))) {
            ChromeDriver driver = Browser.open(1366, 1000);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
                // the active tenders arrive a few seconds after start: reload until the index has them
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                boolean found = false;
                while (!found && System.nanoTime() < deadline) {
                    driver.get(app.uri("/tenders").toString());
                    for (int i = 0; i < 25 && !found; i++) {
                        Thread.sleep(200);
                        found = !resultLinks(driver).isEmpty();
                    }
                }
                assertThat(found).as("tenders were synced and indexed").isTrue();
                WebElement input = driver.findElement(By.cssSelector("#tender-search input"));
                input.sendKeys("suministro");
                wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript(
                        "return location.search")).contains("q=suministro"));
                wait.until(d -> !resultLinks(d).isEmpty());
                assertThat(driver.findElements(By.cssSelector("#tender-results mark"))).isNotEmpty();
                Browser.screenshot(driver, "tenders-search");
                String href = resultLinks(driver).getFirst();
                driver.findElement(By.cssSelector("#tender-results a.hit-title[href='" + href + "']")).click();
                wait.until(d -> !d.findElements(By.id("tender-title")).isEmpty());
                assertThat(driver.getCurrentUrl()).contains(href);
                wait.until(d -> !d.findElements(By.cssSelector("#tender-items vaadin-grid-cell-content")).isEmpty());
                assertThat(driver.findElement(By.id("tender-official")).getText())
                        .as("a simulated tender says so instead of linking mercadopublico.cl")
                        .isEqualTo("Registro simulado (modo demo)");
                Browser.screenshot(driver, "tender-detail");

                // on a phone the results come first: the facets fold away above them
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                driver.get(app.uri("/tenders?q=suministro").toString());
                wait.until(d -> !resultLinks(d).isEmpty());
                Thread.sleep(500);
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertThat(js.executeScript("return document.getElementById('tender-facets-fold').hasAttribute('opened')"))
                        .isEqualTo(false);
                assertThat(((Number) js.executeScript("return document.querySelector('#tender-results a.hit-title')"
                        + ".getBoundingClientRect().top")).doubleValue()).as("the first result on the first screen")
                        .isLessThan(844);
                Browser.screenshot(driver, "tenders-phone");
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));

                // Compra Ágil is synced after the open tenders: reload until it has arrived
                long caDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                boolean ca = false;
                while (!ca && System.nanoTime() < caDeadline) {
                    driver.get(app.uri("/compra-agil").toString());
                    for (int i = 0; i < 25 && !ca; i++) {
                        Thread.sleep(200);
                        ca = !driver.findElements(By.cssSelector("#ca-grid vaadin-grid-cell-content a")).isEmpty();
                    }
                }
                assertThat(ca).as("Compra Ágil requests were synced").isTrue();
                Browser.screenshot(driver, "compra-agil");

                var errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                assertThat(errors).as("browser console errors").isEmpty();
            } finally {
                driver.quit();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> resultLinks(org.openqa.selenium.WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
                + "'#tender-results a.hit-title')).map(a => a.getAttribute('href'))");
    }
}
