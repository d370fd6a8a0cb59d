package cl.andesops.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Monitor opened without a browser, for the load step's crowd: the requests a tab's Flow client makes (the page,
 * the UI's init, the navigation event) and the push connection it keeps open, reading every update the server sends,
 * so the server builds, renders and pushes for it what it does for a tab. It runs no JavaScript: it asks for no grid
 * rows and confirms none, so the server's work for it is a tab's without the grid's data.
 */
final class PlainMonitor implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient http;
    private final String base;
    /** The window's name: a page opened again in it closes the UI it held, as a tab's reload does. */
    private final String window = "v-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong pushBytes = new AtomicLong();
    private volatile WebSocket push;
    /** Completed when the server answers the current socket's close. */
    private volatile java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
    private volatile String cookie = "";
    private volatile long lastSyncId;
    /** The UI this visitor holds (-1: none), its CSRF token and the id of the next message it sends. */
    private volatile int ui = -1;
    private volatile String key;
    private volatile int clientId;

    /** A visitor at {@code base} (e.g. {@code http://127.0.0.7:8080/}: its own address, its own session). */
    PlainMonitor(HttpClient http, String base) {
        this.http = http;
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** Updates the server pushed to this visitor so far (every UI it opened). */
    long pushes() {
        return pushes.get();
    }

    long pushBytes() {
        return pushBytes.get();
    }

    /**
     * Opens the Monitor with a query ({@code ""} or {@code "desde=2026-01-01&tipo=SE"}) as a tab's page load does,
     * and keeps its push open; returns the nanoseconds from the page's request to the navigation's answer (the view
     * built and rendered on the server).
     */
    long open(String query) throws Exception {
        leave();
        long t0 = System.nanoTime();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + (query.isEmpty() ? "" : "?" + query)))
                .GET());
        page.headers().allValues("set-cookie").forEach(c -> {
            Matcher m = SESSION.matcher(c);
            if (m.find()) {
                cookie = "JSESSIONID=" + m.group(1);
            }
        });
        check(page, "the page");
        String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=&query=" + q
                + "&v-sh=757&v-sw=1366&v-wh=757&v-ww=1366&v-bh=757&v-bw=1366&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=180&v-dstd=0&v-rtzo=180&v-dston=false&v-tzid=America%2FSantiago&v-wn=" + window
                + "&v-td=false&v-pr=1&v-cs=light&v-pv=VISIBLE")).GET());
        check(init, "the UI's init");
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        int ui = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        String key = uidl.path("Vaadin-Security-Key").asString();
        this.ui = ui;
        this.key = key;
        this.clientId = 1; // the navigation below is message 0
        String pushId = uidl.path("Vaadin-Push-ID").asString();
        lastSyncId = uidl.path("syncId").asLong();
        URI ws = URI.create(base.replace("http://", "ws://") + "VAADIN/push?v-r=push&v-uiId=" + ui + "&v-pushId="
                + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true"
                + "&X-Vaadin-LastSeenServerSyncId=" + lastSyncId);
        closed = new java.util.concurrent.CompletableFuture<>();
        push = http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(ws, new Reader()).get(30, TimeUnit.SECONDS);
        String navigate = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"/\",\"query\":" + JSON.writeValueAsString(query)
                + ",\"appShellTitle\":\"AndesOps\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":"
                + lastSyncId + ",\"clientId\":0}";
        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + ui))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)));
        check(shown, "the navigation");
        if (!shown.body().contains("kpi-orders-value")) {
            throw new IllegalStateException("The navigation's answer holds no Monitor: "
                    + shown.body().substring(0, Math.min(200, shown.body().length())));
        }
        return System.nanoTime() - t0;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200 || r.body().contains("\"appError\"")) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(200, r.body().length())));
        }
    }

    /**
     * Leaves the page as a tab does: its push socket closed, then the unload beacon Flow's client sends (the UI is
     * closed at once, not after three missed heartbeats). In that order: a UI closed while its socket is still open
     * had Atmosphere log an ERROR ("Failed to cancel resource") 3 times in 924 page loads.
     */
    private void leave() {
        WebSocket ws = push;
        push = null;
        if (ws != null) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS); // the server's close answered
            } catch (Exception e) {
                ws.abort();
            }
        }
        if (ui >= 0) {
            String beacon = "{\"csrfToken\":\"" + key + "\",\"rpc\":[],\"syncId\":" + lastSyncId + ",\"clientId\":"
                    + clientId + ",\"UNLOAD\":true}";
            try {
                send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + ui))
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(beacon)));
            } catch (Exception e) {
                // a beacon is not answered to the page: the UI then closes after its missed heartbeats
            }
            ui = -1;
        }
    }

    @Override
    public void close() {
        leave();
    }

    /** Reads every message the push sends (Atmosphere's {@code length|message}), each an update of the UI. */
    private final class Reader implements WebSocket.Listener {
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(null);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                String message = part.toString();
                part.setLength(0);
                pushBytes.addAndGet(message.length());
                Matcher m = SYNC_ID.matcher(message);
                if (m.find()) {
                    pushes.incrementAndGet();
                    lastSyncId = Math.max(lastSyncId, Long.parseLong(m.group(1)));
                }
            }
            ws.request(1);
            return null;
        }
    }
}
