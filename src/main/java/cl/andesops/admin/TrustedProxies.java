package cl.andesops.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which addresses may tell the app who the client is ({@code X-Forwarded-For}, {@code X-Forwarded-Proto}):
 * {@code ANDESOPS_TRUSTED_PROXIES}, a comma-separated list of addresses and IPv4 prefixes ({@code 10.0.0.0/8},
 * {@code 172.16.0.0/12} is not a whole-octet prefix and is read as {@code 172.16.0.0/16}). Unset, Tomcat's private
 * ranges are trusted, as a Space's proxy is. The client is the rightmost address no trusted proxy added, so a visitor
 * cannot choose its own by sending the header, and the login throttle keys on it.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String list;

    TrustedProxies(@Value("${andesops.security.trusted-proxies:}") String list) {
        this.list = list;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String regex = regex(list);
        if (regex == null) {
            return;
        }
        for (Valve v : factory.getEngineValves()) {
            if (v instanceof RemoteIpValve remote) {
                remote.setInternalProxies(regex);
                remote.setTrustedProxies(null);
            }
        }
    }

    /** The list as one regular expression, or null when it is empty. */
    static String regex(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String item : list.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int slash = s.indexOf('/');
            if (slash < 0) {
                parts.add(Pattern.quote(s));
                continue;
            }
            String[] octets = s.substring(0, slash).split("\\.");
            int keep = Math.max(0, Math.min(4, Integer.parseInt(s.substring(slash + 1)) / 8));
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                p.append(i == 0 ? "" : "\\.").append(i < keep ? Pattern.quote(octets[i]) : "\\d{1,3}");
            }
            parts.add(p.toString());
        }
        return parts.isEmpty() ? null : String.join("|", parts);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot adds the valve
    }
}
