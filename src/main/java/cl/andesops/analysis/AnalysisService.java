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
    }

    private final FactsService facts;
    private final Analyst analyst;
    private final Prompts prompts;
    private final OutputGuard guard;
    private final AnalysisStore store;
    private final Clock clock;
    private final NarrativeLimits limits;
    private final JsonMapper json = JsonMapper.builder().build();

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
            Flight existing = flights.get(key);
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
            Flight flight = new Flight(key, (NarrativeLimits.Granted) admission);
            if (flights.putIfAbsent(key, flight) != null) {
                flight.admission.release();
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

    private final java.util.concurrent.ConcurrentHashMap<String, Flight> flights =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One narrative being written and everyone watching it. */
    private final class Flight implements Analyst.Listener {
        private final String key;
        private final NarrativeLimits.Granted admission;
        private final StringBuilder raw = new StringBuilder();
        private final java.util.List<Listener> watchers = new java.util.ArrayList<>();
        private String[] startedBy;
        private boolean ended;
        private volatile Analyst.Handle upstream;
        private Prepared prepared;

        Flight(String key, NarrativeLimits.Granted admission) {
            this.key = key;
            this.admission = admission;
        }

        void start(Prepared p) {
            prepared = p;
            upstream = analyst.stream(prompts.request(p.facts(), p.locale()), this);
        }

        /** Joins with what was written so far; false when the flight already ended. */
        synchronized boolean join(Listener l) {
            if (ended) {
                return false;
            }
            watchers.add(l);
            if (startedBy != null) {
                l.started(startedBy[0], startedBy[1]);
            }
            if (!raw.isEmpty()) {
                l.text(narrativePart(guard.clean(raw.toString())));
            }
            return true;
        }

        void leave(Listener l) {
            boolean last;
            synchronized (this) {
                watchers.remove(l);
                last = watchers.isEmpty() && !ended;
                if (last) {
                    ended = true;
                }
            }
            if (last) {
                end();
                Analyst.Handle h = upstream;
                if (h != null) {
                    h.cancel();
                }
            }
        }

        private void end() {
            flights.remove(key, this);
            admission.release();
        }

        private synchronized java.util.List<Listener> watching() {
            return java.util.List.copyOf(watchers);
        }

        /** Ends the flight once; the watchers at that moment. */
        private java.util.List<Listener> finish() {
            synchronized (this) {
                if (ended) {
                    return java.util.List.of();
                }
                ended = true;
            }
            end();
            return watching();
        }

        @Override
        public void started(String provider, String model) {
            synchronized (this) {
                startedBy = new String[]{provider, model};
            }
            watching().forEach(l -> l.started(provider, model));
        }

        @Override
        public void token(String text) {
            String soFar;
            synchronized (this) {
                raw.append(text);
                soFar = raw.toString();
            }
            String visible = narrativePart(guard.clean(soFar));
            watching().forEach(l -> l.text(visible));
        }

        @Override
        public void completed(Analyst.Reply reply) {
            limits.spent(reply.promptTokens(), reply.completionTokens());
            java.util.List<Listener> to = finish();
            Prepared p = prepared;
            try {
                String clean = guard.clean(reply.text());
                Analysis a = store.save(new Analysis(null, p.facts().kind(), p.facts().subject(), p.version(),
                        reply.provider() + "/" + reply.model(), reply.provider(), p.facts(), narrativePart(clean),
                        verdict(p.facts().kind(), clean), reply.promptTokens(), reply.completionTokens(),
                        reply.tokensEstimated(), reply.millis(), Instant.now(clock)));
                to.forEach(l -> l.completed(a));
            } catch (RuntimeException e) {
                log.warn("Could not store an analysis", e);
                to.forEach(l -> l.failed("No se pudo guardar el análisis."));
            }
        }

        @Override
        public void failed(String message) {
            String clean = guard.clean(message);
            finish().forEach(l -> l.failed(clean));
        }
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
