package cl.andesops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.format.Formats;
import cl.andesops.testing.SyncedAppTest;

/** The REST API over real HTTP: pages with totals, records by code, the sync endpoints, and clean 4xx answers. */
class ApiTest extends SyncedAppTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @org.springframework.beans.factory.annotation.Autowired cl.andesops.tenders.TenderSearch tenderSearch;

    @Test
    void orders_tenders_and_compra_agil_list_with_totals_and_open_by_code() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() ->
                jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Integer.class).single() > 50
                        && jdbc.sql("SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single() > 0
                        && jdbc.sql("SELECT count(*) FROM ca_request WHERE has_detail = 1").query(Integer.class)
                        .single() > 0);
        JsonNode page = json.readTree(get("/api/v1/orders?size=5").body());
        assertThat(page.get("items")).hasSize(5);
        assertThat(page.get("total").asLong()).isGreaterThan(50);
        String code = jdbc.sql("SELECT code FROM purchase_order WHERE has_detail = 1 LIMIT 1").query(String.class)
                .single();
        JsonNode order = json.readTree(get("/api/v1/orders/" + code).body());
        assertThat(order.get("code").asString()).isEqualTo(code);
        assertThat(order.get("items")).isNotEmpty();
        assertThat(order.get("simulated").asBoolean()).as("demo records say so").isTrue();
        assertThat(order.has("officialUrl")).as("a simulated code has no page on mercadopublico.cl").isFalse();
        assertThat(page.get("simulated").asBoolean()).isTrue();
        String buyer = order.get("buyerCode").asString();
        JsonNode byBuyer = json.readTree(get("/api/v1/orders?buyer=" + buyer + "&size=200").body());
        assertThat(byBuyer.get("items").valueStream()).allMatch(n -> n.get("code").asString().startsWith(buyer + "-"));

        JsonNode tenders = json.readTree(get("/api/v1/tenders?size=3").body());
        assertThat(tenders.get("total").asLong()).isPositive();
        String tender = jdbc.sql("SELECT code FROM tender WHERE has_detail = 1 LIMIT 1").query(String.class).single();
        assertThat(json.readTree(get("/api/v1/tenders/" + tender).body()).get("items")).isNotEmpty();
        // the API searches as the screen does: "medicos" finds "médicos" (a LIKE would find nothing)
        tenderSearch.awaitIndexed();
        List<String> accented = jdbc.sql("SELECT DISTINCT t.code FROM tender t JOIN tender_item i ON i.tender_id = t.id "
                + "WHERE i.product_name LIKE '%médicos%' OR t.name LIKE '%médicos%'").query(String.class).list();
        // the sync keeps committing tenders: compare the two at one moment, as many times as it takes
        JsonNode[] holder = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            tenderSearch.awaitIndexed();
            long direct = tenderSearch.search(cl.andesops.tenders.TenderQuery.text("medicos"), 0, 1).total();
            holder[0] = json.readTree(get("/api/v1/tenders?q=medicos&size=200").body());
            return holder[0].get("total").asLong() == direct;
        });
        JsonNode medicos = holder[0];
        if (!accented.isEmpty()) {
            assertThat(medicos.get("items").valueStream().map(n -> n.get("code").asString()).toList())
                    .containsAnyElementsOf(accented);
        }
        assertThat(get("/api/v1/tenders?page=50&size=200").statusCode()).isEqualTo(400);

        String ca = jdbc.sql("SELECT code FROM ca_request WHERE has_detail = 1 LIMIT 1").query(String.class).single();
        JsonNode request = json.readTree(get("/api/v1/compra-agil/" + ca).body());
        assertThat(request.get("products")).isNotEmpty();
        assertThat(json.readTree(get("/api/v1/compra-agil").body()).get("total").asLong()).isPositive();
        // the list's filters: still open (closing from now on, as the screen's "cierre=open"), and a window it has not
        String region = jdbc.sql("SELECT region FROM ca_request WHERE region IS NOT NULL GROUP BY region "
                + "ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
        long open = json.readTree(get("/api/v1/compra-agil?closing=open&region="
                + java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8)).body()).get("total")
                .asLong();
        assertThat(open).isEqualTo(jdbc.sql("SELECT count(*) FROM ca_request WHERE region = :r AND closes_at >= :now")
                .param("r", region).param("now", cl.andesops.testing.TestClock.CLOCK.millis()).query(Long.class)
                .single());
        assertThat(get("/api/v1/compra-agil?closing=later").statusCode()).isEqualTo(400);
    }

    @Test
    void bad_input_gets_a_clear_4xx_and_never_a_stack_trace() throws Exception {
        for (String path : new String[]{"/api/v1/orders?page=-1", "/api/v1/orders?size=100000",
                "/api/v1/orders?from=ayer", "/api/v1/orders?state=abc", "/api/v1/orders?sort=RANDOM",
                "/api/v1/tenders?state=x", "/api/v1/orders?from=%2B999999999-12-31",
                "/api/v1/orders?to=-999999999-01-01", "/api/v1/orders?from=0001-01-01&to=%2B10000-01-01"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("\"detail\"").doesNotContain("Exception", "\tat ")
                    .doesNotContain("Failed to convert"); // our own message, in Spanish, naming the parameter
        }
        assertThat(get("/api/v1/orders?from=ayer").body()).contains("Parámetro 'from' inválido");
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/orders")).header("Accept", "application/xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).as("a media type it cannot give is the client's error").isBetween(400, 499);
        HttpResponse<String> missing = get("/api/v1/orders/1-1-XX26");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("1-1-XX26");
        assertThat(get("/api/v1/nothing-here").statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No existe la orden 1-1-XX26");
        // a client that prefers English reads English
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/orders?from=ayer")).header("Accept-Language", "en-US,en;q=0.9").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("Invalid parameter 'from'");
        HttpResponse<String> englishMissing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/tenders/1-1-XX26")).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(englishMissing.body()).contains("There is no tender 1-1-XX26");
    }

    @Test
    void sync_status_says_progress_and_quota_and_the_admin_can_sync_a_day() throws Exception {
        JsonNode status = json.readTree(get("/api/v1/sync/status").body());
        assertThat(status.get("simulated").asBoolean()).isTrue();
        assertThat(status.get("quota").asInt()).isPositive();
        assertThat(status.get("progress").get("state").asString()).isIn("RUNNING", "IDLE");
        assertThat(status.get("jobs")).isNotEmpty();

        String day = cl.andesops.testing.TestClock.today().minusDays(3).toString();
        assertThat(post("/api/v1/admin/sync?date=" + day, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/admin/sync?date=" + day, "admin:wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = post("/api/v1/admin/sync?date=" + day, "admin:test-admin-password");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.body()).contains("\"job\"");
        assertThat(post("/api/v1/admin/sync?date=2999-01-01", "admin:test-admin-password").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/admin/sync?date=31-12-2025", "admin:test-admin-password").statusCode()).isEqualTo(400);
        HttpResponse<String> before = post("/api/v1/admin/import?dataset=oc&from=1890-01&to=1890-12",
                "admin:test-admin-password");
        assertThat(before.statusCode()).as("months before the open data begins").isEqualTo(400);
        assertThat(before.body()).contains("2007-01");
        HttpResponse<String> never = post("/api/v1/admin/import/discard?dataset=oc&month=2011-03",
                "admin:test-admin-password");
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(never.body()).contains("oc 2011-03").contains("nada que descartar");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' AND param = :d AND state = 'DONE'")
                .param("d", day).query(Integer.class).single() == 1);
    }

    @Test
    void the_api_is_documented_with_openapi() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/orders", "/api/v1/tenders/{code}", "/api/v1/compra-agil",
                "/api/v1/sync/status", "/api/v1/admin/sync");
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void out_of_range_paging_and_wrong_methods_are_problems_of_their_own_not_500() throws Exception {
        for (String path : List.of("/api/v1/orders?page=2147483647&size=200", "/api/v1/compra-agil?page=99999999&size=200",
                "/api/v1/orders?page=-1", "/api/v1/orders?size=0", "/api/v1/orders?page=abc")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
            assertThat(r.body()).as(path).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("at cl.");
        }
        for (String[] m : List.of(new String[]{"POST", "/api/v1/orders"}, new String[]{"DELETE", "/api/v1/tenders"},
                new String[]{"PUT", "/api/v1/sync/status"}, new String[]{"GET", "/api/v1/admin/import"})) {
            HttpResponse<String> r = send(m[0], m[1]);
            assertThat(r.statusCode()).as(m[0] + " " + m[1]).isIn(405, 401);
            if (r.statusCode() == 405) {
                assertThat(r.headers().firstValue("Allow")).as(m[0] + " " + m[1]).isPresent();
                assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            }
        }
        assertThat(send("POST", "/api/v1/orders").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/api/v1/no-such-thing").statusCode()).isEqualTo(404);
    }
}
