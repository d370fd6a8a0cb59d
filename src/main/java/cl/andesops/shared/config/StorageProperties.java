package cl.andesops.shared.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where data lives: {@code ANDESOPS_DATA_DIR} and {@code DATABASE_URL}. The URL may carry a password, so it is
 * held as a {@link Secret}.
 */
@ConfigurationProperties("andesops.storage")
public record StorageProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("") Secret databaseUrl) {
}
