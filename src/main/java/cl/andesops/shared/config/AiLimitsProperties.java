package cl.andesops.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What anonymous visitors may make the operator pay the language models for: narratives written at once
 * ({@code ANDESOPS_AI_CONCURRENCY}), new narratives per visitor per hour ({@code ANDESOPS_AI_VISITOR_LIMIT}, counted
 * by session and by client address), and a daily budget of calls ({@code ANDESOPS_AI_DAILY_LIMIT}) and tokens
 * ({@code ANDESOPS_AI_DAILY_TOKENS}). Cached narratives are free.
 */
@ConfigurationProperties("andesops.ai.limits")
public record AiLimitsProperties(@DefaultValue("2") int concurrency, @DefaultValue("10") int visitorPerHour,
                                 @DefaultValue("200") int dailyCalls, @DefaultValue("2000000") long dailyTokens) {
}
