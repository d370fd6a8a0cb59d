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

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/v1/admin/");
    }

    /**
     * The path as the application will route it, not as it was sent: percent-decoded ({@code /api/v1/%61dmin}),
     * without {@code ;} parameters, repeated slashes and dot segments, and in one case; judged on the raw URI, an
     * encoded form passed the filter and still reached the admin's controller.
     */
    static String path(HttpServletRequest request) {
        String p = PATHS.getPathWithinApplication(request).replaceAll("/{2,}", "/");
        try {
            p = new URI(null, null, p, null).normalize().getPath();
        } catch (java.net.URISyntaxException e) {
            // not a path a URI can hold: judged as it is
        }
        return p.toLowerCase(java.util.Locale.ROOT);
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
