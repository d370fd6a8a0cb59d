package cl.andesops.analysis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.publisher.Flux;

/** A streamed answer gathered into one: the {@code call} of the models that only stream. */
final class WholeAnswer {

    private WholeAnswer() {
    }

    /** The chunks' text joined, with the last chunk's metadata (where the usage comes); waits at most {@code timeout}. */
    static ChatResponse of(Flux<ChatResponse> stream, Duration timeout) {
        StringBuilder text = new StringBuilder();
        AtomicReference<ChatResponseMetadata> last = new AtomicReference<>();
        stream.doOnNext(r -> {
            text.append(r.getResult().getOutput().getText());
            last.set(r.getMetadata());
        }).blockLast(timeout);
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text.toString()))),
                last.get() == null ? new ChatResponseMetadata() : last.get());
    }
}
