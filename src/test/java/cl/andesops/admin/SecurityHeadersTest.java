package cl.andesops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The headers a public deployment inside a Hugging Face Space needs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"andesops.storage.data-dir=target/test-data/headers",
                "andesops.security.space-host=owner-andesops.hf.space", "ADMIN_PASSWORD=headers-admin-pass"})
class SecurityHeadersTest {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, boolean https) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (https) {
            b.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "owner-andesops.hf.space");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pages_may_be_framed_only_by_hugging_face_and_the_space_itself() throws Exception {
        HttpResponse<String> page = get("/", false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'self' https://huggingface.co https://owner-andesops.hf.space")
                .contains("img-src 'self' data:").doesNotContain("*.hf.space");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        HttpResponse<String> api = get("/api/v1/sync/status", false);
        assertThat(api.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors");
    }

    @Test
    void pages_and_the_api_are_never_cached_and_static_files_keep_their_handlers_lifetimes() throws Exception {
        for (String path : java.util.List.of("/", "/tenders", "/api/v1/sync/status")) {
            HttpResponse<String> r = get(path, false);
            assertThat(r.headers().firstValue("Cache-Control")).as(path).get().asString().contains("no-store");
            assertThat(r.headers().firstValue("Pragma")).as(path).contains("no-cache");
        }
        // a "Pragma: no-cache" beside a file's max-age makes Chromium ask for it again on every page
        for (String path : java.util.List.of("/VAADIN/static/push/vaadinPush-min.js", "/lumo/lumo.css",
                "/andesops.css")) {
            HttpResponse<String> r = get(path, false);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Pragma")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Expires")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(path).doesNotContain("no-store")
                    .doesNotContain("no-cache");
        }
        assertThat(get("/VAADIN/static/push/vaadinPush-min.js", false).headers().firstValue("Cache-Control"))
                .get().asString().contains("max-age");
    }

    private HttpResponse<String> login(String origin, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + password));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_login_form_is_taken_from_this_site_only_not_posted_from_another() throws Exception {
        HttpResponse<String> evil = login("https://evil.example", "whatever");
        assertThat(evil.statusCode()).as("login CSRF: refused before the password is looked at").isEqualTo(403);
        assertThat(evil.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        HttpResponse<String> here = login("http://127.0.0.1:" + port, "wrong-password");
        assertThat(here.statusCode()).as("from here: judged, and refused for its password").isEqualTo(302);
        assertThat(here.headers().firstValue("Location")).get().asString().contains("error");
    }

    @Test
    void behind_an_https_proxy_the_session_cookie_is_samesite_none_and_secure() throws Exception {
        HttpResponse<String> page = get("/", true);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=None").contains("Secure").contains("HttpOnly").contains("Partitioned");
        HttpResponse<String> plain = get("/", false);
        plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .forEach(c -> assertThat(c).doesNotContain("SameSite=None"));
    }

    @Test
    void public_pages_and_api_need_no_login_but_the_admin_api_does() throws Exception {
        assertThat(get("/tenders", false).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/orders", false).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", false).statusCode()).isEqualTo(200);
        assertThat(get("/andesops.css", false).statusCode()).isEqualTo(200);
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/admin/sync?date=2026-01-05")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    }

    @Test
    void the_admin_api_refuses_a_request_a_browser_sends_from_another_site() throws Exception {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes());
        for (String[] h : new String[][]{{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/admin/sync?date=2026-01-05")).header(h[0], h[1]).header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(h[0]).isEqualTo(403);
            assertThat(r.body()).contains("otro sitio");
        }
        // the same path written otherwise (percent-encoded, doubled slashes, dot segments, ; parameters, case) is the
        // same admin operation, and is refused the same, even with the admin's own credentials
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:headers-admin-pass".getBytes());
        for (String path : java.util.List.of("/api/v1/%61dmin/sync", "/api/v1/admin%2Fsync", "/api//v1/admin/sync",
                "/api/v1/./admin/sync", "/api/v1/x/../admin/sync", "/api/v1/admin;a=b/sync", "/api/v1/ADMIN/sync",
                "/api/v1/%41%44%4D%49%4E/sync")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path
                    + "?date=2026-01-05")).header("Origin", "https://evil.example").header("Authorization", admin)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isNotEqualTo(202).isNotEqualTo(200);
            if (r.statusCode() != 400 && r.statusCode() != 404) {
                assertThat(r.statusCode()).as(path).isEqualTo(403);
            }
        }
        // same origin, or a script with no Origin: on to the credentials (wrong here)
        HttpResponse<String> same = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/admin/sync?date=2026-01-05")).header("Origin", "http://127.0.0.1:" + port)
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(same.statusCode()).isEqualTo(401);
    }
}
