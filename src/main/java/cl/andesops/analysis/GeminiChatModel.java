package cl.andesops.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
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

/**
 * Gemini through Google's GenAI client, streamed so that an answer given up on is closed: Spring AI's model reads the
 * client's {@link ResponseStream} as a plain iterable, so a cancelled answer left its HTTP response open and the
 * model writing into it (for ever, for an answer with no end). Here cancelling closes the stream, and interrupts the
 * thread blocked reading it (a virtual thread's socket read ends with it).
 */
final class GeminiChatModel implements ChatModel {

    private final Client client;
    private final String model;
    private final float temperature;
    private final int maxTokens;
    private final Duration timeout;

    GeminiChatModel(Client client, String model, double temperature, int maxTokens, Duration timeout) {
        this.client = client;
        this.model = model;
        this.temperature = (float) temperature;
        this.maxTokens = maxTokens;
        this.timeout = timeout;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        return WholeAnswer.of(stream(prompt), timeout);
    }

    /** Blocking: reads on the subscribing thread (the caller subscribes on a thread of its own). */
    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.create(sink -> {
            AtomicReference<ResponseStream<GenerateContentResponse>> open = new AtomicReference<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = Thread.currentThread();
            sink.onDispose(() -> {
                if (reading.get()) {
                    reader.interrupt(); // a read blocked on the socket ends now, not at the next chunk
                }
                // the reader's lock may be held by that read until it ends: the canceller does not wait for it
                ResponseStream<GenerateContentResponse> stream = open.get();
                if (stream != null) {
                    Thread.ofVirtual().name("llm-close").start(() -> close(stream));
                }
            });
            try {
                ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(model,
                        contents(prompt), config(prompt));
                open.set(stream);
                if (sink.isCancelled()) {
                    close(stream); // given up on while the request was on its way
                    return;
                }
                for (GenerateContentResponse r : stream) {
                    if (sink.isCancelled()) {
                        break;
                    }
                    ChatResponse chunk = chunk(r);
                    if (chunk != null) {
                        sink.next(chunk);
                    }
                }
                sink.complete();
            } catch (RuntimeException e) {
                if (!sink.isCancelled()) {
                    sink.error(e);
                }
            } finally {
                reading.set(false);
                Thread.interrupted(); // an interrupt meant for the read does not outlive it
                close(open.get());
            }
        });
    }

    private static List<Content> contents(Prompt prompt) {
        List<Content> out = new ArrayList<>();
        for (Message m : prompt.getInstructions()) {
            if (m.getMessageType() != MessageType.SYSTEM) {
                out.add(Content.builder().role(m.getMessageType() == MessageType.ASSISTANT ? "model" : "user")
                        .parts(Part.fromText(m.getText() == null ? "" : m.getText())).build());
            }
        }
        return out;
    }

    private GenerateContentConfig config(Prompt prompt) {
        GenerateContentConfig.Builder c = GenerateContentConfig.builder().temperature(temperature)
                .maxOutputTokens(maxTokens);
        String system = prompt.getInstructions().stream().filter(m -> m.getMessageType() == MessageType.SYSTEM)
                .map(Message::getText).filter(t -> t != null && !t.isBlank())
                .reduce((a, b) -> a + "\n\n" + b).orElse(null);
        if (system != null) {
            c.systemInstruction(Content.fromParts(Part.fromText(system)));
        }
        return c.build();
    }

    /** One streamed response: its text, and the token usage it reports. */
    static ChatResponse chunk(GenerateContentResponse r) {
        String text;
        try {
            text = r.text();
        } catch (RuntimeException noText) { // a chunk with no candidate (usage or safety only)
            text = null;
        }
        ChatResponseMetadata.Builder meta = ChatResponseMetadata.builder().model(r.modelVersion().orElse(""));
        var usage = r.usageMetadata();
        if (usage.isPresent()) {
            meta.usage(new DefaultUsage(usage.get().promptTokenCount().orElse(0),
                    usage.get().candidatesTokenCount().orElse(0)));
        } else if (text == null || text.isEmpty()) {
            return null;
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text == null ? "" : text))), meta.build());
    }

    private static void close(ResponseStream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing an answer the caller gave up on
            }
        }
    }
}
