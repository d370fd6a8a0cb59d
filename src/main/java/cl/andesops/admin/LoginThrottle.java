package cl.andesops.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address (the forwarded one behind a proxy); after a few in a row the address
 * is refused for a while, whatever password it tries. A success clears its count. Each failure and each lockout is
 * logged with the address (never the name or password tried); an address is forgotten an hour after its last
 * failure (or when its lockout ends, if later), and at most 100,000 are kept, so one who rotates addresses cannot
 * fill the memory.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Cache<String, Failures> failures;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        Duration forget = properties.lockout().compareTo(Duration.ofHours(1)) > 0 ? properties.lockout()
                : Duration.ofHours(1);
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(forget)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** The addresses remembered now: for tests. */
    long remembered() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    public boolean locked(String address) {
        return lockedFor(address).isPresent();
    }

    /** How long the address must still wait before it may try again; empty when it may try now. */
    public java.util.Optional<java.time.Duration> lockedFor(String address) {
        Failures f = failures.getIfPresent(key(address));
        Instant now = clock.instant();
        return f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil()) ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.Duration.between(now, f.lockedUntil()));
    }

    /** Whole minutes to wait, rounded up ("espere 5 minutos", never "0 minutos"). */
    public static long minutes(java.time.Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        Failures now = failures.asMap().compute(key(address), (k, f) -> {
            int count = (f == null ? 0 : f.count()) + 1;
            Instant until = count >= properties.maxFailedLogins() ? clock.instant().plus(properties.lockout()) : null;
            return new Failures(until != null ? 0 : count, until != null ? until : f == null ? null : f.lockedUntil());
        });
        if (now.count() == 0) {
            log.warn("Admin login refused to {} for {} after {} failures in a row", key(address),
                    properties.lockout(), properties.maxFailedLogins());
        } else {
            log.info("Failed admin login from {} ({} in a row)", key(address), now.count());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.invalidate(key(address(event.getAuthentication().getDetails())));
    }

    static String address(Object details) {
        return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
