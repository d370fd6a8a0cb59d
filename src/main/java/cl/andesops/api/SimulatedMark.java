package cl.andesops.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cl.andesops.shared.DataOrigin;

/**
 * Every JSON answer of the REST API says whether its records are simulated ({@code "simulated": true} in demo
 * mode, {@code false} otherwise), so a record copied out of a demo never passes for a real one; in demo mode the
 * {@code officialUrl} of a record is left out, since a simulated code has no page on mercadopublico.cl.
 */
@RestControllerAdvice(basePackages = "cl.andesops.api")
class SimulatedMark implements ResponseBodyAdvice<Object> {

    private final DataOrigin origin;
    private final JsonMapper json;

    SimulatedMark(DataOrigin origin, JsonMapper json) {
        this.origin = origin;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || body instanceof CharSequence || body instanceof byte[]
                || contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return body;
        }
        JsonNode tree = json.valueToTree(body);
        if (!(tree instanceof ObjectNode object)) {
            return body;
        }
        boolean simulated = origin.simulated();
        if (simulated) {
            object.remove("officialUrl");
            object.path("items").forEach(item -> {
                if (item instanceof ObjectNode o) {
                    o.remove("officialUrl");
                }
            });
        }
        object.put("simulated", simulated);
        return object;
    }
}
