package cl.andesops.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ADMIN_PASSWORD}: the password of the {@code admin} user. */
@ConfigurationProperties("andesops.admin")
public record AdminProperties(@DefaultValue("") Secret password) {
}
