package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.testing.PostgresTestDatabase;

/**
 * The suite's PostgreSQL run really is on PostgreSQL: the app starts there on an empty database with its own
 * migration. On the SQLite run (no server given) this says the PostgreSQL run was skipped, and why.
 */
class OnPostgresTest {

    @TempDir
    Path dir;

    @Test
    void the_app_starts_on_an_empty_postgresql_database_with_its_schema() throws java.io.IOException {
        assumeTrue(PostgresTestDatabase.server() != null, "PostgreSQL run skipped: no server given (bin/test starts "
                + "one when the machine has PostgreSQL's server, and sets ANDESOPS_TEST_POSTGRES)");
        try (var ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + dir, "--server.port=0", "--logging.level.root=WARN")) {
            assertThat(ctx.getBean(DatabaseTarget.class).kind()).isEqualTo(DatabaseTarget.Kind.POSTGRESQL);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
            // every migration the PostgreSQL folder holds was applied, the newest last
            int newest = java.util.Arrays.stream(new org.springframework.core.io.support
                            .PathMatchingResourcePatternResolver().getResources("classpath:db/postgresql/V*__*.sql"))
                    .mapToInt(r -> Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__"))))
                    .max().orElseThrow();
            // the last applied by rank (its version is text: "9" sorts after "10")
            assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC "
                    + "LIMIT 1").query(String.class).single()).isEqualTo(Integer.toString(newest));
            assertThat(newest).isGreaterThanOrEqualTo(9);
            assertThat(jdbc.sql("SELECT count(*) FROM data_version").query(Integer.class).single()).isEqualTo(3);
        }
    }
}
