package cl.andesops.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.analysis.Narrative;

/**
 * Language-model providers on loopback: the OpenAI chat-completions wire (Groq, Featherless) under
 * {@code /groq/v1} and {@code /featherless/v1}, and Gemini's {@code streamGenerateContent} under {@code /gemini}.
 * Each streams a Markdown answer citing the codes it finds in the prompt, then the JSON block. A mode per provider
 * makes it fail, rate-limit, stall or echo the whole request back (a model that obeys an injection).
 */
public final class AiStub {

    /**
     * How a provider answers: well; with an error; rate-limited; not at all; echoing its prompt; with a body that is
     * not its wire; with no end (a chunk every {@link #chunkDelayMillis} until the client goes); with 200 KB
     * while reporting 50 tokens; with a plausible answer while reporting one token.
     */
    public enum Mode { OK, FAIL, RATE_LIMIT, STALL, ECHO, GARBAGE, ENDLESS, HUGE, UNDER_REPORTED }

    /** What the last request's prompt is reported to cost: about four characters a token, as a provider counts. */
    public volatile int promptTokens;

    /** Set when an endless answer's client went away (its connection closed). */
    public final java.util.concurrent.atomic.AtomicBoolean endlessStopped = new java.util.concurrent.atomic.AtomicBoolean();

    /** What one request carried. */
    public record Call(String provider, String path, String auth, String system, String user) {
    }

    private static AiStub shared;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    public final Map<String, Mode> modes = new ConcurrentHashMap<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Pause between streamed chunks. */
    public volatile long chunkDelayMillis = 3;

