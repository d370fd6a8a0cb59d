package cl.andesops.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form is taken from this site only. Vaadin exempts its login path from CSRF tokens, and inside a Space
 * the session cookie must be {@code SameSite=None}: a page elsewhere could post a password of its own and log a
 * visitor into a session it knows (login CSRF). A browser says where a form comes from ({@code Origin},
 * {@code Sec-Fetch-Site}); one from another site is refused before the password is looked at.
 */
final class SameOriginLogin extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod()) || !SameOriginAdmin.path(request).equals("/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SameOriginAdmin.crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("El acceso de administración no acepta formularios de otro sitio.");
            return;
        }
        chain.doFilter(request, response);
    }
}
