package cl.andesops.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public API's bound per client address (the forwarded one behind a trusted proxy): a bucket of
 * {@code perMinute} requests, refilled at that rate, so a burst of a minute's worth passes and a script that asks
 * without pause gets {@code 429} with {@code Retry-After}, in seconds, instead of the CPU. The admin's requests
 * (with credentials) are the login throttle's to bound. Addresses are forgotten an hour after their last request,
 * and at most 100,000 are kept. {@code perMinute} 0 turns it off.
 */
final class ApiRateLimit extends OncePerRequestFilter {

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** Tokens left at a moment (milliseconds). */
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    ApiRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perMinute <= 0 || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = take(request.getRemoteAddr());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Demasiadas solicitudes desde esta dirección: a lo más " + perMinute + " por minuto. "
                + "Vuelva a intentar en " + wait + " s.\"}");
    }

    /** Takes a request from the address's bucket: 0 when it may go, else the whole seconds until it may. */
    long take(String address) {
        long now = clock.millis();
        Bucket b = buckets.get(address == null ? "unknown" : address, k -> new Bucket(perMinute, now));
        synchronized (b) {
            b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perMinute / 60_000.0);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) * 60.0 / perMinute));
        }
    }
}
