package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.config.Secret;

class DatabaseTargetTest {

    private final Path dataDir = Path.of("/var/andes");

    @Test
    void blank_url_means_sqlite_in_the_data_dir_with_wal_and_foreign_keys() {
        DatabaseTarget t = DatabaseTarget.resolve(Secret.of(""), dataDir);
        assertThat(t.kind()).isEqualTo(DatabaseTarget.Kind.SQLITE);
        assertThat(t.driverClassName()).isEqualTo("org.sqlite.JDBC");
        assertThat(t.jdbcUrl()).startsWith("jdbc:sqlite:/var/andes/andesops.db?")
                .contains("journal_mode=WAL", "foreign_keys=true", "busy_timeout=");
        assertThat(t.sqliteFile()).isEqualTo(Path.of("/var/andes/andesops.db"));
    }

    @Test
    void a_jdbc_sqlite_url_is_kept_and_given_the_pragmas() {
        DatabaseTarget t = DatabaseTarget.resolve(Secret.of("jdbc:sqlite:/tmp/x.db"), dataDir);
        assertThat(t.jdbcUrl()).startsWith("jdbc:sqlite:/tmp/x.db?journal_mode=WAL");
        assertThat(t.sqliteFile()).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DatabaseTarget.resolve(Secret.of("jdbc:sqlite::memory:"), dataDir).sqliteFile()).isNull();
    }

    @Test
    void a_jdbc_postgresql_url_selects_the_postgres_driver() {
        DatabaseTarget t = DatabaseTarget.resolve(Secret.of("jdbc:postgresql://db:5432/andes?user=a"), dataDir);
        assertThat(t.kind()).isEqualTo(DatabaseTarget.Kind.POSTGRESQL);
        assertThat(t.driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/andes?user=a");
        assertThat(t.sqliteFile()).isNull();
    }

    @Test
    void a_postgres_uri_is_split_into_jdbc_url_user_and_password() {
        DatabaseTarget t = DatabaseTarget.resolve(
                Secret.of("postgres://andes:s3cr%40t@db.example:6543/procurement?sslmode=require"), dataDir);
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/procurement?sslmode=require");
        assertThat(t.username()).isEqualTo("andes");
        assertThat(t.password().reveal()).isEqualTo("s3cr@t");
        assertThat(t.toString()).doesNotContain("s3cr");
        assertThat(DatabaseTarget.resolve(Secret.of("postgresql://u@h/db"), dataDir).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void a_password_in_a_jdbc_url_never_reaches_its_text() {
        DatabaseTarget t = DatabaseTarget.resolve(Secret.of("jdbc:postgresql://db.example:5432/andes?user=ops&password=s3cr3t&ssl=true"),
                java.nio.file.Path.of("data"));
        assertThat(t.toString()).doesNotContain("s3cr3t").contains("password=***").contains("ssl=true");
        assertThat(DatabaseTarget.resolve(Secret.of("postgres://ops:pw1@db.example/andes?sslpassword=k3y"), java.nio.file.Path.of("data"))
                .toString()).doesNotContain("pw1").doesNotContain("k3y");
        assertThat(DatabaseTarget.redacted("https://user:hunter2@host/x")).isEqualTo("https://user:***@host/x");
    }

    @Test
    void an_unknown_url_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> DatabaseTarget.resolve(Secret.of("mysql://root:hunter2@h/db"), dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseTarget.resolve(Secret.of("postgres://u:hunter2@/"), dataDir))
                .hasMessageNotContaining("hunter2");
    }
}
