package cl.andesops.analysis;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One analysis as shown, stored and shared: the facts it stood on and, when a language model took part, what it
 * wrote ({@code model} is {@value AnalysisStore#FACTS_ONLY} when none did).
 */
@Table("analysis")
public record Analysis(@Id String id, AnalysisKind kind, String subject, String dataVersion, String model,
                       String provider, @Column("facts_json") Facts facts, String narrative, String verdictJson,
                       int promptTokens, int completionTokens, boolean tokensEstimated, long millis,
                       Instant createdAt) {

    Analysis withId(String newId) {
        return new Analysis(newId, kind, subject, dataVersion, model, provider, facts, narrative, verdictJson,
                promptTokens, completionTokens, tokensEstimated, millis, createdAt);
    }

    public boolean hasNarrative() {
        return narrative != null && !narrative.isBlank();
    }
}
