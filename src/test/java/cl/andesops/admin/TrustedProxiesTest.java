package cl.andesops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With ANDESOPS_TRUSTED_PROXIES naming the real proxy, a visitor who connects directly cannot choose its address by
 * sending X-Forwarded-For: rotating it does not escape the login throttle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "andesops.storage.data-dir=target/test-data/trusted-proxies",
        "andesops.security.trusted-proxies=10.9.9.9, 192.0.2.0/24", "ADMIN_PASSWORD=right-password"})
class TrustedProxiesTest {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    int post(String password, String forwardedFor) throws Exception {
        return send(password, forwardedFor).statusCode();
    }

    HttpResponse<String> send(String password, String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/admin/sync?date=2026-01-05")).header("X-Forwarded-For", forwardedFor)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_visitor_cannot_rotate_x_forwarded_for_past_the_login_throttle() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(post("wrong", "203.0.113." + i)).isEqualTo(401);
        }
        // the sixth, with the right password and yet another address, is still the same visitor: locked, and told
        // how long to wait rather than given a bare 401 that invites the next try
        HttpResponse<String> locked = send("right-password", "203.0.113.99");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isBetween(240L, 300L);
        assertThat(locked.body()).contains("espere 5 minutos");
    }

    @Test
    void the_list_reads_addresses_and_prefixes() {
        String regex = TrustedProxies.regex("10.9.9.9, 192.0.2.0/24");
        assertThat("10.9.9.9").matches(regex);
        assertThat("192.0.2.77").matches(regex);
        assertThat("127.0.0.1").doesNotMatch(regex);
        assertThat("10.9.9.19").doesNotMatch(regex);
        assertThat(TrustedProxies.regex(" ")).isNull();
        // a prefix between octets trusts less than asked, never more
        String twelve = TrustedProxies.regex("172.16.0.0/12");
        assertThat("172.16.4.4").matches(twelve);
        assertThat("172.99.4.4").doesNotMatch(twelve);
        for (String bad : java.util.List.of("abc/xx", "10/8", "300.1.1.1", "10.0.0.0/40", "proxy.example")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustedProxies.regex(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANDESOPS_TRUSTED_PROXIES");
        }
    }
}
