package cl.andesops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The anonymous API's bound per address: a minute's worth at once, then 429 with Retry-After, refilled in time. */
class ApiRateLimitTest {

    private final Instant[] now = {Instant.parse("2026-12-06T12:00:00Z")};
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };

    private MockHttpServletResponse ask(ApiRateLimit limit, String address, String path, boolean credentials)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        request.setRemoteAddr(address);
        if (credentials) {
            request.addHeader("Authorization", "Basic YWRtaW46eA==");
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void an_address_gets_a_minutes_worth_then_429_with_retry_after_and_others_are_not_held() throws Exception {
        ApiRateLimit limit = new ApiRateLimit(60, clock);
        for (int i = 0; i < 60; i++) {
            assertThat(ask(limit, "203.0.113.9", "/api/v1/orders?q=-zzz" + i + "%20co", false).getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse refused = ask(limit, "203.0.113.9", "/api/v1/orders", false);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("60 por minuto");
        assertThat(ask(limit, "203.0.113.10", "/api/v1/orders", false).getStatus()).as("another address").isEqualTo(200);
        assertThat(ask(limit, "203.0.113.9", "/api/v1/admin/sync", true).getStatus()).as("the admin, with credentials")
                .isEqualTo(200);
        assertThat(ask(limit, "203.0.113.9", "/", false).getStatus()).as("pages are not the API").isEqualTo(200);
        now[0] = now[0].plus(Duration.ofSeconds(2));
        assertThat(ask(limit, "203.0.113.9", "/api/v1/orders", false).getStatus()).as("refilled at a second each")
                .isEqualTo(200);
    }

    @Test
    void zero_turns_the_bound_off() throws Exception {
        ApiRateLimit off = new ApiRateLimit(0, clock);
        for (int i = 0; i < 500; i++) {
            assertThat(ask(off, "203.0.113.9", "/api/v1/orders", false).getStatus()).isEqualTo(200);
        }
    }
}