    private AiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized AiStub shared() {
        if (shared == null) {
            try {
                shared = new AiStub();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String base(String provider) {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return "gemini".equals(provider) ? root : root + "/" + provider;
    }

    public void reset() {
        modes.clear();
        calls.clear();
        endlessStopped.set(false);
        chunkDelayMillis = 3;
    }

    public List<Call> callsTo(String provider) {
        return calls.stream().filter(c -> c.provider().equals(provider)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String provider = path.startsWith("/v1beta") || path.startsWith("/gemini") ? "gemini" : path.split("/")[1];
            byte[] body = ex.getRequestBody().readAllBytes();
            if ("GET".equals(ex.getRequestMethod())) {
                send(ex, 200, "application/json", "{\"data\":[],\"models\":[]}");
                return;
            }
            JsonNode req = json.readTree(body);
            String system;
            String user;
            boolean gemini = "gemini".equals(provider);
            String auth = gemini ? ex.getRequestHeaders().getFirst("x-goog-api-key")
                    : ex.getRequestHeaders().getFirst("Authorization");
            if (gemini) {
                system = text(req.path("systemInstruction").path("parts"));
                StringBuilder u = new StringBuilder();
                req.path("contents").forEach(c -> u.append(text(c.path("parts"))));
                user = u.toString();
            } else {
                StringBuilder s = new StringBuilder();
                StringBuilder u = new StringBuilder();
                req.path("messages").forEach(m -> ("system".equals(m.path("role").asString()) ? s : u)
                        .append(m.path("content").asString()));
                system = s.toString();
                user = u.toString();
            }
            calls.add(new Call(provider, path, auth, system, user));
            promptTokens = (system.length() + user.length()) / 4;
            Mode mode = modes.getOrDefault(provider, Mode.OK);
            switch (mode) {
                case FAIL -> send(ex, 500, "application/json", gemini
                        ? "{\"error\":{\"code\":500,\"message\":\"internal\",\"status\":\"INTERNAL\"}}"
                        : "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}");
                case RATE_LIMIT -> send(ex, 429, "application/json", gemini
                        ? "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}"
                        : "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}");
                case STALL -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case GARBAGE -> send(ex, 200, gemini ? "text/event-stream" : "text/event-stream",
                        "data: <html><body>Proxy error</body></html>\n\n");
                case ECHO -> stream(ex, gemini, "Sigo la instrucción del texto. Mis instrucciones:\n" + system
                        + "\nClave: " + auth + "\nPedido:\n" + user);
                case OK -> stream(ex, gemini, answer(user));
                case UNDER_REPORTED -> stream(ex, gemini, answer(user), 1);
                case HUGE -> stream(ex, gemini, "Sí. ".repeat(50_000), 50);
                case ENDLESS -> endless(ex, gemini);
            }
        } catch (RuntimeException e) {
            send(ex, 400, "text/plain", "bad request");
        }
    }

    private static String text(JsonNode parts) {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.path("text").asString("")));
        return b.toString();
    }

    /** A plausible answer: headings, cited codes from the prompt (plus one that is not there), then the JSON. */
    static String answer(String user) {
        List<String> codes = Narrative.citedCodes(user);
        String c1 = codes.isEmpty() ? "" : " [" + codes.get(0) + "]";
        String c2 = codes.size() < 2 ? "" : " [" + codes.get(1) + "]";
        boolean tender = user.contains("analiza esta licitación");
        StringBuilder b = new StringBuilder();
        b.append("## Resumen\n\nEl registro principal").append(c1).append(" muestra la actividad descrita en los hechos")
                .append(c2).append(". Un código que no está en los hechos: [9999-1-SE99].\n\n");
        b.append("## Riesgos\n\n- Plazos acotados").append(c1).append("\n- Competencia concentrada\n\n");
        b.append(Narrative_JSON);
        b.append(tender
                ? "{\"recommendation\":\"EVALUAR\",\"reasons\":[\"Plazo razonable" + c1 + "\"],\"requirements\":[\"Boleta de garantía\"],"
                + "\"risks\":[\"Pocos oferentes\"],\"citedCodes\":[]}"
                : "{\"findings\":[\"Gasto concentrado" + c1 + "\"],\"redFlags\":[\"Trato directo frecuente\"],\"citedCodes\":[]}");
        return b.toString();
    }

    private static final String Narrative_JSON = "###JSON\n";

    /** Chunks for ever, until writing one fails: the client cancelled. */
    private void endless(HttpExchange ex, boolean gemini) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            while (true) {
                String chunk = "\"bla bla bla \"";
                String event = gemini
                        ? "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + chunk
                        + "}]},\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":1,"
                        + "\"totalTokenCount\":6},\"modelVersion\":\"stub\"}"
                        : "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + chunk + "},\"finish_reason\":null}]}";
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(Math.max(1, chunkDelayMillis));
            }
        } catch (IOException | InterruptedException e) {
            endlessStopped.set(true);
        }
    }

    private void stream(HttpExchange ex, boolean gemini, String text) throws IOException {
        stream(ex, gemini, text, -1);
    }

    /** Streams {@code text}; the usage reported says {@code reportedCompletion} tokens (-1: one per chunk). */
    private void stream(HttpExchange ex, boolean gemini, String text, int reportedCompletion) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        List<String> chunks = new ArrayList<>();
        int size = text.length() > 10_000 ? 4_096 : 16; // a huge answer comes in big pieces, as fast as a model can
        for (int i = 0; i < text.length(); i += size) {
            chunks.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        // a token is about four characters: what a provider's usage says of the chunks so far, unless told otherwise
        int perChunk = Math.max(1, size / 4);
        java.util.function.IntUnaryOperator reported = n -> reportedCompletion < 0 ? n * perChunk
                : Math.min(n * perChunk, reportedCompletion);
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = json.writeValueAsString(chunks.get(i));
            String event = gemini
                    ? "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + chunk + "}]},\"index\":0"
                    + (i == chunks.size() - 1 ? ",\"finishReason\":\"STOP\"" : "") + "}],"
                    + "\"usageMetadata\":{\"promptTokenCount\":" + promptTokens + ",\"candidatesTokenCount\":" + reported.applyAsInt(i + 1)
                    + ",\"totalTokenCount\":" + (promptTokens + reported.applyAsInt(i + 1)) + "},\"modelVersion\":\"stub\"}"
                    : "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + chunk
                    + "},\"finish_reason\":null}]}";
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (chunkDelayMillis > 0) {
                try {
                    Thread.sleep(chunkDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!gemini) {
            out.write(("data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n").getBytes(StandardCharsets.UTF_8));
            out.write(("data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + reported.applyAsInt(chunks.size())
                    + ",\"total_tokens\":" + (promptTokens + reported.applyAsInt(chunks.size())) + "}}\n\n").getBytes(StandardCharsets.UTF_8));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
