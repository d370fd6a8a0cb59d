package cl.andesops.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the npm package's {@code axe.min.js} (its version in the file's first line, MPL 2.0: see
 * {@code src/test/resources/axe/LICENSE}), injected into the page the browser shows and run on the whole document,
 * open shadow roots included. To update it: {@code npm pack axe-core@VERSION} and copy {@code package/axe.min.js}.
 */
public final class Axe {

    /** One rule broken on a page: how bad, what it asks, how many elements, the first few of them. */
    public record Violation(String rule, String impact, String help, int count, List<String> examples) {

        public boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + count + "): " + help + "\n      " + String.join("\n      ", examples);
        }
    }

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is not on the test classpath (src/test/resources/axe)", e);
        }
    }

    /** Every WCAG 2.x A/AA and best-practice rule axe checks, on the page as it is now. */
    public static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE + "\n;window.axe = axe;");
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      rule: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                      examples: v.nodes.slice(0, 4).map(n => JSON.stringify(n.target) + ' ' + n.html.slice(0, 120).replace(/\s+/g, ' ')
                          + ' :: ' + String(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240))
                  })))))
                  .catch(e => done('ERROR ' + e));
                """);
        String json = String.valueOf(answer);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + json);
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : JsonMapper.builder().build().readTree(json)) {
            List<String> examples = new ArrayList<>();
            v.get("examples").forEach(e -> examples.add(e.asString()));
            violations.add(new Violation(v.get("rule").asString(), v.get("impact").asString(), v.get("help").asString(),
                    v.get("count").asInt(), examples));
        }
        return violations;
    }
}
