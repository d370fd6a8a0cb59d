package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class DatabaseSetupTest {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JdbcDialect dialect;

    @Autowired DatabaseTarget target;

    @Test
    void sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout() {
        org.junit.jupiter.api.Assumptions.assumeTrue(target.kind() == DatabaseTarget.Kind.SQLITE, "SQLite only");
        assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
        assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("PRAGMA busy_timeout").query(Integer.class).single()).isGreaterThanOrEqualTo(5000);
        assertThat(dialect).isInstanceOf(SqliteDialect.class);
        assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isGreaterThan(1);
    }

    @Test
    void flyway_created_the_schema() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class)
                .single()).isGreaterThanOrEqualTo(1);
        for (String table : java.util.List.of("purchase_order", "order_item", "tender", "tender_offer", "ca_request",
                "ca_quote", "api_request_ledger", "sync_job", "import_file", "analysis", "ai_usage")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single()).isNotNegative();
        }
    }
}
