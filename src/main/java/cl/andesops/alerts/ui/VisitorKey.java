package cl.andesops.alerts.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;

import cl.andesops.alerts.AlertKey;
import cl.andesops.alerts.Watchlist;

/**
 * The visitor's private key in the browser: an HTTP-only cookie, remembered in the session for the pushes that come
 * without a request. Made only when the visitor first saves or follows something.
 */
final class VisitorKey {

    static final String COOKIE = "andesops_key";
    private static final String ATTRIBUTE = VisitorKey.class.getName();
    private static final Duration LIFE = Duration.ofDays(400);

    private VisitorKey() {
    }

    /** The key this browser holds, when it holds one that still works. */
    static Optional<AlertKey> current(Watchlist watchlist) {
        return secret().flatMap(watchlist::key);
    }

    /** The key this browser holds, made now when it holds none. */
    static AlertKey ensure(Watchlist watchlist, Locale locale) {
        Optional<AlertKey> k = current(watchlist);
        if (k.isPresent()) {
            return watchlist.language(k.get(), locale);
        }
        Watchlist.NewKey fresh = watchlist.createKey(locale);
        remember(fresh.secret());
        return fresh.key();
    }

    static Optional<String> secret() {
        VaadinSession session = VaadinSession.getCurrent();
        Object kept = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (kept instanceof String s) {
            return Optional.of(s);
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                if (session != null) {
                    session.setAttribute(ATTRIBUTE, c.getValue());
                }
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** Keeps a key in this browser (the cookie) and this session. */
    static void remember(String secret) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ATTRIBUTE, secret);
        }
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (response != null) {
            Cookie c = new Cookie(COOKIE, secret);
            c.setPath("/");
            c.setHttpOnly(true);
            c.setMaxAge((int) LIFE.toSeconds());
            c.setSecure(request != null && request.isSecure());
            // no SameSite here: over HTTPS the app's cookie processor makes it SameSite=None; Partitioned, which a
            // Space's iframe needs to keep it at all
            response.addCookie(c);
        }
    }
}
