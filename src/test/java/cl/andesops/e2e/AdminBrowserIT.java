package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator logs in to the administration in real Chromium: a wrong password is refused, the right one opens
 * the screen, and no secret value reaches the page or the log.
 */
class AdminBrowserIT {

    static final String PASSWORD = "fake-admin-pass-8080";
    static final String[] SECRETS = {PASSWORD, "AIfake-e2e-gemini-4477", "gsk_fake_e2e_groq_5566"};

    @Test
    void the_admin_logs_in_and_sees_what_works_without_any_secret_on_the_page() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("ADMIN_PASSWORD", PASSWORD, "GEMINI_API_KEY", SECRETS[1],
                "GROQ_API_KEY", SECRETS[2], "GROQ_BASE_URL", "http://127.0.0.1:9",
                "ANDESOPS_SIMULATOR_ORDERSPERDAY", "30", "ANDESOPS_SYNC_HISTORYDAYS", "1"))) {
            ChromeDriver driver = Browser.open(1366, 1100);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                driver.get(app.uri("/admin").toString());
                wait.until(d -> d.getCurrentUrl().contains("/login"));
                login(driver, wait, "wrong-password");
                wait.until(d -> d.getCurrentUrl().contains("error"));
                assertThat(driver.findElements(By.id("admin-view"))).isEmpty();

                login(driver, wait, PASSWORD);
                wait.until(d -> !d.findElements(By.id("admin-view")).isEmpty());
                wait.until(d -> !d.findElements(By.cssSelector("#admin-variables vaadin-grid-cell-content")).isEmpty());
                driver.findElement(By.id("probe-v1")).click();
                wait.until(d -> d.findElement(By.id("probe-result-v1")).getText().startsWith("✔"));
                driver.findElement(By.id("probe-groq")).click();
                wait.until(d -> d.findElement(By.id("probe-result-groq")).getText().startsWith("✘"));
                Browser.screenshot(driver, "admin");

                String page = driver.getPageSource() + ((JavascriptExecutor) driver)
                        .executeScript("return document.body.innerText");
                String log = app.logText();
                for (String secret : SECRETS) {
                    assertThat(page).as("the page").doesNotContain(secret);
                    assertThat(log).as("the log").doesNotContain(secret);
                }
                driver.findElement(By.id("logout")).click();
                wait.until(d -> !d.findElements(By.id("login-link")).isEmpty());
            } finally {
                driver.quit();
            }
        }
    }

    private static void login(ChromeDriver driver, WebDriverWait wait, String password) {
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        WebElement user = driver.findElement(By.cssSelector("vaadin-login-form input[name='username']"));
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        user.clear();
        user.sendKeys("admin");
        pass.clear();
        pass.sendKeys(password, Keys.ENTER);
    }
}
