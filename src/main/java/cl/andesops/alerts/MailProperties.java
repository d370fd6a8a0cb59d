package cl.andesops.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cl.andesops.shared.config.Secret;

/** {@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}, {@code SMTP_FROM}. */
@ConfigurationProperties("andesops.mail")
public record MailProperties(@DefaultValue("") String host, @DefaultValue("587") int port,
                             @DefaultValue("") String username, @DefaultValue("") Secret password,
                             @DefaultValue("") String from) {

    /** Mail goes out only with a server and a sender. */
    public boolean configured() {
        return !host.isBlank() && !from.isBlank();
    }
}
