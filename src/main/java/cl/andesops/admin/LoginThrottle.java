package cl.andesops.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address (the forwarded one behind a proxy); after a few in a row the address
 * is refused for a while, whatever password it tries. A success clears its count.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean locked(String address) {
        return lockedFor(address).isPresent();
    }

    /** How long the address must still wait before it may try again; empty when it may try now. */
    public java.util.Optional<java.time.Duration> lockedFor(String address) {
        Failures f = failures.get(key(address));
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
        failures.compute(key(address), (k, f) -> {
            int count = (f == null ? 0 : f.count()) + 1;
            Instant until = count >= properties.maxFailedLogins() ? clock.instant().plus(properties.lockout()) : null;
            return new Failures(until != null ? 0 : count, until != null ? until : f == null ? null : f.lockedUntil());
        });
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.remove(key(address(event.getAuthentication().getDetails())));
    }

    static String address(Object details) {
        return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
