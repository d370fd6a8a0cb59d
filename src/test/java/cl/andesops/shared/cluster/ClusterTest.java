package cl.andesops.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.AndesOpsApplication;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.DatabaseTarget;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.testing.PostgresTestDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one PostgreSQL database: the app in a Spring context and a second {@link Cluster} beside it on the
 * same database, as another process would be. One leads; the other hears every commit by push, catches up after its
 * session is cut, passes admin commands to the leader, and leads when the first stops.
 */
class ClusterTest {

    @TempDir
    Path dir;

    @Test
    void a_notification_stays_under_postgresqls_limit_and_says_when_it_left_codes_out() {
        List<String> codes = IntStream.range(0, 2_000).mapToObj(i -> "1057-" + i + "-SE26").toList();
        String json = Notices.change("node-a", new DataChanged(Dataset.ORDERS, 42, codes.subList(0, 300),
                codes.subList(300, 2_000)), 42);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(8_000);
        Notices.Change c = JsonMapper.builder().build().readValue(json, Notices.Change.class);
        assertThat(c.cut()).isTrue();
        assertThat(c.version()).isEqualTo(42);
        assertThat(c.added()).hasSize(300); // added codes go first: screens count the new ones
        assertThat(c.changed()).isNotEmpty().allMatch(codes::contains);

        Notices.Change small = JsonMapper.builder().build().readValue(Notices.change("node-a",
                new DataChanged(Dataset.TENDERS, 7, List.of("1-2-LE26"), List.of("3-4-L126")), 7), Notices.Change.class);
        assertThat(small).isEqualTo(new Notices.Change("node-a", Dataset.TENDERS, 7, List.of("1-2-LE26"),
                List.of("3-4-L126"), false));
    }

    @Test
    void one_node_leads_the_other_follows_its_commits_and_takes_over_when_it_stops() throws Exception {
        assumeTrue(PostgresTestDatabase.server() != null, "PostgreSQL run skipped: no server given (bin/test starts "
                + "one when the machine has PostgreSQL's server, and sets ANDESOPS_TEST_POSTGRES)");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .run("--andesops.storage.data-dir=" + dir, "--server.port=0", "--logging.level.root=WARN",
                        "--andesops.sync.enabled=false", "--andesops.cluster.node-id=node-a")) {
            Cluster a = ctx.getBean(Cluster.class);
            JdbcTemplate writer = ctx.getBean(Writer.NAME, JdbcTemplate.class);
            List<Object> commands = new CopyOnWriteArrayList<>();
            ctx.addApplicationListener((PayloadApplicationEvent<?> e) -> {
                if (e.getPayload() instanceof Cluster.Command c) {
                    commands.add(c);
                }
            });
            assertThat(a.leads()).as("the first node on the database leads").isTrue();

            List<Object> heard = new CopyOnWriteArrayList<>();
            Cluster b = new Cluster(ctx.getBean(DatabaseTarget.class), writer, ctx.getBean(JdbcClient.class),
                    ctx.getBean(DataVersions.class), heard::add, Clock.systemUTC(), "node-b");
            b.start();
            try {
                assertThat(b.leads()).as("the lock is taken").isFalse();
                Cluster.View view = b.view();
                assertThat(view.database()).isEqualTo("PostgreSQL");
                assertThat(view.leader()).isEqualTo("node-a");
                assertThat(view.nodes()).extracting(Cluster.Node::id).containsExactlyInAnyOrder("node-a", "node-b");

                // a commit of node a reaches node b by push, with its codes
                writer.update("UPDATE data_version SET version = version + 1 WHERE dataset = 'orders'");
                long orders = ctx.getBean(DataVersions.class).current(Dataset.ORDERS);
                ctx.publishEvent(new DataChanged(Dataset.ORDERS, orders, List.of("1057-1-SE26"),
                        List.of("1057-2-SE26")));
                waitFor(Duration.ofSeconds(2), () -> heard.contains(new DataChanged(Dataset.ORDERS, orders,
                        List.of("1057-1-SE26"), List.of("1057-2-SE26"), true)));

                // the leader's new alerts reach the other node's bells by the same session
                ctx.publishEvent(new cl.andesops.alerts.AlertsAdded(java.util.Set.of("key-1")));
                waitFor(Duration.ofSeconds(2), () -> heard.contains(new cl.andesops.shared.events.Signal("alerts",
                        List.of("key-1"))));

                // b's session is cut; what was committed meanwhile arrives by the catch-up after it reconnects
                heard.clear();
                JdbcClient jdbc = ctx.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE application_name = 'andesops-cluster node-b'").query(Integer.class).single())
                        .isEqualTo(1);
                writer.update("UPDATE data_version SET version = version + 1 WHERE dataset = 'tenders'");
                long tenders = ctx.getBean(DataVersions.class).current(Dataset.TENDERS);
                waitFor(Duration.ofSeconds(15), () -> heard.contains(new DataChanged(Dataset.TENDERS, tenders,
                        List.of(), List.of(), true)));
                assertThat(heard).as("only what moved is caught up").noneMatch(e -> e instanceof DataChanged d
                        && d.dataset() != Dataset.TENDERS);

                // an admin command on the follower reaches the leader
                b.tellLeader("sync.pause");
                waitFor(Duration.ofSeconds(2), () -> commands.contains(new Cluster.Command("sync.pause")));

                // the leader stops: b leads within a heartbeat and says so to both
                a.stop();
                waitFor(Cluster.HEARTBEAT.plusSeconds(5), () -> heard.contains(new LeadershipChanged(true)));
                assertThat(b.leads()).isTrue();
                assertThat(b.view().leader()).isEqualTo("node-b");
                assertThat(b.view().nodes()).extracting(Cluster.Node::id).containsExactly("node-b");
            } finally {
                b.stop();
            }
        }
    }

    static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + limit).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
