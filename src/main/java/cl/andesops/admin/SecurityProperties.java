package cl.andesops.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may frame the app (a Hugging Face Space shows it in an iframe from huggingface.co, served from its own
 * *.hf.space domain), how failed logins are throttled, and how many requests an anonymous client address may make
 * of the API per minute ({@code ANDESOPS_API_RATE_LIMIT}; 0 turns the bound off).
 */
@ConfigurationProperties("andesops.security")
public record SecurityProperties(
        @DefaultValue("") String frameAncestors,
        @DefaultValue("") String spaceHost,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("5m") Duration lockout,
        @DefaultValue("120") int apiPerMinute) {

    /**
     * Who may frame the app: as configured, else this Space only ({@code SPACE_HOST}, which Hugging Face sets) and
     * huggingface.co, not every {@code *.hf.space}.
     */
    public String ancestors() {
        if (frameAncestors != null && !frameAncestors.isBlank()) {
            return frameAncestors;
        }
        String host = spaceHost == null ? "" : spaceHost.strip().replaceAll("[^A-Za-z0-9.:-]", "");
        return "'self' https://huggingface.co" + (host.isEmpty() ? "" : " https://" + host);
    }
}
