package cl.andesops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTest {

    static UsernamePasswordAuthenticationToken attempt(String address) {
        UsernamePasswordAuthenticationToken t = new UsernamePasswordAuthenticationToken("admin", "x");
        t.setDetails(new WebAuthenticationDetails(address, null));
        return t;
    }

    @Test
    void an_address_that_keeps_failing_is_locked_out_for_a_while_and_others_are_not() {
        Instant[] now = {Instant.parse("2026-11-27T12:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        LoginThrottle throttle = new LoginThrottle(new SecurityProperties("'self'", "", 3, Duration.ofMinutes(5), 120), clock);
        for (int i = 0; i < 2; i++) {
            throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.7"), new BadCredentialsException("no")));
        }
        assertThat(throttle.locked("10.0.0.7")).isFalse();
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.7"), new BadCredentialsException("no")));
        assertThat(throttle.locked("10.0.0.7")).isTrue();
        assertThat(throttle.locked("10.0.0.8")).isFalse();
        now[0] = now[0].plus(Duration.ofMinutes(6));
        assertThat(throttle.locked("10.0.0.7")).isFalse();

        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.9"), new BadCredentialsException("no")));
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.9"), new BadCredentialsException("no")));
        throttle.on(new AuthenticationSuccessEvent(attempt("10.0.0.9")));
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.9"), new BadCredentialsException("no")));
        assertThat(throttle.locked("10.0.0.9")).as("a success clears the count").isFalse();
    }
}
