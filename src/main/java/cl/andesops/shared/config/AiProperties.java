package cl.andesops.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The language-model providers: {@code GEMINI_*}, {@code GROQ_*}, {@code FEATHERLESS_*}. */
@ConfigurationProperties("andesops.ai")
public record AiProperties(@DefaultValue Provider gemini, @DefaultValue Provider groq,
                           @DefaultValue Provider featherless) {

    /** One provider; {@code baseUrl} may be blank where the provider's SDK default applies (Gemini). */
    public record Provider(@DefaultValue("") Secret apiKey, @DefaultValue("") String model, @DefaultValue("") String baseUrl) {
        public boolean enabled() {
            return apiKey.isSet();
        }
    }
}
