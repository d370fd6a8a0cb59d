package cl.andesops.admin;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import cl.andesops.admin.ui.LoginView;

/**
 * Everything is public and read-only except the administration: the {@code admin} user logs in to {@code /admin}
 * through a form and to {@code /api/v1/admin/**} with HTTP Basic. Headers are set for life inside a Hugging Face
 * Space: framing only by huggingface.co and the Space's own domain, no sniffing, a strict referrer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, LoginThrottle throttle,
                            java.time.Clock clock) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(new ThrottledBasic(throttle)))
                // a stateless API authenticated on every request: no session, so no CSRF to forge; a browser's
                // cross-site request to the admin API (which could carry remembered Basic credentials) is refused
                // an anonymous address may ask so much a minute; then 429 with Retry-After
                .addFilterBefore(new ApiRateLimit(properties.apiPerMinute(), clock), org.springframework.security
                        .web.authentication.www.BasicAuthenticationFilter.class)
                .addFilterBefore(new SameOriginAdmin(), org.springframework.security.web.authentication.www
                        .BasicAuthenticationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        headers(http, properties);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadin(HttpSecurity http, SecurityProperties properties) throws Exception {
        // our stylesheet, icon and the Lumo theme are public like the pages that use them
        // and the error page, where a 401 of any chain is rendered
        http.authorizeHttpRequests(a -> a.requestMatchers("/andesops.css", "/icons/**", "/lumo/**", "/aura/**",
                "/error").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class, "/"));
        // Vaadin takes its login form without a CSRF token: from this site only, then
        http.addFilterBefore(new SameOriginLogin(), org.springframework.security.web.authentication
                .UsernamePasswordAuthenticationFilter.class);
        // applied after Vaadin's own initialisation, which would otherwise put back X-Frame-Options
        http.with(new LateHeaders(properties), Customizer.withDefaults());
        return http.build();
    }

    /**
     * HTTP Basic's challenge, except for an address the throttle refuses: a 429 that says how long to wait (with
     * {@code Retry-After}) rather than a bare 401 that invites the next try.
     */
    static final class ThrottledBasic implements org.springframework.security.web.AuthenticationEntryPoint {
        private final LoginThrottle throttle;
        private final org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint basic =
                new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();

        ThrottledBasic(LoginThrottle throttle) {
            this.throttle = throttle;
            basic.setRealmName("AndesOps");
        }

        @Override
        public void commence(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                             org.springframework.security.core.AuthenticationException e)
                throws java.io.IOException {
            var wait = e instanceof LockedException ? throttle.lockedFor(request.getRemoteAddr())
                    : java.util.Optional.<java.time.Duration>empty();
            if (wait.isEmpty()) {
                basic.commence(request, response, e);
                return;
            }
            java.util.Locale locale = request.getHeader("Accept-Language") != null
                    && "en".equals(request.getLocale().getLanguage()) ? java.util.Locale.ENGLISH
                    : cl.andesops.shared.I18n.SPANISH;
            String detail = cl.andesops.shared.I18n.text(locale, "api.error.locked", LoginThrottle.minutes(wait.get()));
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
    }

    /** Our headers, set in a configurer that initialises after Vaadin's. */
    static final class LateHeaders extends AbstractHttpConfigurer<LateHeaders, HttpSecurity> {
        private final SecurityProperties properties;

        LateHeaders(SecurityProperties properties) {
            this.properties = properties;
        }

        @Override
        public void init(HttpSecurity http) {
            try {
                headers(http, properties);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Files whose handlers say how long they keep: Vaadin's built scripts and its push client, the themes, ours. */
    static final org.springframework.security.web.util.matcher.RequestMatcher STATIC_FILES =
            new org.springframework.security.web.util.matcher.OrRequestMatcher(java.util.stream.Stream.of(
                    "/VAADIN/build/**", "/VAADIN/static/**", "/lumo/**", "/aura/**", "/andesops.css", "/icons/**")
                    .<org.springframework.security.web.util.matcher.RequestMatcher>map(p -> org.springframework
                            .security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults().matcher(p))
                    .toList());

    private static void headers(HttpSecurity http, SecurityProperties properties) throws Exception {
        // written before the response starts: Vaadin may commit its pages through a path the lazy writer misses
        http.headers(h -> h.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        }));
        // pages, Vaadin's requests and the API are never cached; the static files (hashed, or versioned by v-c)
        // keep the lifetimes their handlers give them: a "Pragma: no-cache" written eagerly beside those makes
        // Chromium ask again for every script and stylesheet of every page, a chain of round trips before the first
        // render
        http.headers(h -> h.cacheControl(HeadersConfigurer.CacheControlConfig::disable)
                .addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
                        new org.springframework.security.web.util.matcher.NegatedRequestMatcher(STATIC_FILES),
                        new org.springframework.security.web.header.writers.CacheControlHeadersWriter())));
        http.headers(h -> h.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                // images from here only: nothing on a page (a model's answer above all) can call a tracker
                .contentSecurityPolicy(c -> c.policyDirectives("frame-ancestors " + properties.ancestors()
                        + "; img-src 'self' data:"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults())
                .httpStrictTransportSecurity(Customizer.withDefaults()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one user, known only to the provider below (a bean of its own would be a second way in, and a warning). */
    static UserDetailsService users(AdminCredentials credentials, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(AdminCredentials.USER)
                .password(encoder.encode(credentials.password().reveal())).roles("ADMIN").build());
    }

    /** The password check, refused outright for an address that failed too often. */
    @Bean
    AuthenticationProvider throttledProvider(AdminCredentials credentials, PasswordEncoder encoder,
                                             LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users(credentials, encoder));
        dao.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (throttle.locked(LoginThrottle.address(authentication.getDetails()))) {
                    throw new LockedException("Demasiados intentos fallidos; espere unos minutos");
                }
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> type) {
                return dao.supports(type);
            }
        };
    }

    /**
     * Inside a Space the app is a third-party iframe: its session cookie must be {@code SameSite=None; Secure} to be
     * sent at all. Over plain HTTP (a laptop) that would lose the cookie, so it applies only to secure requests.
     */
    @Bean
    TomcatContextCustomizer sameSiteForHttps() {
        return context -> context.setCookieProcessor(new Rfc6265CookieProcessor() {
            @Override
            public String generateHeader(Cookie cookie, HttpServletRequest request) {
                String header = super.generateHeader(cookie, request);
                if (request != null && request.isSecure() && !header.contains("SameSite")) {
                    // Partitioned (CHIPS): browsers that block third-party cookies keep a framed one per top site
                    return header + "; SameSite=None" + (header.contains("Secure") ? "" : "; Secure")
                            + "; Partitioned";
                }
                return header;
            }
        });
    }
}
