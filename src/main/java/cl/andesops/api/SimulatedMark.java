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
 * Every JSON answer of the REST API says whether its records are simulated, each record by where it came from (its
 * {@code fromOpenData}: the live sync's records are simulated in demo mode, the open-data history only when it is
 * the simulator's), and the answer as a whole when any of them is; so a record copied out of a demo never passes for
 * a real one, and a real record imported into a demo is never called simulated. A simulated record has no
 * {@code officialUrl}: its code has no page on mercadopublico.cl.
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
        JsonNode items = object.path("items");
        boolean simulated;
        if (object.has("fromOpenData")) {
            simulated = mark(object); // one record
        } else if (items.isArray() && !items.isEmpty() && items.get(0).has("fromOpenData")) {
            simulated = false; // a page of records, each marked; the page is simulated when any of them is
            for (JsonNode item : items) {
                simulated |= item instanceof ObjectNode o && mark(o);
            }
        } else {
            simulated = origin.simulated();
            if (simulated) {
                object.remove("officialUrl");
                items.forEach(item -> {
                    if (item instanceof ObjectNode o) {
                        o.remove("officialUrl");
                    }
                });
            }
        }
        object.put("simulated", simulated);
        return object;
    }

    /** Marks one record by where it came from, without its official link when simulated; returns the mark. */
    private boolean mark(ObjectNode record) {
        boolean simulated = origin.simulated(record.path("fromOpenData").asBoolean(false));
        if (simulated) {
            record.remove("officialUrl");
        }
        record.put("simulated", simulated);
        return simulated;
    }
}
