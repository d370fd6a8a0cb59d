package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The production jar, started as an operator would, opened in real headless Chromium. */
class ShellBrowserIT {

    static PackagedApp app;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start(Map.of());
        driver = Browser.open(1366, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_shell_renders_in_spanish_with_no_console_errors_in_light_and_dark() throws Exception {
        driver.get(app.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.id("app-name")).isEmpty()
                && !d.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
        assertThat(driver.findElement(By.id("app-name")).getText()).isEqualTo("AndesOps");
        // read in one script: badges and nav re-render while sync progress is pushed, so handles go stale
        assertThat((List<Object>) ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'vaadin-side-nav-item')).map(e => e.textContent.trim())")).contains("Monitor de mercado");
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('badge-mode').textContent")).isEqualTo("Modo demo");
        wait.until(d -> !d.findElements(By.cssSelector("#orders-grid")).isEmpty());
        Browser.screenshot(driver, "shell-light");

        driver.findElement(By.id("theme-toggle")).click();
        wait.until(d -> "dark".equals(((JavascriptExecutor) d)
                .executeScript("return document.documentElement.getAttribute('theme')")));
        Browser.screenshot(driver, "shell-dark");

        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.id("app-name")).isEmpty());
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.getAttribute('theme')")).as("the dark choice is remembered")
                .isEqualTo("dark");
        driver.findElement(By.id("theme-toggle")).click();

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_first_visit_follows_the_browsers_language_and_the_systems_dark_mode() throws Exception {
        ChromeDriver english = Browser.open(1366, 900, "--lang=en-US");
        try {
            english.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
            english.get(app.uri("/").toString());
            WebDriverWait wait = new WebDriverWait(english, Duration.ofSeconds(60));
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
            assertThat((List<Object>) english.executeScript("return Array.from(document.querySelectorAll("
                    + "'vaadin-side-nav-item')).map(e => e.textContent.trim())")).contains("Market monitor");
            assertThat(english.executeScript("return document.title")).isEqualTo("Market monitor · AndesOps");
            assertThat(english.executeScript("return document.documentElement.lang"))
                    .as("the page's language, for screen readers and the charts' numbers").isEqualTo("en");
            assertThat(english.executeScript("return document.documentElement.getAttribute('theme')"))
                    .as("dark as the system is, with no choice made").isEqualTo("dark");
            english.findElement(By.id("theme-toggle")).click();
            wait.until(d -> !"dark".equals(((JavascriptExecutor) d)
                    .executeScript("return document.documentElement.getAttribute('theme')")));
            english.navigate().refresh();
            wait.until(d -> !d.findElements(By.id("app-name")).isEmpty());
            assertThat(english.executeScript("return document.documentElement.getAttribute('theme')"))
                    .as("the toggle's choice overrides the system's").isNotEqualTo("dark");
        } finally {
            english.quit();
        }
    }

    @Test
    void health_is_up_and_no_stack_trace_reaches_a_page() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var health = http.send(java.net.http.HttpRequest.newBuilder(app.uri("/actuator/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
        var missing = http.send(java.net.http.HttpRequest.newBuilder(app.uri("/api/v1/does-not-exist")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception", "at cl.andesops", "at org.springframework");
        assertThat(app.logText()).contains("Vaadin is running in production mode")
                // a clean start has no warning an operator cannot act on
                .doesNotContain("SpringDoc /v3/api-docs endpoint is enabled by default")
                .doesNotContain("Global AuthenticationManager configured with an AuthenticationProvider bean")
                .doesNotContain("vector incubator module is not readable");
    }
}
