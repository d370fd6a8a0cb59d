package cl.andesops.admin;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin API answers scripts and same-site pages only: a request a browser sends from another site (it says so in
 * {@code Origin} or {@code Sec-Fetch-Site}) is refused before its credentials are looked at, so a page elsewhere
 * cannot use Basic credentials the browser remembers.
 */
final class SameOriginAdmin extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"La API de administración no "
                    + "acepta solicitudes de otro sitio\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return false; // a script (curl, a client library) sends none
        }
        try {
            URI o = URI.create(origin.strip());
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return !(request.getServerName().equalsIgnoreCase(o.getHost()) && port == request.getServerPort()
                    && request.getScheme().equalsIgnoreCase(o.getScheme()));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
