package cl.andesops.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's headless Chromium driven by Debian's chromedriver: paths given, so Selenium downloads nothing. */
public final class Browser {

    private Browser() {
    }

    /**
     * A browser whose language is Chile's Spanish, as most of AndesOps's visitors' (the app follows the browser's
     * language on a first visit); {@code --lang=...} among the extra arguments chooses another.
     */
    public static ChromeDriver open(int width, int height, String... extraArguments) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.addArguments(extraArguments);
        String lang = java.util.Arrays.stream(extraArguments).filter(a -> a.startsWith("--lang=")).findFirst()
                .map(a -> a.substring("--lang=".length())).orElse("es-CL");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", lang));
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=" + lang,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Puts the page in the dark theme or back in the light one and returns once the colours are in place: the
     * components' colours change with CSS transitions, which a loaded machine can leave half-way for longer than any
     * fixed pause (axe-core then reads a colour between the two themes). Waits, at most 10 s, for every transition
     * running in the document and in its shadow roots to finish.
     */
    public static void theme(ChromeDriver driver, boolean dark) {
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(15));
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                if (arguments[0]) document.documentElement.setAttribute('theme', 'dark');
                else document.documentElement.removeAttribute('theme');
                const roots = [document];
                for (let i = 0; i < roots.length; i++) {
                  roots[i].querySelectorAll('*').forEach(e => { if (e.shadowRoot) roots.push(e.shadowRoot); });
                }
                // two frames: the new style is computed and its transitions have started
                requestAnimationFrame(() => requestAnimationFrame(() => {
                  const running = new Set(roots.flatMap(r => r.getAnimations())
                      .filter(a => typeof CSSTransition !== 'undefined' && a instanceof CSSTransition));
                  Promise.race([
                    Promise.all([...running].map(a => a.finished.catch(() => null))),
                    new Promise(r => setTimeout(r, 10000))
                  ]).then(() => requestAnimationFrame(() => done(running.size)));
                }));
                """, dark);
    }

    public static Path screenshot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
