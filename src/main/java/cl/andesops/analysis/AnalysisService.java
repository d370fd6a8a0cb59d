package cl.andesops.analysis;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facts first, then the narrative: computes the facts of a subject, answers from the cache when this version of
 * the facts was already analysed by the first available model, and otherwise streams a fresh narrative and stores it.
 */
@Service
public class AnalysisService {

    static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
    /** Said to a visitor when no language model is configured: the facts stand alone, no operator jargon. */
    public static final String NO_MODEL = "El análisis narrativo no está disponible en esta instalación: estos son "
            + "los hechos calculados de los datos.";
    /** Said to the admin when no language model is configured: what to set. */
    public static final String NO_KEY_HINT = "Sin narrativa: defina GEMINI_API_KEY, GROQ_API_KEY o FEATHERLESS_API_KEY "
            + "para que un modelo de lenguaje escriba el análisis a partir de estos hechos.";

    /** The facts of a subject, their version, and the analysis already made of them, if any. */
    public record Prepared(Subject subject, Facts facts, String version, Optional<Analysis> cached,
                           java.util.Locale locale) {
    }

    /** Progress of a narrative, called on the provider's threads. */
    public interface Listener {
        void started(String provider, String model);

        /** The narrative so far, cleaned, without the JSON tail. */
        void text(String narrativeSoFar);

        void completed(Analysis analysis);

        void failed(String message);

        /** A limit keeps a new narrative from starting: a plain sentence to show beside the facts. */
        void refused(String why);

        /**
         * The answer was cut at one of its bounds and not stored: {@code key} and {@code args} say which, in the
         * watcher's language (a screen translates them; anything else reads the Spanish).
         */
        default void cut(String key, Object... args) {
            failed(cl.andesops.shared.I18n.text(cl.andesops.shared.I18n.SPANISH, key, args));
        }
    }

