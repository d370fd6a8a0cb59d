package cl.andesops.analysis;

import java.time.Instant;

/**
 * One analysis as shown, stored and shared: the facts it stood on and, when a language model took part, what it
 * wrote ({@code model} is {@value AnalysisStore#FACTS_ONLY} when none did).
 */
public record Analysis(String id, AnalysisKind kind, String subject, String dataVersion, String model, String provider,
                       Facts facts, String narrative, String verdictJson, int promptTokens, int completionTokens,
                       boolean tokensEstimated, long millis, Instant createdAt) {

    public boolean hasNarrative() {
        return narrative != null && !narrative.isBlank();
    }
}
