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
 * {@code ANDESOPS_TRUSTED_PROXIES}, a comma-separated list of addresses and IPv4 prefixes ({@code 10.0.0.0/8}). Unset, Tomcat's private
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

    private static final Pattern IPV4 =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]+");

    /**
     * The list as one regular expression, or null when it is empty. A prefix that is not a whole number of octets
     * is narrowed to the next whole one ({@code 172.16.0.0/12} trusts {@code 172.16.*.*}): trusting less than asked,
     * never more. Anything else is refused at start with a message.
     */
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
            java.util.regex.Matcher m = IPV4.matcher(s);
            if (m.matches()) {
                int bits = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
                int keep = (Math.min(bits, 32) + 7) / 8;
                StringBuilder p = new StringBuilder();
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(m.group(i + 1));
                    if (octet > 255 || bits > 32) {
                        throw refused(s);
                    }
                    p.append(i == 0 ? "" : "\\.").append(i < keep ? Integer.toString(octet) : "\\d{1,3}");
                }
                parts.add(p.toString());
            } else if (IPV6.matcher(s).matches() && s.contains(":")) {
                parts.add(Pattern.quote(s));
            } else {
                throw refused(s);
            }
        }
        return parts.isEmpty() ? null : String.join("|", parts);
    }

    private static IllegalArgumentException refused(String item) {
        return new IllegalArgumentException("ANDESOPS_TRUSTED_PROXIES: «" + item + "» no es una dirección IP ni un "
                + "prefijo IPv4 (ejemplos: 10.0.0.0/8, 203.0.113.7, ::1)");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot adds the valve
    }
}
