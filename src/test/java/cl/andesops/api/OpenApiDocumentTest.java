package cl.andesops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.testing.SyncedAppTest;

/**
 * The OpenAPI document is worth reading: a title, a version and a description, HTTP Basic on the admin operations
 * only, the problem answers besides the 200s, no catch-all operation; and Redocly's CLI finds no error in it
 * ({@code bin/test} installs it; CI never skips this).
 */
class OpenApiDocumentTest extends SyncedAppTest {

    @LocalServerPort int port;

    private JsonNode document() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), r.body());
        return JsonMapper.builder().build().readTree(r.body());
    }

    @Test
    void the_document_says_what_the_api_is_who_may_call_what_and_what_can_go_wrong() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("info").path("title").asString()).isEqualTo("AndesOps API");
        assertThat(doc.path("info").path("version").asString()).isEqualTo("v1");
        assertThat(doc.path("info").path("description").asString()).contains("HTTP Basic");
        assertThat(doc.path("components").path("securitySchemes").path(OpenApiConfig.BASIC).path("scheme")
                .asString()).isEqualTo("basic");
        doc.path("paths").properties().forEach(path -> {
            assertThat(path.getKey()).as("no catch-all operation").doesNotContain("**");
            path.getValue().properties().forEach(operation -> {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                boolean admin = path.getKey().startsWith("/api/v1/admin/");
                boolean privateLink = path.getKey().startsWith("/api/v1/alerts/feeds/")
                        || path.getKey().startsWith("/api/v1/alerts/calendar/");
                boolean keyed = path.getKey().startsWith("/api/v1/alerts") && !privateLink
                        && !path.getKey().equals("/api/v1/alerts/keys");
                assertThat(operation.getValue().path("security").toString()).as(name)
                        .isEqualTo(admin ? "[{\"" + OpenApiConfig.BASIC + "\":[]}]"
                                : keyed ? "[{\"" + AlertsApi.BEARER + "\":[]}]" : "[]");
                if (keyed) {
                    assertThat(responses.path("401").path("content").has("application/problem+json")).as(name)
                            .isTrue();
                }
                assertThat(responses.has("500")).as(name).isTrue();
                if (admin) {
                    assertThat(responses.has("401") && responses.has("403")).as(name).isTrue();
                }
                if (privateLink) {
                    // an address that opens nothing says no more than that
                    assertThat(responses.path("404").has("content")).as(name).isFalse();
                } else if (path.getKey().contains("{")) {
                    assertThat(responses.path("404").path("content").has("application/problem+json")).as(name).isTrue();
                }
            });
        });
        assertThat(doc.path("paths").has("/api/v1/admin/sync")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path(AlertsApi.BEARER).path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.path("paths").has("/api/v1/alerts/searches")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/alerts/mail/unsubscribe/{token}").isMissingNode())
                .as("the mails' pages are for people, not the API").isTrue();
        assertThat(doc.path("paths").path("/api/v1/orders").path("get").path("responses").has("400")).isTrue();
    }

    @Test
    void redocly_finds_no_error_in_the_document() throws Exception {
        document();
        String cli = System.getenv("ANDESOPS_REDOCLY");
        boolean required = "1".equals(System.getenv("ANDESOPS_REQUIRE_POSTGRES"));
        if (cli == null || !Files.isExecutable(Path.of(cli))) {
            assertThat(required).as("CI lints the document: bin/test installs @redocly/cli").isFalse();
            Assumptions.abort("Redocly's CLI is not installed (bin/test installs it): " + cli);
        }
        Process p = new ProcessBuilder(cli, "lint", "--format=stylish", "target/openapi.json").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.writeString(Path.of("target", "openapi-lint.txt"), out);
        assertThat(p.exitValue()).as(out).isZero();
    }
}