    private final FactsService facts;
    final Analyst analyst;
    final Prompts prompts;
    final OutputGuard guard;
    final AnalysisStore store;
    final Clock clock;
    final NarrativeLimits limits;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The app's own count of tokens: a provider's usage figure is never taken below it. */
    final org.springframework.ai.tokenizer.TokenCountEstimator tokens =
            new org.springframework.ai.tokenizer.JTokkitTokenCountEstimator();
    /** Cuts an answer at its deadline. */
    static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("narrative-deadline").factory());
    /** Watchers see the text so far at most this often (each showing cleans the whole of it). */
    static final long SHOW_EVERY_NANOS = 100_000_000L;

    AnalysisService(FactsService facts, Analyst analyst, Prompts prompts, OutputGuard guard, AnalysisStore store,
                    Clock clock, NarrativeLimits limits) {
        this.limits = limits;
        this.facts = facts;
        this.analyst = analyst;
        this.prompts = prompts;
        this.guard = guard;
        this.store = store;
        this.clock = clock;
    }

    public boolean languageModelAvailable() {
        return analyst.available();
    }

    public java.util.List<String> models() {
        return analyst.models();
    }

    public Optional<Prepared> prepare(Subject subject) {
        return prepare(subject, cl.andesops.shared.I18n.SPANISH);
    }

    /**
     * The facts in the visitor's language, and the narrative already written of them. An English analysis is its
     * own entry: analyses are found by a hash of their facts, and English facts hash differently.
     */
    public Optional<Prepared> prepare(Subject subject, java.util.Locale locale) {
        return facts.facts(subject, locale).map(f -> {
            String version = store.version(f);
            Optional<Analysis> cached = Optional.empty();
            for (String model : analyst.models()) {
                cached = store.find(f.kind(), f.subject(), version, model);
                if (cached.isPresent()) {
                    break;
                }
            }
            return new Prepared(subject, f, version, cached, locale);
        });
    }

    /**
     * The facts on their own, not stored: opening an analysis writes nothing (a visitor walking through subjects
     * must not fill the database). They are shared by the subject's address, which computes them again.
     */
    public Analysis factsOnly(Prepared p) {
        return new Analysis(null, p.facts().kind(), p.facts().subject(), p.version(), AnalysisStore.FACTS_ONLY, null,
                p.facts(), null, null, 0, 0, false, 0, Instant.now(clock));
    }

    public Optional<Analysis> load(String id) {
        return store.byId(id);
    }

    /** The request a model gets for these facts (for measuring and for the injection test). */
    public Analyst.Request request(Facts f) {
        return prompts.request(f);
    }

    /** Streams a fresh narrative for a test or a tool, as one visitor of its own. */
    Analyst.Handle run(Prepared p, Listener listener) {
        return run(p, new NarrativeLimits.Visitor("internal", "internal"), listener);
    }

    /**
     * Streams a fresh narrative; the result is cleaned, parsed, cached and handed to the listener. Visitors of the
     * same subject and facts share one stream (each sees it from the start); a new stream needs the limits' leave,
     * and a refusal reaches the listener as a plain sentence. Cancelling leaves the stream; the last to leave stops
     * it (it still counts).
     */
    public Analyst.Handle run(Prepared p, NarrativeLimits.Visitor visitor, Listener listener) {
        String key = p.facts().kind() + "|" + p.facts().subject() + "|" + p.version();
        while (true) {
            NarrativeFlight existing = flights.get(key);
            if (existing != null) {
                if (existing.join(listener)) {
                    return () -> existing.leave(listener);
                }
                continue; // it ended just now: start another
            }
            NarrativeLimits.Admission admission = limits.admit(visitor);
            if (admission instanceof NarrativeLimits.Refused refused) {
                listener.refused(refused.why());
                return () -> { };
            }
            NarrativeFlight flight = new NarrativeFlight(this, key, (NarrativeLimits.Granted) admission);
            if (flights.putIfAbsent(key, flight) != null) {
                flight.release();
                continue;
            }
            flight.join(listener);
            try {
                flight.start(p);
            } catch (RuntimeException e) {
                // the provider client failed before streaming: end the flight, free its slot, say so
                log.warn("A narrative could not start: {}", e.toString());
                flight.failed("No se pudo consultar el modelo de lenguaje.");
            }
            return () -> flight.leave(listener);
        }
    }

    final java.util.concurrent.ConcurrentHashMap<String, NarrativeFlight> flights =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A provider's token figure, unless the app's own count of what it sent is more than twice it (tokenizers differ
     * by a fifth, not by half): then the app's count.
     */
    static int plausible(int reported, int counted) {
        return reported >= counted / 2 ? reported : counted;
    }

    /** What the reader sees: everything before the JSON marker. */
    static String narrativePart(String text) {
        int at = text.indexOf(Prompts.JSON_MARKER);
        String visible = at < 0 ? text : text.substring(0, at);
        // a marker arriving in pieces: hide a trailing "###" or "###JS" until it is complete
        int partial = visible.lastIndexOf("###");
        if (at < 0 && partial >= 0 && Prompts.JSON_MARKER.startsWith(visible.substring(partial).strip())) {
            visible = visible.substring(0, partial);
        }
        return visible.strip();
    }

    /** The JSON after the marker, checked against the record it should fill; null when absent or malformed. */
    String verdict(AnalysisKind kind, String text) {
        int at = text.indexOf(Prompts.JSON_MARKER);
        if (at < 0) {
            return null;
        }
        String tail = text.substring(at + Prompts.JSON_MARKER.length()).strip();
        try {
            Object parsed = new BeanOutputConverter<>(Verdicts.forKind(kind)).convert(tail);
            return parsed == null ? null : json.writeValueAsString(parsed);
        } catch (RuntimeException e) {
            log.info("The model's structured answer did not parse: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    public Optional<Verdicts.BidAdvice> bidAdvice(Analysis a) {
        return a.kind() == AnalysisKind.TENDER && a.verdictJson() != null
                ? Optional.of(json.readValue(a.verdictJson(), Verdicts.BidAdvice.class)) : Optional.empty();
    }

    public Optional<Verdicts.Findings> findings(Analysis a) {
        return a.kind() != AnalysisKind.TENDER && a.verdictJson() != null
                ? Optional.of(json.readValue(a.verdictJson(), Verdicts.Findings.class)) : Optional.empty();
    }
}
