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

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
    /** Said when no language model is configured: the facts stand alone. */
    public static final String NO_KEY_HINT = "Sin narrativa: defina GEMINI_API_KEY, GROQ_API_KEY o FEATHERLESS_API_KEY "
            + "para que un modelo de lenguaje escriba el análisis a partir de estos hechos.";

    /** The facts of a subject, their version, and the analysis already made of them, if any. */
    public record Prepared(Subject subject, Facts facts, String version, Optional<Analysis> cached) {
    }

    /** Progress of a narrative, called on the provider's threads. */
    public interface Listener {
        void started(String provider, String model);

        /** The narrative so far, cleaned, without the JSON tail. */
        void text(String narrativeSoFar);

        void completed(Analysis analysis);

        void failed(String message);
    }

    private final FactsService facts;
    private final Analyst analyst;
    private final Prompts prompts;
    private final OutputGuard guard;
    private final AnalysisStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AnalysisService(FactsService facts, Analyst analyst, Prompts prompts, OutputGuard guard, AnalysisStore store,
                    Clock clock) {
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
        return facts.facts(subject).map(f -> {
            String version = store.version(f);
            Optional<Analysis> cached = Optional.empty();
            for (String model : analyst.models()) {
                cached = store.find(f.kind(), f.subject(), version, model);
                if (cached.isPresent()) {
                    break;
                }
            }
            return new Prepared(subject, f, version, cached);
        });
    }

    /** The facts on their own, stored so that they too can be shared and exported. */
    public Analysis factsOnly(Prepared p) {
        return store.find(p.facts().kind(), p.facts().subject(), p.version(), AnalysisStore.FACTS_ONLY)
                .orElseGet(() -> store.save(new Analysis(null, p.facts().kind(), p.facts().subject(), p.version(),
                        AnalysisStore.FACTS_ONLY, null, p.facts(), null, null, 0, 0, false, 0, Instant.now(clock))));
    }

    public Optional<Analysis> load(String id) {
        return store.byId(id);
    }

    /** The request a model gets for these facts (for measuring and for the injection test). */
    public Analyst.Request request(Facts f) {
        return prompts.request(f);
    }

    /** Streams a fresh narrative; the result is cleaned, parsed, cached and handed to the listener. */
    public Analyst.Handle run(Prepared p, Listener listener) {
        StringBuilder raw = new StringBuilder();
        return analyst.stream(prompts.request(p.facts()), new Analyst.Listener() {
            @Override
            public void started(String provider, String model) {
                listener.started(provider, model);
            }

            @Override
            public void token(String text) {
                String soFar;
                synchronized (raw) {
                    raw.append(text);
                    soFar = raw.toString();
                }
                listener.text(narrativePart(guard.clean(soFar)));
            }

            @Override
            public void completed(Analyst.Reply reply) {
                try {
                    String clean = guard.clean(reply.text());
                    Analysis a = store.save(new Analysis(null, p.facts().kind(), p.facts().subject(), p.version(),
                            reply.provider() + "/" + reply.model(), reply.provider(), p.facts(), narrativePart(clean),
                            verdict(p.facts().kind(), clean), reply.promptTokens(), reply.completionTokens(),
                            reply.tokensEstimated(), reply.millis(), Instant.now(clock)));
                    listener.completed(a);
                } catch (RuntimeException e) {
                    log.warn("Could not store an analysis", e);
                    listener.failed("No se pudo guardar el análisis.");
                }
            }

            @Override
            public void failed(String message) {
                listener.failed(guard.clean(message));
            }
        });
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
