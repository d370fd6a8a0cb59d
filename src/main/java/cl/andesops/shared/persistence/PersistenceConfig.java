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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Configuration;

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

    /** Held for the life of the context: one process per data directory (tests that share one turn it off). */
    @Bean(destroyMethod = "")
    Object dataDirLock(StorageProperties storage,
                            @org.springframework.beans.factory.annotation.Value("${andesops.storage.lock:true}") boolean lock) {
        createDirectories(storage.dataDir());
        return lock ? DataDirLock.acquire(storage.dataDir()) : "unlocked";
    }

    @Bean
    @org.springframework.context.annotation.DependsOn("dataDirLock")
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

    @Bean
    SqlDialect sqlDialect(DatabaseTarget target) {
        return new SqlDialect(target.kind());
    }

    /** Each database its own migrations: SQLite's V1-V7 as they were applied, PostgreSQL's the same schema at V7. */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer flywayLocations(DatabaseTarget target) {
        return c -> c.locations(target.kind() == DatabaseTarget.Kind.POSTGRESQL ? "classpath:db/postgresql"
                : "classpath:db/migration");
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseTarget target) {
        // the main pool: reads (views, REST, aggregates) and Flyway at start
        return pool("andesops-read", target, target.jdbcUrl(),
                target.kind() == DatabaseTarget.Kind.SQLITE ? SQLITE_POOL_SIZE : 10, null);
    }

    /** The one writer: a single connection whose transactions begin IMMEDIATE (see {@link Writer}). */
    @Bean(name = Writer.NAME + "DataSource", destroyMethod = "close")
    HikariDataSource writerDataSource(DatabaseTarget target) {
        boolean sqlite = target.kind() == DatabaseTarget.Kind.SQLITE;
        // a 64 MiB page cache (the default is 2 MiB) keeps the orders' index pages in memory while a batch inserts
        // PostgreSQL: the driver sends a batch of inserts and upserts as multi-row statements (one round trip and one
        // plan per 128 rows instead of per row): the writers give each key once per batch
        String url = sqlite ? target.jdbcUrl() + "&transaction_mode=IMMEDIATE&cache_size=-65536"
                : target.jdbcUrl() + (target.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        // one writer on PostgreSQL too: the same order of writes as on SQLite (data versions commit in order)
        // SQLite: the writer leaves checkpoints to SqliteMaintenance's thread unless the log grows far past its size
        return pool("andesops-write", target, url, 1,
                sqlite ? "PRAGMA wal_autocheckpoint=" + SqliteMaintenance.WRITER_CHECKPOINT_PAGES : null);
    }

    @Bean
    @Primary
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @Primary
    NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbcTemplate) {
        return new NamedParameterJdbcTemplate(jdbcTemplate);
    }

    @Bean
    @Primary
    JdbcClient jdbcClient(NamedParameterJdbcTemplate namedParameterJdbcTemplate) {
        return JdbcClient.create(namedParameterJdbcTemplate);
    }

    @Bean(name = Writer.NAME)
    JdbcTemplate writerJdbc(@Qualifier(Writer.NAME + "DataSource") DataSource writer) {
        return new JdbcTemplate(writer);
    }

    @Bean(name = Writer.NAME + "NamedJdbc")
    NamedParameterJdbcTemplate writerNamedJdbc(@Qualifier(Writer.NAME) JdbcTemplate writer) {
        return new NamedParameterJdbcTemplate(writer);
    }

    /** Read-only service transactions ({@code @Transactional}) run on the read pool. */
    @Bean
    @Primary
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean(name = Writer.NAME + "TransactionManager")
    DataSourceTransactionManager writerTransactionManager(@Qualifier(Writer.NAME + "DataSource") DataSource writer) {
        return new DataSourceTransactionManager(writer);
    }

    @Bean(name = Writer.NAME + "Tx")
    TransactionTemplate writerTx(@Qualifier(Writer.NAME + "TransactionManager") DataSourceTransactionManager manager) {
        return new TransactionTemplate(manager);
    }

    private static HikariDataSource pool(String name, DatabaseTarget target, String url, int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setConnectionInitSql(initSql);
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setDriverClassName(target.driverClassName());
        if (target.username() != null) {
            config.setUsername(target.username());
        }
        if (target.password().isSet()) {
            config.setPassword(target.password().reveal());
        }
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo crear el directorio de datos " + dir, e);
        }
    }
}
