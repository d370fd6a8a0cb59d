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

        // an hour after its last failure an address is forgotten: two old failures and one new do not lock it
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.9"), new BadCredentialsException("no")));
        assertThat(throttle.remembered()).isPositive();
        now[0] = now[0].plus(Duration.ofMinutes(61));
        assertThat(throttle.remembered()).as("nothing kept of an hour ago").isZero();
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt("10.0.0.9"), new BadCredentialsException("no")));
        assertThat(throttle.locked("10.0.0.9")).isFalse();
    }

    @Test
    void every_failed_login_and_every_lockout_is_logged_with_its_address_and_never_the_password() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(LoginThrottle.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            LoginThrottle throttle = new LoginThrottle(new SecurityProperties("'self'", "", 3, Duration.ofMinutes(5),
                    120), Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < 6; i++) {
                UsernamePasswordAuthenticationToken t = new UsernamePasswordAuthenticationToken("admin",
                        "hunter2-secret");
                t.setDetails(new WebAuthenticationDetails("10.0.0.66", null));
                throttle.on(new AuthenticationFailureBadCredentialsEvent(t, new BadCredentialsException("no")));
            }
            assertThat(seen.list).hasSize(6).allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("10.0.0.66").doesNotContain("hunter2"));
            assertThat(seen.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).hasSize(2);
        } finally {
            logger.detachAppender(seen);
        }
    }
}
