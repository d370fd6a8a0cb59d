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
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, HandlerMethodValidationException.class})
    ProblemDetail badRequest(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "Parámetro '" + m.getName() + "' inválido"
                : e instanceof MissingServletRequestParameterException m
                ? "Falta el parámetro '" + m.getParameterName() + "'"
                : e instanceof HandlerMethodValidationException ? "Parámetros inválidos" : e.getMessage();
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error [{}]", id, e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Error inesperado; cite el código " + id);
    }

    /** A record code we do not have. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** Any other path under /api answers 404 in JSON instead of falling through to the web UI. */
    @RestController
    static class Fallback {
        @RequestMapping("/api/**")
        ProblemDetail unknown() {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No existe ese recurso de la API");
        }
    }
}
