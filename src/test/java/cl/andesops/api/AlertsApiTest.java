package cl.andesops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.testing.SyncedAppTest;

/**
 * The alerts through the REST API: a key made by POST is the bearer token of everything else; searches and follows
 * are saved by a screen's address, listed, removed; each key holds at most so many; what is refused says why.
 */
class AlertsApiTest extends SyncedAppTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.alerts.AlertsProperties limits;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_key_saves_lists_and_removes_searches_and_follows() throws Exception {
        HttpResponse<String> made = send("POST", "/api/v1/alerts/keys", null, null);
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode key = json.readTree(made.body());
        String secret = key.path("key").asString();
        assertThat(key.path("link").asString()).endsWith("/alerts?clave=" + secret);

        HttpResponse<String> saved = send("POST", "/api/v1/alerts/searches", secret,
                "{\"name\":\"Guantes\",\"url\":\"/tenders?q=guantes&orden=closing\",\"digest\":\"daily\",\"hour\":7}");
        assertThat(saved.statusCode()).isEqualTo(201);
        JsonNode s = json.readTree(saved.body());
        assertThat(s.path("url").asString()).endsWith("/tenders?q=guantes");
        assertThat(s.path("digest").asString()).isEqualTo("daily");
        assertThat(s.path("mail").asString()).isEqualTo("none");
        assertThat(s.path("feedUrl").asString()).contains("/api/v1/alerts/feeds/");
        assertThat(send("GET", URI.create(s.path("feedUrl").asString()).getPath(), null, null).statusCode())
                .isEqualTo(200);
        assertThat(json.readTree(send("GET", "/api/v1/alerts/searches", secret, null).body())).hasSize(1);

        // a record's page is followed; following again answers the same follow
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single() > 0);
        String tender = jdbc.sql("SELECT code FROM tender WHERE has_detail = 1 LIMIT 1").query(String.class).single();
        HttpResponse<String> followed = send("POST", "/api/v1/alerts/follows", secret,
                "{\"url\":\"/tenders/" + tender + "\"}");
        assertThat(followed.statusCode()).isEqualTo(201);
        JsonNode f = json.readTree(followed.body());
        assertThat(f.path("kind").asString()).isEqualTo("TENDER");
        assertThat(f.path("calendarUrl").asString()).endsWith(".ics");
        assertThat(json.readTree(send("POST", "/api/v1/alerts/follows", secret, "{\"url\":\"/tenders/" + tender
                + "\"}").body()).path("id").asString()).isEqualTo(f.path("id").asString());
        assertThat(send("POST", "/api/v1/alerts/follows", secret, "{\"url\":\"/tenders/NO-SUCH-1\"}").statusCode())
                .isEqualTo(404);

        // the sync runs meanwhile: the followed tender may already have told of a change
        JsonNode page = json.readTree(send("GET", "/api/v1/alerts?size=10", secret, null).body());
        assertThat(page.path("size").asInt()).isEqualTo(10);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(page.path("items").size());
        assertThat(send("GET", "/api/v1/alerts?size=500", secret, null).statusCode()).isEqualTo(400);
        HttpResponse<String> deep = send("GET", "/api/v1/alerts?page=50000000&size=200", secret, null);
        assertThat(deep.statusCode()).as("no int overflow into a negative offset").isEqualTo(400);
        assertThat(json.readTree(deep.body()).path("detail").asString()).contains("100000");

        assertThat(send("DELETE", "/api/v1/alerts/searches/" + s.path("id").asString(), secret, null).statusCode())
                .isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/alerts/searches/" + s.path("id").asString(), secret, null).statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/alerts/follows/" + f.path("id").asString(), secret, null).statusCode())
                .isEqualTo(204);

        // a new key takes everything; the old one opens nothing
        send("POST", "/api/v1/alerts/searches", secret, "{\"name\":\"B\",\"url\":\"/compra-agil?q=papel\"}");
        JsonNode fresh = json.readTree(send("POST", "/api/v1/alerts/keys/replace", secret, null).body());
        assertThat(json.readTree(send("GET", "/api/v1/alerts/searches", fresh.path("key").asString(), null).body()))
                .hasSize(1);
        assertThat(send("GET", "/api/v1/alerts/searches", secret, null).statusCode()).isEqualTo(401);
    }

    @Test
    void what_is_refused_says_why_and_a_key_holds_at_most_its_limit() throws Exception {
        HttpResponse<String> none = send("GET", "/api/v1/alerts/searches", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(json.readTree(none.body()).path("detail").asString()).contains("POST /api/v1/alerts/keys");
        assertThat(send("GET", "/api/v1/alerts/searches", "not-a-key-at-all-xxxxxxxxx", null).statusCode())
                .isEqualTo(401);
        String secret = json.readTree(send("POST", "/api/v1/alerts/keys", null, null).body()).path("key").asString();
        HttpResponse<String> badUrl = send("POST", "/api/v1/alerts/searches", secret,
                "{\"name\":\"x\",\"url\":\"/parties?q=x\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badUrl.body()).path("detail").asString()).contains("/tenders");
        assertThat(send("POST", "/api/v1/alerts/searches", secret,
                "{\"name\":\"x\",\"url\":\"/tenders\",\"email\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/alerts/searches", secret,
                "{\"name\":\"x\",\"url\":\"/tenders\",\"digest\":\"hourly\"}").statusCode()).isEqualTo(400);
        for (int i = 0; i < limits.maxPerKey(); i++) {
            assertThat(send("POST", "/api/v1/alerts/searches", secret, "{\"name\":\"s" + i
                    + "\",\"url\":\"/tenders?q=w" + i + "\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> over = send("POST", "/api/v1/alerts/searches", secret,
                "{\"name\":\"one more\",\"url\":\"/tenders\"}");
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(json.readTree(over.body()).path("detail").asString()).contains(Integer.toString(limits.maxPerKey()));
        assertThat(send("GET", "/api/v1/alerts/calendar/AAAAAAAAAAAAAAAAAAAAAAAA.ics", null, null).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
