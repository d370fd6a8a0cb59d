package cl.andesops.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may frame the app (a Hugging Face Space shows it in an iframe from huggingface.co, served from its own
 * *.hf.space domain) and how failed logins are throttled.
 */
@ConfigurationProperties("andesops.security")
public record SecurityProperties(
        @DefaultValue("'self' https://huggingface.co https://*.hf.space") String frameAncestors,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("5m") Duration lockout) {
}
