package cl.andesops.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where SII publishes the UTM (one page a year, {@code /valores_y_fechas/utm/utm{YYYY}.htm} under this base; blank
 * turns the refresh off) and how often the app reads it.
 */
@ConfigurationProperties("andesops.rules")
public record RulesProperties(@DefaultValue("https://www.sii.cl") String siiBaseUrl,
        @DefaultValue("24h") Duration siiRefresh, @DefaultValue("10s") Duration siiTimeout) {
}
