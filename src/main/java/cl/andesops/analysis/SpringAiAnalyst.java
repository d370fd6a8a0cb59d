package cl.andesops.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import cl.andesops.shared.config.AiProperties;

/**
 * The language models as Spring AI chat models: Gemini through Google's GenAI client ({@link GeminiChatModel}), the
 * OpenAI-compatible Groq and Featherless through {@link OpenAiWireChatModel}; each built only when its key is set. A router tries them in the configured order and falls back to the next on
 * an error, a timeout or a rate limit, as long as nothing has been streamed yet.
 */
@Component
public class SpringAiAnalyst implements Analyst, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SpringAiAnalyst.class);

    record Provider(String name, String model, ChatModel chat) {
    }

    private final List<Provider> providers;
    private final AiProperties properties;
    private final TokenCountEstimator estimator = new JTokkitTokenCountEstimator();
    /**
     * One virtual thread per answer: a provider stuck in a blocking read (until its HTTP timeout) after the router
     * gave up on it must not hold the thread the next provider's request would start on.
     */
    private final Scheduler streams = Schedulers.fromExecutorService(
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("llm-", 0).factory()), "llm");

    SpringAiAnalyst(AiProperties properties) {
        this.properties = properties;
        List<Provider> built = new ArrayList<>();
        for (String name : properties.order()) {
            String n = name.strip().toLowerCase(java.util.Locale.ROOT);
            AiProperties.Provider p;
            try {
                p = properties.provider(n);
            } catch (IllegalArgumentException e) {
                log.warn("andesops.ai.order names an unknown provider, ignored: {}", n);
                continue;
            }
            if (p.enabled() && built.stream().noneMatch(b -> b.name().equals(n))) {
                built.add(new Provider(n, p.model(), "gemini".equals(n) ? gemini(p) : openAiCompatible(p)));
            }
        }
        this.providers = List.copyOf(built);
        log.info("Language models: {}", providers.isEmpty() ? "none (analyses show facts only)" : models());
    }

    private ChatModel gemini(AiProperties.Provider p) {
        Client.Builder client = Client.builder().apiKey(p.apiKey().reveal());
        // no retries inside the SDK: the router falls back to the next provider instead
        HttpOptions.Builder http = HttpOptions.builder().timeout((int) properties.timeout().toMillis())
                .retryOptions(com.google.genai.types.HttpRetryOptions.builder().attempts(1).build());
        if (!p.baseUrl().isBlank()) {
            http.baseUrl(p.baseUrl());
        }
        client.httpOptions(http.build());
        return new GeminiChatModel(client.build(), p.model(), 0.2, properties.maxOutputTokens(), properties.timeout());
    }

    private ChatModel openAiCompatible(AiProperties.Provider p) {
        return new OpenAiWireChatModel(p.baseUrl(), p.apiKey(), p.model(), 0.2, properties.maxOutputTokens(),
                properties.timeout());
    }

    /** PRODUCT.md's bases end before {@code /v1} ({@code https://api.groq.com/openai}); the wire's paths start at it. */
    static String openAiBase(String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b.endsWith("/v1") ? b : b + "/v1";
    }

    @Override
    public void destroy() {
        streams.dispose();
    }

    @Override
    public List<String> models() {
        return providers.stream().map(p -> p.name() + "/" + p.model()).toList();
    }

    @Override
    public Handle stream(Request request, Listener listener) {
        AtomicReference<Disposable> running = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        if (providers.isEmpty()) {
            listener.failed("No hay un modelo de lenguaje configurado.");
            return () -> { };
        }
        attempt(0, request, listener, running, cancelled, new ArrayList<>(), System.nanoTime());
        return () -> {
            cancelled.set(true);
            Disposable d = running.get();
            if (d != null) {
                d.dispose();
            }
        };
    }

    private void attempt(int index, Request request, Listener listener, AtomicReference<Disposable> running,
                         AtomicBoolean cancelled, List<String> failures, long t0) {
        if (cancelled.get()) {
            return;
        }
        Provider p = providers.get(index);
        StringBuilder text = new StringBuilder();
        AtomicBoolean streaming = new AtomicBoolean();
        AtomicReference<Usage> usage = new AtomicReference<>();
        long[] firstToken = {0};
        Prompt prompt = new Prompt(List.of(new SystemMessage(request.system()), new UserMessage(request.user())));
        // Gemini's SDK streams on the subscribing thread: never on the caller's (a UI thread)
        Flux<ChatResponse> flux = p.chat().stream(prompt).subscribeOn(streams)
                .takeWhile(r -> !cancelled.get())
                .timeout(Mono.delay(properties.firstTokenTimeout()), r -> Mono.delay(properties.firstTokenTimeout()));
        Runnable next = () -> {
            if (index + 1 < providers.size()) {
                attempt(index + 1, request, listener, running, cancelled, failures, t0);
            } else {
                listener.failed("Ningún proveedor respondió: " + String.join("; ", failures) + ".");
            }
        };
        running.set(flux.subscribe(response -> {
            if (cancelled.get()) {
                return;
            }
            String chunk = response.getResult() == null || response.getResult().getOutput() == null ? null
                    : response.getResult().getOutput().getText();
            if (response.getMetadata() != null && response.getMetadata().getUsage() != null
                    && response.getMetadata().getUsage().getPromptTokens() != null
                    && response.getMetadata().getUsage().getPromptTokens() > 0) {
                usage.set(response.getMetadata().getUsage());
            }
            if (chunk != null && !chunk.isEmpty()) {
                if (streaming.compareAndSet(false, true)) {
                    firstToken[0] = (System.nanoTime() - t0) / 1_000_000;
                    listener.started(p.name(), p.model());
                }
                text.append(chunk);
                listener.token(chunk);
            }
        }, error -> {
            if (cancelled.get()) {
                return;
            }
            String why = describe(error);
            log.warn("Language model {} failed: {} ({})", p.name(), why, error.getClass().getSimpleName());
            if (streaming.get()) {
                listener.failed("La respuesta de " + p.name() + " se interrumpió (" + why + ").");
            } else {
                failures.add(p.name() + ": " + why);
                next.run();
            }
        }, () -> {
            if (cancelled.get()) {
                return;
            }
            if (!streaming.get()) {
                failures.add(p.name() + ": respuesta vacía");
                next.run();
                return;
            }
            Usage u = usage.get();
            boolean estimated = u == null;
            int promptTokens = estimated ? estimator.estimate(request.system()) + estimator.estimate(request.user())
                    : u.getPromptTokens();
            int completionTokens = estimated || u.getCompletionTokens() == null ? estimator.estimate(text.toString())
                    : u.getCompletionTokens();
            listener.completed(new Reply(p.name(), p.model(), text.toString(), promptTokens, completionTokens,
                    estimated, (System.nanoTime() - t0) / 1_000_000, firstToken[0]));
        }));
    }

    /** A short reason for the user and the log: never the exception message, which may carry a URL or a body. */
    static String describe(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && e.getCause() != e && !(e instanceof TimeoutException)) {
            if (status(e) > 0) {
                break;
            }
            e = e.getCause();
        }
        if (e instanceof TimeoutException) {
            return "sin respuesta a tiempo";
        }
        int status = status(e);
        String name = e.getClass().getSimpleName();
        if (status == 429 || name.contains("RateLimit")) {
            return "límite de solicitudes alcanzado (HTTP 429)";
        }
        if (status == 401 || status == 403 || name.contains("Unauthorized") || name.contains("PermissionDenied")) {
            return "la clave fue rechazada (HTTP " + (status > 0 ? status : 401) + ")";
        }
        if (status >= 500 || name.contains("InternalServer")) {
            return "error del proveedor (HTTP " + (status > 0 ? status : 500) + ")";
        }
        if (status > 0) {
            return "HTTP " + status;
        }
        if (name.contains("Json") || name.contains("Malformed") || name.contains("Parse")) {
            return "respuesta ilegible del proveedor";
        }
        if (e instanceof java.io.IOException || name.contains("Connect")) {
            return "sin conexión";
        }
        // a body that is not the wire it should be (HTML from a proxy, broken JSON): said plainly, the class goes
        // to the log only
        return "respuesta ilegible del proveedor";
    }

    private static int status(Throwable e) {
        if (e instanceof OpenAiWireChatModel.HttpStatusException s) {
            return s.status();
        }
        if (e instanceof com.google.genai.errors.ApiException a) {
            return a.code();
        }
        return 0;
    }
}
