package cl.andesops.opendata;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ChileCompra's monthly open-data files are ({@code DATOS_ABIERTOS_BASE_URL}; the paths under it are the real
 * ones) and the bounds of a download: a file larger than {@code maxBytes} is refused, a connection idle for
 * {@code timeout} is cut (and the download resumes from where it stopped). On a first start the last
 * {@code historyMonths} months ({@code ANDESOPS_HISTORY_MONTHS}; 0 for none) are queued.
 */
@ConfigurationProperties("andesops.opendata")
public record OpenDataProperties(@DefaultValue("https://transparenciachc.blob.core.windows.net") URI baseUrl,
                                 @DefaultValue("true") boolean enabled,
                                 @DefaultValue("60s") Duration timeout,
                                 @DefaultValue("2000000000") long maxBytes,
                                 @DefaultValue("3") int maxAttempts,
                                 @DefaultValue("12") int historyMonths) {
}
