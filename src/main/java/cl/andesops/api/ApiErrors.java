package cl.andesops.api;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input to the REST API gets a clear RFC 9457 problem and a 4xx; an unexpected failure gets a 500 with an
 * id to quote, and the stack trace only in the log.
 */
@RestControllerAdvice(basePackages = "cl.andesops")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE) // before Spring's own
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, HandlerMethodValidationException.class})
    ProblemDetail badRequest(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? text("api.error.param", m.getName())
                : e instanceof MissingServletRequestParameterException m
                ? text("api.error.missing", m.getParameterName())
                : e instanceof HandlerMethodValidationException ? text("api.error.params") : e.getMessage();
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    /** Words too broad to search: said in the client's language, with the bound. */
    @ExceptionHandler(cl.andesops.shared.search.RecordIndex.TooBroad.class)
    ProblemDetail tooBroad(cl.andesops.shared.search.RecordIndex.TooBroad e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.error.broad",
                e.text().length() > 60 ? e.text().substring(0, 60) + "…" : e.text(), e.limit()));
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> wrongMethod(
            org.springframework.web.HttpRequestMethodNotSupportedException e) {
        return methodNotAllowed(e.getSupportedHttpMethods() == null ? java.util.Set.of()
                : e.getSupportedHttpMethods());
    }

    static org.springframework.http.ResponseEntity<ProblemDetail> methodNotAllowed(
            java.util.Set<org.springframework.http.HttpMethod> allowed) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(
                allowed.toArray(org.springframework.http.HttpMethod[]::new)).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.METHOD_NOT_ALLOWED, text("api.error.method", allowed.stream()
                        .map(org.springframework.http.HttpMethod::name).sorted().toList().toString())));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text(e.key, e.code));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // Spring's own client errors (an unreadable body, a media type, a path variable): their status, no 500
            return ProblemDetail.forStatusAndDetail(known.getStatusCode(), known.getBody().getDetail() == null
                    ? text("api.error.request") : known.getBody().getDetail());
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error [{}]", id, e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                text("api.error.unexpected", id));
    }

    /** A record code we do not have: {@code key} names the kind of record in the messages. */
    static final class NotFound extends RuntimeException {
        final String key;
        final String code;

        NotFound(String key, String code) {
            super(key + " " + code);
            this.key = key;
            this.code = code;
        }
    }

    /**
     * A message in the client's language: English when its Accept-Language prefers English, Spanish otherwise (the
     * product's first language), from the same bundles as the screens.
     */
    static String text(String key, Object... args) {
        return cl.andesops.shared.I18n.text(locale(), key, args);
    }

    /** The client's language: the request's own header; without one, Spanish (never the server's default locale). */
    static java.util.Locale locale() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && attributes.getRequest().getHeader("Accept-Language") != null
                && "en".equals(attributes.getRequest().getLocale().getLanguage())) {
            return cl.andesops.shared.I18n.ENGLISH;
        }
        return cl.andesops.shared.I18n.SPANISH;
    }

    /**
     * Any other request under /api answers in JSON instead of falling through to the web UI: 405 with the methods
     * allowed when the path exists for others, else 404.
     */
    @RestController
    @io.swagger.v3.oas.annotations.Hidden // not an operation of the API: what answers a path that is none
    static class Fallback {
        private final org.springframework.beans.factory.ObjectProvider<
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> mappings;

        Fallback(@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                 org.springframework.beans.factory.ObjectProvider<
                         org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> mappings) {
            this.mappings = mappings;
        }

        @RequestMapping("/api/**")
        org.springframework.http.ResponseEntity<ProblemDetail> unknown(jakarta.servlet.http.HttpServletRequest request) {
            org.springframework.http.server.PathContainer path = org.springframework.http.server.PathContainer
                    .parsePath(request.getRequestURI().substring(request.getContextPath().length()));
            java.util.Set<org.springframework.http.HttpMethod> allowed = new java.util.TreeSet<>(
                    java.util.Comparator.comparing(org.springframework.http.HttpMethod::name));
            mappings.getObject().getHandlerMethods().forEach((info, handler) -> {
                if (handler.getBeanType() != Fallback.class && info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path))) {
                    info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.asHttpMethod()));
                }
            });
            if (!allowed.isEmpty()) {
                return methodNotAllowed(allowed);
            }
            return org.springframework.http.ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text("api.error.nothing")));
        }
    }
}
