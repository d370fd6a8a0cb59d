package cl.andesops.mercadopublico;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The last success and the last failure of each API (v1, Compra Ágil), for the admin screen and the probes. */
@Component
public class CallLog {

    private final Map<String, Outcome> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, Outcome> lastFailure = new ConcurrentHashMap<>();

    void success(String api, Instant at, long millis) {
        lastSuccess.put(api, new Outcome(at, millis, null));
    }

    void failure(String api, Instant at, long millis, String message) {
        lastFailure.put(api, new Outcome(at, millis, message));
    }

    public Outcome lastSuccess(String api) {
        return lastSuccess.get(api);
    }

    public Outcome lastFailure(String api) {
        return lastFailure.get(api);
    }

    /** When, how long it took, and for a failure the plain-words error. */
    public record Outcome(Instant at, long millis, String error) {
    }
}
