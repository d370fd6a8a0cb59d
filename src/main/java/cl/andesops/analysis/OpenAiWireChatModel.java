package cl.andesops.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.config.Secret;

/**
 * A Spring AI {@link ChatModel} for the OpenAI chat-completions wire that Groq and Featherless speak, on the JDK's
 * HTTP client. Spring AI's own OpenAI module is built on the official OpenAI SDK, which alone weighs 50 MB with its
 * Kotlin runtime: half the jar, for two endpoints. This does {@code POST {base}/chat/completions}, streamed as
 * server-sent events with usage, and reports HTTP failures by status so the router can fall back.
 */
public final class OpenAiWireChatModel implements ChatModel {

    /** A provider answered with an HTTP error; the body is not kept (it may echo the request). */
    public static final class HttpStatusException extends RuntimeException {
        private final int status;

        HttpStatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final Secret apiKey;
    private final String model;
    private final double temperature;
    private final int maxTokens;
    private final Duration timeout;
    private final HttpClient http;

    public OpenAiWireChatModel(String baseUrl, Secret apiKey, String model, double temperature, int maxTokens,
                               Duration timeout) {
        this.endpoint = URI.create(SpringAiAnalyst.openAiBase(baseUrl) + "/chat/completions");
        this.apiKey = apiKey;
        this.model = model;
        this.temperature = temperature;
        this.maxTokens = maxTokens;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        return WholeAnswer.of(stream(prompt), timeout);
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.create(sink -> {
            AtomicReference<InputStream> body = new AtomicReference<>();
            sink.onDispose(() -> close(body.get()));
            try {
                HttpResponse<InputStream> response = http.send(request(prompt), HttpResponse.BodyHandlers.ofInputStream());
                body.set(response.body());
                if (response.statusCode() != 200) {
                    close(response.body());
                    sink.error(new HttpStatusException(response.statusCode()));
                    return;
                }
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while (!sink.isCancelled() && (line = reader.readLine()) != null) {
                        if (!line.startsWith("data:")) {
                            continue;
                        }
                        String data = line.substring(5).strip();
                        if (data.equals("[DONE]")) {
                            break;
                        }
                        ChatResponse chunk = chunk(JSON.readTree(data));
                        if (chunk != null) {
                            sink.next(chunk);
                        }
                    }
                }
                sink.complete();
            } catch (IOException e) {
                if (!sink.isCancelled()) {
                    sink.error(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.error(e);
            } catch (RuntimeException e) {
                sink.error(e);
            }
        });
    }

    private HttpRequest request(Prompt prompt) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (Message m : prompt.getInstructions()) {
            String role = m.getMessageType() == MessageType.SYSTEM ? "system"
                    : m.getMessageType() == MessageType.ASSISTANT ? "assistant" : "user";
            messages.add(Map.of("role", role, "content", m.getText() == null ? "" : m.getText()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        body.put("temperature", temperature);
        body.put("max_tokens", maxTokens);
        body.put("stream", true);
        body.put("stream_options", Map.of("include_usage", true));
        return HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey.reveal())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    /** One server-sent event: a text delta, and on the last one the token usage. */
    static ChatResponse chunk(JsonNode event) {
        JsonNode choices = event.path("choices");
        String text = choices.isArray() && !choices.isEmpty()
                ? choices.get(0).path("delta").path("content").asString("") : "";
        JsonNode usage = event.path("usage");
        ChatResponseMetadata.Builder meta = ChatResponseMetadata.builder().model(event.path("model").asString(""));
        if (usage.isObject()) {
            meta.usage(new DefaultUsage(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt()));
        } else if (text.isEmpty()) {
            return null;
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))), meta.build());
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing a stream the caller gave up on
            }
        }
    }
}
