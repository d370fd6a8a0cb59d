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

    /**
     * What people may ask for: requests an hour together (probes, tender pages), the size a public page is read up to,
     * and the size an API body is read up to (a day's listing is 1-1.5 MB); bigger ones are refused.
     */
    public record Bounds(int interactivePerHour, int maxPageBytes, int maxBodyBytes) {
        public static final Bounds DEFAULT = new Bounds(120, 2 * 1024 * 1024, 32 * 1024 * 1024);
    }

    private final Bounds bounds;

    HttpTransport(Endpoints endpoints, RequestGate gate, RequestLedger ledger, CallLog calls, Duration timeout,
                  List<Duration> burstBackoff, List<Duration> errorBackoff, Bounds bounds) {
        this.bounds = bounds;
        this.endpoints = endpoints;
        this.gate = gate;
        this.ledger = ledger;
        this.calls = calls;
        this.timeout = timeout;
        this.burstBackoff = burstBackoff;
        this.errorBackoff = errorBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.pages = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private final HttpClient pages;
    /**
     * One request a person asked for at a time, never queued: the gate is fair, so a crowd of visitors queued in it
     * would hold the sync back by as many spacings; this way the sync waits for one at most.
     */
    private final java.util.concurrent.Semaphore interactive = new java.util.concurrent.Semaphore(1);
    private final java.util.ArrayDeque<Long> interactiveStarts = new java.util.ArrayDeque<>();

    /** Takes the one interactive slot and a share of this hour's budget, or says why not. */
    private void admitInteractive() {
        if (!interactive.tryAcquire()) {
            throw new MercadoPublicoException(MercadoPublicoException.Kind.INTERACTIVE_BUSY, 0,
                    "Otra consulta a Mercado Público pedida por una persona está en curso; intente en un momento");
        }
        synchronized (interactiveStarts) {
            long now = System.nanoTime();
            while (!interactiveStarts.isEmpty() && now - interactiveStarts.peekFirst() > 3_600_000_000_000L) {
                interactiveStarts.removeFirst();
            }
            if (interactiveStarts.size() >= bounds.interactivePerHour()) {
                interactive.release();
                throw new MercadoPublicoException(MercadoPublicoException.Kind.INTERACTIVE_BUSY, 0,
                        "Se alcanzaron las " + bounds.interactivePerHour() + " consultas por hora pedidas por personas; "
                                + "la sincronización sigue");
            }
            interactiveStarts.addLast(now);
        }
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
        if (purpose == Purpose.INTERACTIVE) {
            admitInteractive();
            try {
                return attempt(api, uri, shown, ticketInHeader, purpose, parser);
            } finally {
                interactive.release();
            }
        }
        return attempt(api, uri, shown, ticketInHeader, purpose, parser);
    }

    private <T> T attempt(String api, URI uri, String shown, boolean ticketInHeader, Purpose purpose,
                          BiFunction<Integer, byte[], T> parser) {
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

    /**
     * A public web page (no ticket, no quota), asked for by a person: the one interactive slot and this hour's
     * budget, through the gate, one try, no redirect followed, at most {@link Bounds#maxPageBytes()} bytes; empty on any
     * failure or refusal.
     */
    java.util.Optional<WebPage> page(URI base, String pathAndQuery) {
        URI uri = URI.create(stripSlash(base.toString()) + pathAndQuery);
        try {
            admitInteractive();
        } catch (MercadoPublicoException e) {
            log.info("GET {} not sent: {}", uri, e.getMessage());
            return java.util.Optional.empty();
        }
        try {
            return gate.run(() -> { }, () -> {
                try {
                    HttpResponse<java.io.InputStream> r = pages.send(HttpRequest.newBuilder(uri).timeout(timeout)
                            .header("User-Agent", "AndesOps/1.0").GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    try (java.io.InputStream in = r.body()) {
                        if (r.statusCode() != 200) {
                            log.info("GET {} -> HTTP {}", uri, r.statusCode());
                            return java.util.Optional.<WebPage>empty();
                        }
                        byte[] body = in.readNBytes(bounds.maxPageBytes() + 1);
                        if (body.length > bounds.maxPageBytes()) {
                            log.info("GET {}: the page is larger than {} bytes, not read", uri, bounds.maxPageBytes());
                            return java.util.Optional.<WebPage>empty();
                        }
                        java.nio.charset.Charset cs = r.headers().firstValue("Content-Type")
                                .map(HttpTransport::charset).orElse(java.nio.charset.StandardCharsets.UTF_8);
                        return java.util.Optional.of(new WebPage(r.uri().toString(), new String(body, cs)));
                    }
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
        } finally {
            interactive.release();
        }
    }

    /** A response's status with its body read (bounded). */
    private record BodyOf(int statusCode, byte[] body) {
        BodyOf(HttpResponse<?> r, byte[] body) {
            this(r.statusCode(), body);
        }
    }

    private static java.nio.charset.Charset charset(String contentType) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset=\\\"?([\\w.:-]+)")
                .matcher(contentType);
        try {
            return m.find() ? java.nio.charset.Charset.forName(m.group(1)) : java.nio.charset.StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    private <T> T send(URI uri, String shown, boolean ticketInHeader, BiFunction<Integer, byte[], T> parser) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").header("User-Agent", "AndesOps/1.0");
        if (ticketInHeader) {
            request.header("ticket", endpoints.ticket().reveal());
        }
        long t0 = System.nanoTime();
        BodyOf response;
        try {
            HttpResponse<java.io.InputStream> streamed = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (java.io.InputStream in = streamed.body()) {
                bytes = in.readNBytes(bounds.maxBodyBytes() + 1);
            }
            if (bytes.length > bounds.maxBodyBytes()) {
                throw new MercadoPublicoException(MercadoPublicoException.Kind.UNAVAILABLE, streamed.statusCode(),
                        "Mercado Público respondió más de " + (bounds.maxBodyBytes() >= 1 << 20
                                ? (bounds.maxBodyBytes() >> 20) + " MB" : (bounds.maxBodyBytes() >> 10) + " KB")
                                + ": no se leyó");
            }
            response = new BodyOf(streamed, bytes);
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
