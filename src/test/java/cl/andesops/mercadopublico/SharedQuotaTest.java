package cl.andesops.mercadopublico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.shared.config.Secret;
import cl.andesops.testing.PostgresTestDatabase;

/**
 * Several nodes spend one ticket's quota on one PostgreSQL database, each through its own connections: together they
 * count exactly the quota, never a request more, and background work stops at its share.
 */
class SharedQuotaTest {

    @TempDir
    Path dir;

    @Test
    void nodes_spending_one_ticket_together_never_pass_its_daily_quota() throws Exception {
        assumeTrue(PostgresTestDatabase.server() != null, "PostgreSQL run skipped: no server given (bin/test starts "
                + "one when the machine has PostgreSQL's server, and sets ANDESOPS_TEST_POSTGRES)");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + dir, "--server.port=0", "--logging.level.root=WARN",
                        "--andesops.sync.enabled=false", "--andesops.mercadopublico.daily-quota=400",
                        "--andesops.mercadopublico.interactive-reserve=100")) {
            String url = ctx.getEnvironment().getProperty("andesops.storage.database-url");
            MercadoPublicoProperties properties = ctx.getBean(MercadoPublicoProperties.class);
            Secret ticket = Secret.of("shared-ticket");
            List<HikariDataSource> pools = new ArrayList<>();
            List<RequestLedger> nodes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl(url);
                pool.setMaximumPoolSize(2);
                pools.add(pool);
                nodes.add(new RequestLedger(JdbcClient.create(pool), new JdbcTemplate(pool), Clock.systemUTC(),
                        properties));
            }
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                // six threads on three nodes: background first, until each is refused, then interactive
                List<Future<int[]>> spent = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    RequestLedger ledger = nodes.get(t % 3);
                    spent.add(threads.submit((Callable<int[]>) () -> {
                        int background = 0;
                        int interactive = 0;
                        while (true) {
                            try {
                                ledger.spend(ticket, Purpose.BACKGROUND);
                                background++;
                            } catch (MercadoPublicoException e) {
                                break;
                            }
                        }
                        while (true) {
                            try {
                                ledger.spend(ticket, Purpose.INTERACTIVE);
                                interactive++;
                            } catch (MercadoPublicoException e) {
                                return new int[] {background, interactive};
                            }
                        }
                    }));
                }
                int background = 0;
                int interactive = 0;
                for (Future<int[]> f : spent) {
                    background += f.get()[0];
                    interactive += f.get()[1];
                }
                assertThat(background).as("background stops at the quota less the reserve").isEqualTo(300);
                assertThat(background + interactive).as("all nodes together spend the quota, not more").isEqualTo(400);
                RequestLedger.Usage usage = ctx.getBean(RequestLedger.class).usage(ticket);
                assertThat(usage.background()).isEqualTo(300);
                assertThat(usage.total()).isEqualTo(400);
                assertThat(usage.left()).isZero();
            } finally {
                threads.shutdownNow();
                pools.forEach(HikariDataSource::close);
            }
        }
    }
}
