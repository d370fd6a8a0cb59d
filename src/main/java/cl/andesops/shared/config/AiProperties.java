package cl.andesops.shared.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language-model providers: {@code GEMINI_*}, {@code GROQ_*}, {@code FEATHERLESS_*}; the order the router tries
 * them in ({@code ANDESOPS_AI_ORDER}), how long it waits for a first token and for the whole answer.
 */
@ConfigurationProperties("andesops.ai")
public record AiProperties(@DefaultValue Provider gemini, @DefaultValue Provider groq,
                           @DefaultValue Provider featherless,
                           @DefaultValue({"gemini", "groq", "featherless"}) List<String> order,
                           @DefaultValue("30s") Duration firstTokenTimeout,
                           @DefaultValue("180s") Duration timeout,
                           @DefaultValue("2048") int maxOutputTokens) {

    /** One provider; {@code baseUrl} may be blank where the provider's SDK default applies (Gemini). */
    public record Provider(@DefaultValue("") Secret apiKey, @DefaultValue("") String model, @DefaultValue("") String baseUrl) {
        public boolean enabled() {
            return apiKey.isSet();
        }
    }

    public Provider provider(String name) {
        return switch (name) {
            case "gemini" -> gemini;
            case "groq" -> groq;
            case "featherless" -> featherless;
            default -> throw new IllegalArgumentException("Proveedor desconocido: " + name);
        };
    }
}
