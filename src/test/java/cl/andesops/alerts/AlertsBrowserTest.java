package cl.andesops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.e2e.Axe;
import cl.andesops.e2e.Browser;
import cl.andesops.mercadopublico.ListedTender;
import cl.andesops.mercadopublico.MercadoPublicoClient;
import cl.andesops.mercadopublico.Purpose;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.tenders.TenderWriter;
import cl.andesops.testing.MailStub;
import cl.andesops.testing.SyncedAppTest;
import cl.andesops.testing.TestClock;

/**
 * In Chromium: a search saved on /tenders with an address receives the tender the sync stores afterwards by push on
 * the bell, as an Atom entry and as a mail (after the address's confirmation) whose one-click unsubscription works;
 * a followed tender whose listing moves its closing date arrives the same three ways and in its calendar. The times
 * from the commit to each are logged (the closing note quotes them).
 */
class AlertsBrowserTest extends SyncedAppTest {

    private static final Logger log = LoggerFactory.getLogger(AlertsBrowserTest.class);

    @LocalServerPort int port;
    @Autowired TenderWriter tenders;
    @Autowired MercadoPublicoClient client;
    @Autowired JdbcClient jdbc;
    @Autowired DataVersions versions;
    @Autowired ApplicationEventPublisher events;
    @Autowired cl.andesops.sync.SyncEngine engine;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** What a browser sees of the alerts does not depend on the database: AlertsTest runs on both. */
    @org.junit.jupiter.api.BeforeAll
    static void onSqliteOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(cl.andesops.testing.PostgresTestDatabase.server() == null,
                "the browser test runs once, on SQLite");
    }

    @AfterEach
    void resume() {
        engine.resume();
    }

    @Test
    void a_saved_search_and_a_followed_tender_reach_the_bell_the_feed_the_mail_and_the_calendar() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM tender WHERE has_detail = 1 AND state_code = 5").query(Integer.class).single() > 1);
        cl.andesops.testing.StillData.pause(engine);
        List<String> open = jdbc.sql("SELECT code FROM tender WHERE has_detail = 1 AND state_code = 5 ORDER BY id")
                .query(String.class).list();
        TenderDetail model = client.tender(open.getFirst(), Purpose.BACKGROUND).orElseThrow();
        String followed = open.getLast();
        String email = "compras+" + System.nanoTime() + "@proveedora.cl";
        ChromeDriver driver = Browser.open(1366, 1000);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            JavascriptExecutor js = driver;
            driver.get(url("/tenders?q=zzvalvula"));
            wait.until(d -> !d.findElements(By.id("save-search")).isEmpty());
            driver.findElement(By.id("save-search")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#save-search-email input")).isEmpty());
            driver.findElement(By.cssSelector("#save-search-email input")).sendKeys(email);
            wait.until(d -> d.findElement(By.id("save-search-notice")).getText().contains("correos"));
            assertThat(driver.findElement(By.id("save-search-notice")).getText())
                    .as("saving with an address says that it sends mail").contains("enlace para confirmar");
            Browser.screenshot(driver, "alerts-save-dialog");
            driver.findElement(By.id("save-search-confirm")).click();
            wait.until(d -> d.findElements(By.id("save-search-dialog")).isEmpty()
                    || !d.findElement(By.id("save-search-dialog")).isDisplayed());
            String secret = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> driver.manage().getCookieNamed("andesops_key"), c -> c != null).getValue();
            assertThat(driver.manage().getCookieNamed("andesops_key").isHttpOnly()).isTrue();

            // the address is confirmed from the mail's link (its page's button posts)
            MimeMessage confirm = MailStub.shared().await(email, m -> true, 1, Duration.ofSeconds(20)).getFirst();
            String confirmUrl = AlertsTest.link(MailStub.text(confirm), "/api/v1/alerts/mail/confirm/");
            driver.get(local(confirmUrl));
            driver.findElement(By.cssSelector("form button")).click();
            wait.until(d -> d.getPageSource().contains("confirmado") || d.getPageSource().contains("confirmed"));

            // a tender with the search's word is committed while the Monitor is open: the bell moves by push
            driver.get(url("/"));
            wait.until(d -> !d.findElements(By.id("alert-bell")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#alert-bell > span")).isDisplayed()).isFalse();
            String code = "9990-" + (System.nanoTime() % 100000) + "-LE26";
            long t0 = System.nanoTime();
            commit(AlertsTest.copy(model, code, "Suministro de zzvalvula de compuerta", model.closesAt(), 5));
            wait.until(d -> "1".equals(d.findElement(By.cssSelector("#alert-bell > span")).getText()));
            long toBell = System.nanoTime() - t0;
            String feedUrl = searches(secret).get(0).path("feedUrl").asString();
            SyndFeed feed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> new SyndFeedInput()
                    .build(new StringReader(get(local(feedUrl)).body())), f -> !f.getEntries().isEmpty());
            long toFeed = System.nanoTime() - t0;
            assertThat(feed.getEntries().getFirst().getLink()).endsWith("/tenders/" + code);
            MimeMessage mail = MailStub.shared().await(email, m -> MailStub.text(m).contains(code), 1,
                    Duration.ofSeconds(30)).getFirst();
            long toMail = System.nanoTime() - t0;
            log.info("Commit to bell {} ms, to feed {} ms, to mail {} ms", toBell / 1_000_000, toFeed / 1_000_000,
                    toMail / 1_000_000);
            String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
            HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create(local(unsubscribe)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(oneClick.statusCode()).isEqualTo(200);
            assertThat(searches(secret).get(0).path("mail").asString()).isEqualTo("off");

            // a followed tender whose closing the listing moves: bell, feed, mail and calendar
            driver.get(url("/tenders/" + followed));
            wait.until(d -> !d.findElements(By.id("follow")).isEmpty());
            driver.findElement(By.id("follow")).click();
            wait.until(d -> d.findElement(By.id("follow")).getText().contains("Siguiendo"));
            Long closes = jdbc.sql("SELECT closes_at FROM tender WHERE code = :c").param("c", followed)
                    .query(Long.class).single();
            Instant moved = Instant.ofEpochMilli(closes).plus(Duration.ofDays(5));
            long t1 = System.nanoTime();
            var outcome = tenders.storeList(List.of(new ListedTender(followed, null, 5, moved)),
                    new java.util.HashMap<>());
            events.publishEvent(new DataChanged(DataChanged.Dataset.TENDERS, versions.committed(
                    DataChanged.Dataset.TENDERS), outcome.added(), outcome.changed()));
            wait.until(d -> "2".equals(d.findElement(By.cssSelector("#alert-bell > span")).getText()));
            long movedToBell = System.nanoTime() - t1;
            MimeMessage told = MailStub.shared().await(email, m -> MailStub.text(m).contains(followed), 1,
                    Duration.ofSeconds(30)).getFirst();
            long movedToMail = System.nanoTime() - t1;
            assertThat(MailStub.text(told)).contains("Cambió el cierre");
            String calendarUrl = follows(secret).get(0).path("calendarUrl").asString();
            String ics = get(local(calendarUrl)).body();
            assertThat(ics).contains("SEQUENCE:1", "UID:tender-" + followed + "@andesops",
                    "DTSTART;TZID=America/Santiago:" + java.time.format.DateTimeFormatter.ofPattern(
                            "yyyyMMdd'T'HHmmss").format(moved.atZone(cl.andesops.shared.format.Formats.CHILE)));
            String keyFeed = get(local(url("/api/v1/alerts/feeds/" + feedToken(calendarUrl)))).body();
            assertThat(new SyndFeedInput().build(new StringReader(keyFeed)).getEntries()).hasSize(2);
            log.info("Moved closing to bell {} ms, to mail {} ms", movedToBell / 1_000_000, movedToMail / 1_000_000);

            // the alerts page lists both, newest first, each linking to its record; then the bell is read
            driver.get(url("/alerts"));
            wait.until(d -> d.findElements(By.cssSelector("#alert-list li")).size() == 2);
            assertThat(driver.findElement(By.cssSelector("#alert-list li a")).getAttribute("href"))
                    .endsWith("/tenders/" + followed);
            assertThat(driver.findElement(By.id("private-link")).getAttribute("value")).contains("/alerts?clave=");
            Browser.screenshot(driver, "alerts-page");
            List<Axe.Violation> broken = Axe.run(driver);
            assertThat(broken.stream().filter(Axe.Violation::seriousOrWorse).toList()).as("axe on /alerts").isEmpty();
            driver.get(url("/"));
            wait.until(d -> !d.findElements(By.id("alert-bell")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("#alert-bell > span")).isDisplayed()).as("read on /alerts").isFalse();
            assertThat(js.executeScript("return document.getElementById('alert-bell').getAttribute('aria-label')"))
                    .isEqualTo("Alertas: nada nuevo");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(driver, "alerts-failure");
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "alerts-failure.html"),
                    driver.getPageSource());
            throw e;
        } finally {
            driver.quit();
        }
    }

    private void commit(TenderDetail d) {
        List<String> added = tenders.storeDetails(List.of(d));
        events.publishEvent(new DataChanged(DataChanged.Dataset.TENDERS, versions.committed(
                DataChanged.Dataset.TENDERS), added, List.of(d.code())));
    }

    private List<JsonNode> searches(String secret) throws Exception {
        return list("/api/v1/alerts/searches", secret);
    }

    private List<JsonNode> follows(String secret) throws Exception {
        return list("/api/v1/alerts/follows", secret);
    }

    private List<JsonNode> list(String path, String secret) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        json.readTree(r.body()).forEach(out::add);
        return out;
    }

    private static String feedToken(String calendarUrl) {
        String name = calendarUrl.substring(calendarUrl.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - ".ics".length());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + port);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Instant now() {
        return TestClock.CLOCK.instant();
    }
}
