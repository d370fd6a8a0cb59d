package cl.andesops.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cl.andesops.shared.config.AiLimitsProperties;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.Writer;

/**
 * The bounds on what visitors can spend on language models: narratives at once, new narratives per visitor per
 * hour (by session and by client address, whichever is reached first) and a daily budget of calls and tokens kept in
 * the database. A refusal is a plain sentence for the visitor, who keeps the facts.
 */
@Component
public class NarrativeLimits {

    /** Who asks: the HTTP session and the client's address (after the trusted proxy). */
    public record Visitor(String session, String address) {
    }

    /** Today's spend and the budget. */
    public record Usage(LocalDate day, long calls, long promptTokens, long completionTokens, int dailyCalls,
                        long dailyTokens, int running, int concurrency) {
        public long tokens() {
            return promptTokens + completionTokens;
        }
    }

    /** May a new narrative start? When granted, {@link Granted#release()} must follow its end (it is idempotent). */
    public sealed interface Admission permits Granted, Refused {
    }

    public static final class Granted implements Admission {
        private final Runnable onRelease;
        private final AtomicBoolean released = new AtomicBoolean();

        Granted(Runnable onRelease) {
            this.onRelease = onRelease;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                onRelease.run();
            }
        }
    }

    public record Refused(String why) implements Admission {
    }

    private final AiLimitsProperties limits;
    private final JdbcTemplate writer;
    private final JdbcClient reader;
    private final Clock clock;
    private final Semaphore running;
    private final Cache<String, Deque<Instant>> recent = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    NarrativeLimits(AiLimitsProperties limits, @Qualifier(Writer.NAME) JdbcTemplate writer, JdbcClient reader,
                    Clock clock) {
        this.limits = limits;
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
        this.running = new Semaphore(Math.max(1, limits.concurrency()));
    }

    /** Checks the budget, the visitor's rate and the narratives at once, in that order; counts a granted call. */
    public synchronized Admission admit(Visitor visitor) {
        Usage u = usage();
        if (u.calls() >= limits.dailyCalls() || u.tokens() >= limits.dailyTokens()) {
            return new Refused("Por hoy se agotó el presupuesto de análisis escritos por un modelo de lenguaje; "
                    + "los hechos siguen aquí y mañana habrá narrativas nuevas.");
        }
        Instant now = clock.instant();
        Deque<Instant> bySession = window("s:" + visitor.session(), now);
        Deque<Instant> byAddress = window("a:" + visitor.address(), now);
        if (bySession.size() >= limits.visitorPerHour() || byAddress.size() >= limits.visitorPerHour()) {
            return new Refused("Ya pidió " + limits.visitorPerHour() + " análisis nuevos en la última hora; los hechos "
                    + "siguen aquí y los análisis ya escritos se pueden abrir sin límite.");
        }
        if (!running.tryAcquire()) {
            return new Refused("Ahora mismo se escriben " + limits.concurrency() + " análisis, el máximo a la vez; "
                    + "los hechos siguen aquí: vuelva a pulsar «Analizar» en un momento.");
        }
        bySession.addLast(now);
        byAddress.addLast(now);
        record(1, 0, 0);
        return new Granted(running::release);
    }

    /** How long one answer may take, from the request to its last token. */
    public Duration answerDeadline() {
        return limits.answerDeadline();
    }

    /** How many characters one answer may have. */
    public int maxAnswerChars() {
        return limits.maxAnswerChars();
    }

    /** The tokens a narrative cost, as the app counted them. */
    public void spent(int promptTokens, int completionTokens) {
        record(0, Math.max(0, promptTokens), Math.max(0, completionTokens));
    }

    public Usage usage() {
        LocalDate day = LocalDate.now(clock.withZone(Formats.CHILE));
        long[] v = reader.sql("SELECT calls, prompt_tokens, completion_tokens FROM ai_usage WHERE day = :d")
                .param("d", day.toString())
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional()
                .orElse(new long[3]);
        return new Usage(day, v[0], v[1], v[2], limits.dailyCalls(), limits.dailyTokens(),
                limits.concurrency() - running.availablePermits(), limits.concurrency());
    }

    private Deque<Instant> window(String key, Instant now) {
        Deque<Instant> times = recent.get(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            times.removeFirst();
        }
        return times;
    }

    private void record(int calls, long prompt, long completion) {
        String day = LocalDate.now(clock.withZone(Formats.CHILE)).toString();
        writer.update("""
                INSERT INTO ai_usage (day, calls, prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET calls = ai_usage.calls + excluded.calls,
                    prompt_tokens = ai_usage.prompt_tokens + excluded.prompt_tokens,
                    completion_tokens = ai_usage.completion_tokens + excluded.completion_tokens""",
                day, calls, prompt, completion);
    }
}
