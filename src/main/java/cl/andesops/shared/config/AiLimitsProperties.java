package cl.andesops.shared.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What anonymous visitors may make the operator pay the language models for: narratives written at once
 * ({@code ANDESOPS_AI_CONCURRENCY}), new narratives per visitor per hour ({@code ANDESOPS_AI_VISITOR_LIMIT}, counted
 * by session and by client address), and a daily budget of calls ({@code ANDESOPS_AI_DAILY_LIMIT}) and tokens
 * ({@code ANDESOPS_AI_DAILY_TOKENS}, counted by the app on what it received, never less than a provider reports).
 * One answer is bounded too: cut at {@code ANDESOPS_AI_ANSWER_DEADLINE} and at {@code ANDESOPS_AI_MAX_ANSWER_CHARS}
 * characters, and then not stored. Cached narratives are free.
 */
@ConfigurationProperties("andesops.ai.limits")
public record AiLimitsProperties(@DefaultValue("2") int concurrency, @DefaultValue("10") int visitorPerHour,
                                 @DefaultValue("200") int dailyCalls, @DefaultValue("2000000") long dailyTokens,
                                 @DefaultValue("120s") Duration answerDeadline,
                                 @DefaultValue("32000") int maxAnswerChars) {
}
