package cl.andesops.parties.ui;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cl.andesops.parties.Parties;
import cl.andesops.parties.PartyIndex;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Rut;

/**
 * The HTTP status of a profile's address. Vaadin answers every page's first request with 200 and draws the view
 * after; a link checker, a crawler or a script that opens {@code /buyers/999} must learn from the status that there
 * is no such buyer (404), and from {@code /suppliers/77.740.881-5} that the address is malformed (400), as the page
 * itself then says.
 */
@Component
class ProfileStatus extends OncePerRequestFilter {

    private static final Pattern PROFILE = Pattern.compile("^/(buyers|suppliers|products)/([^/]+)/?$");
    private final Parties parties;
    private final PartyIndex index;

    ProfileStatus(Parties parties, PartyIndex index) {
        this.parties = parties;
        this.index = index;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equalsIgnoreCase(request.getMethod()) || request.getParameter("v-r") != null
                || !PROFILE.matcher(path(request)).matches();
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        try {
            return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PROFILE.matcher(path(request));
        int status = m.matches() ? status(m.group(1), m.group(2)) : HttpServletResponse.SC_OK;
        if (status == HttpServletResponse.SC_OK) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(status);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                if (sc != HttpServletResponse.SC_OK) {
                    super.setStatus(sc);
                }
            }
        });
    }

    /** 200 when the profile exists (or cannot be told yet), 404 when it does not, 400 for a RUT that is none. */
    int status(String kind, String key) {
        return switch (kind) {
            case "buyers" -> parties.buyer(key).isPresent() || parties.organismOfUnit(key).isPresent()
                    ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND;
            case "suppliers" -> Rut.parse(key).isEmpty() ? HttpServletResponse.SC_BAD_REQUEST
                    : parties.supplier(key).isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND;
            default -> PartyKeys.product(key).isEmpty() ? HttpServletResponse.SC_NOT_FOUND
                    : index.building() || index.known(PartyKeys.Kind.PRODUCT, key) ? HttpServletResponse.SC_OK
                    : HttpServletResponse.SC_NOT_FOUND;
        };
    }
}
