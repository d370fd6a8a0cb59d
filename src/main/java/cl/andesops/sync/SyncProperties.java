package cl.andesops.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sync behaves. Poll intervals left empty take the mode's default: short against the simulator, gentle
 * against the real API (every list call costs quota and ~1.5 MB).
 */
@ConfigurationProperties("andesops.sync")
public record SyncProperties(@DefaultValue("true") boolean enabled,
                             Duration pollInterval,
                             @DefaultValue("30m") Duration tendersInterval,
                             Duration compraAgilInterval,
                             @DefaultValue("10") int historyDays,
                             @DefaultValue("3") int compraAgilHistoryDays,
                             @DefaultValue("25") int chunk,
                             @DefaultValue("30s") Duration failureBackoff) {

    Duration pollInterval(boolean simulated) {
        return pollInterval != null ? pollInterval : simulated ? Duration.ofSeconds(20) : Duration.ofMinutes(5);
    }

    Duration compraAgilInterval(boolean simulated) {
        return compraAgilInterval != null ? compraAgilInterval
                : simulated ? Duration.ofMinutes(1) : Duration.ofMinutes(10);
    }
}
