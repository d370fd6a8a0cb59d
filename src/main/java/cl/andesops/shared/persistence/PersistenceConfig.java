package cl.andesops.shared.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

import cl.andesops.shared.config.StorageProperties;

@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

    private static final Logger log = LoggerFactory.getLogger(PersistenceConfig.class);

    /**
     * SQLite allows one writer at a time; in WAL mode readers never wait for it. The pool is sized for the one
     * writer plus the readers that two cores can serve (views, REST, aggregates) so that no reader queues for a
     * connection behind a long write.
     */
    static final int SQLITE_POOL_SIZE = 8;

    @Bean
    DatabaseTarget databaseTarget(StorageProperties storage) {
        DatabaseTarget target = DatabaseTarget.resolve(storage.databaseUrl(), storage.dataDir());
        createDirectories(storage.dataDir());
        Path file = target.sqliteFile();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            createDirectories(file.toAbsolutePath().getParent());
        }
        log.info("Database: {}", target);
        return target;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("andesops");
        config.setJdbcUrl(target.jdbcUrl());
        config.setDriverClassName(target.driverClassName());
        if (target.username() != null) {
            config.setUsername(target.username());
        }
        if (target.password().isSet()) {
            config.setPassword(target.password().reveal());
        }
        config.setMaximumPoolSize(target.kind() == DatabaseTarget.Kind.SQLITE ? SQLITE_POOL_SIZE : 10);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    @Bean
    JdbcDialect jdbcDialect(DatabaseTarget target) {
        return target.kind() == DatabaseTarget.Kind.SQLITE ? SqliteDialect.INSTANCE : JdbcPostgresDialect.INSTANCE;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo crear el directorio de datos " + dir, e);
        }
    }
}
