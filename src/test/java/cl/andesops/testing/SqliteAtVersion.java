package cl.andesops.testing;

import java.io.IOException;
import java.nio.file.Files;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * A fresh SQLite database migrated up to one version, for a migration's test: rows are written as the schema before
 * it had them, then {@link #migrate} applies the rest.
 */
public final class SqliteAtVersion {

    private final SQLiteDataSource dataSource = new SQLiteDataSource();
    public final JdbcTemplate jdbc;

    public SqliteAtVersion(String version) throws IOException {
        dataSource.setUrl("jdbc:sqlite:" + Files.createTempDirectory("migration").resolve("andesops.db")
                + "?foreign_keys=true");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    /** Applies every migration after the version it was created at. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
