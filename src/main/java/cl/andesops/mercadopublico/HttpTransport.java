package cl.andesops.mercadopublico;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way requests leave for Mercado Público: through the gate (spacing, one in flight), counted in the
 * ledger, retried by the rules of their error class, logged with the ticket masked.
 */
final class HttpTransport {

    private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

    private final HttpClient http;
    private final Endpoints endpoints;
    private final RequestGate gate;
    private final RequestLedger ledger;
    private final CallLog calls;
    private final Duration timeout;
    private final List<Duration> burstBackoff;
    private final List<Duration> errorBackoff;

    HttpTransport(Endpoints endpoints, RequestGate gate, RequestLedger ledger, CallLog calls, Duration timeout,
                  List<Duration> burstBackoff, List<Duration> errorBackoff) {
        this.endpoints = endpoints;
        this.gate = gate;
        this.ledger = ledger;
        this.calls = calls;
        this.timeout = timeout;
        this.burstBackoff = burstBackoff;
        this.errorBackoff = errorBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /**
     * GETs {@code base + path} with the parameters; the ticket goes in the query (v1) or a header (v2). The parser
     * turns (status, body) into a result or throws a classified exception, which decides whether to retry.
     */
    <T> T get(String api, URI base, String path, Map<String, String> params, boolean ticketInHeader,
              Purpose purpose, BiFunction<Integer, byte[], T> parser) {
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String ticketParam = ticketInHeader ? "" : (query.isEmpty() ? "" : "&") + "ticket="
                + encode(endpoints.ticket().reveal());
        URI uri = URI.create(stripSlash(base.toString()) + path + "?" + query + ticketParam);
        String shown = endpoints.ticket().maskIn(uri.toString());
        int bursts = 0;
        int errors = 0;
        while (true) {
            long t0 = System.nanoTime();
            try {
                T result = gate.run(() -> ledger.spend(endpoints.ticket(), purpose),
                        () -> send(uri, shown, ticketInHeader, parser));
                calls.success(api, Instant.now(gate.clock()), millisSince(t0));
                return result;
            } catch (MercadoPublicoException e) {
                calls.failure(api, Instant.now(gate.clock()), millisSince(t0), e.getMessage());
                List<Duration> backoff = e.kind() == MercadoPublicoException.Kind.BURST ? burstBackoff
                        : e.kind() == MercadoPublicoException.Kind.UNAVAILABLE ? errorBackoff : List.of();
                int attempt = e.kind() == MercadoPublicoException.Kind.BURST ? bursts++ : errors++;
                if (!e.kind().retryable() || attempt >= backoff.size()) {
                    log.warn("GET {} failed: {} ({})", shown, e.getMessage(), e.kind());
                    throw e;
                }
                log.info("GET {} failed: {}; retrying in {}", shown, e.getMessage(), backoff.get(attempt));
                RequestGate.sleep(backoff.get(attempt));
            }
        }
    }

    /** A web page (no ticket, no quota): through the gate, one try; empty on any failure. */
    java.util.Optional<WebPage> page(URI base, String pathAndQuery) {
        URI uri = URI.create(stripSlash(base.toString()) + pathAndQuery);
        try {
            return gate.run(() -> { }, () -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                            .header("User-Agent", "AndesOps/1.0").GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        log.info("GET {} -> HTTP {}", uri, r.statusCode());
                        return java.util.Optional.<WebPage>empty();
                    }
                    return java.util.Optional.of(new WebPage(r.uri().toString(), r.body()));
                } catch (IOException e) {
                    log.info("GET {} failed: {}", uri, e.toString());
                    return java.util.Optional.<WebPage>empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return java.util.Optional.<WebPage>empty();
                }
            });
        } catch (MercadoPublicoException e) {
            return java.util.Optional.empty();
        }
    }

    private <T> T send(URI uri, String shown, boolean ticketInHeader, BiFunction<Integer, byte[], T> parser) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").header("User-Agent", "AndesOps/1.0");
        if (ticketInHeader) {
            request.header("ticket", endpoints.ticket().reveal());
        }
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new MercadoPublicoException(MercadoPublicoException.Kind.UNAVAILABLE, 0,
                    "Mercado Público no respondió en " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms"
                            : timeout.toSeconds() + " s"));
        } catch (IOException e) {
            throw new MercadoPublicoException(MercadoPublicoException.Kind.UNAVAILABLE, 0,
                    "No se pudo conectar con Mercado Público (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MercadoPublicoException(MercadoPublicoException.Kind.UNAVAILABLE, 0, "Interrumpido");
        }
        log.debug("GET {} -> {} ({} bytes, {} ms)", shown, response.statusCode(), response.body().length,
                millisSince(t0));
        return parser.apply(response.statusCode(), response.body());
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
