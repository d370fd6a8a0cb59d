package cl.andesops.analysis;

import java.util.List;

/**
 * Writes a narrative from a prompt, streaming it. Implemented over Spring AI ({@link SpringAiAnalyst}); tests point
 * it at local stub servers.
 */
public interface Analyst {

    /** The system instructions and the user message (facts and task). */
    record Request(String system, String user) {
    }

    /** Who wrote an answer, what it cost and how long it took. */
    record Reply(String provider, String model, String text, int promptTokens, int completionTokens,
                 boolean tokensEstimated, long millis, long firstTokenMillis) {
    }

    /** Called from the provider's threads; implementations hand work to the UI themselves. */
    interface Listener {
        /** The first token arrived from this provider (after any fallbacks). */
        void started(String provider, String model);

        void token(String text);

        void completed(Reply reply);

        /** Every provider failed, or the answer broke off; the message is for the user and carries no secret. */
        void failed(String message);
    }

    /** A running answer. */
    interface Handle {
        void cancel();
    }

    /** The configured providers as {@code provider/model}, in the order they are tried; empty without any key. */
    List<String> models();

    default boolean available() {
        return !models().isEmpty();
    }

    Handle stream(Request request, Listener listener);
}
