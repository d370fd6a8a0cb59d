package cl.andesops.opendata;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ChileCompra's monthly open-data files are ({@code DATOS_ABIERTOS_BASE_URL}; the paths under it are the real
 * ones) and the bounds of a download and of its reading: a file larger than {@code maxBytes} is refused; a
 * connection that answers no headers, or sends no byte of its body, for {@code timeout} is cut (and the download
 * resumes from where it stopped), and a file not downloaded within {@code downloadDeadline} is cut too; a month that
 * fails {@code maxAttempts} times is failed with its reason and its file deleted. A field, a row, the rows of one
 * record and a header are bounded by {@code maxFieldChars}, {@code maxRecordChars}, {@code maxGroupRows} and
 * {@code maxColumns} ({@link ReadBounds}). On a first start the last {@code historyMonths} months
 * ({@code ANDESOPS_HISTORY_MONTHS}; 0 for none) are queued. An import that begins on fewer than {@code bulkBelow}
 * stored orders (an empty database, or the live sync's first hours) takes the bulk path ({@link FirstImport}; 0: never).
 */
@ConfigurationProperties("andesops.opendata")
public record OpenDataProperties(@DefaultValue("https://transparenciachc.blob.core.windows.net") URI baseUrl,
                                 @DefaultValue("true") boolean enabled,
                                 @DefaultValue("60s") Duration timeout,
                                 @DefaultValue("2000000000") long maxBytes,
                                 @DefaultValue("3") int maxAttempts,
                                 @DefaultValue("12") int historyMonths,
                                 @DefaultValue("60m") Duration downloadDeadline,
                                 @DefaultValue("65536") int maxFieldChars,
                                 @DefaultValue("1048576") int maxRecordChars,
                                 @DefaultValue("20000") int maxGroupRows,
                                 @DefaultValue("1000") int maxColumns,
                                 @DefaultValue("100000") long bulkBelow) {

    /** What a reading of one file may hold. */
    public ReadBounds bounds() {
        return new ReadBounds(maxFieldChars, maxRecordChars, maxGroupRows, maxColumns);
    }
}
