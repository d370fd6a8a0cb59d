package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import cl.andesops.shared.format.Formats;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged jars on one PostgreSQL database, following a simulated Mercado Público that publishes an order every
 * two seconds: the first leads and syncs, the second follows, and an order the leader commits appears on a Monitor
 * open on the second within 2 s, by push. The leader is killed with SIGKILL: the second leads within 30 s, resumes
 * the sync where it stopped, and ends with every order the source published, none lost or doubled, and one request
 * ledger for both (what the source counted is what the ledger says, whichever node sent it).
 */
class TwoNodesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_follower_shows_the_leaders_commits_by_push_and_takes_over_when_the_leader_is_killed() throws Exception {
        String server = System.getenv("ANDESOPS_TEST_POSTGRES");
        assumeTrue(server != null && !server.isBlank(), "Two-node test skipped: no PostgreSQL server given (bin/test "
                + "starts one when the machine has PostgreSQL's server, and sets ANDESOPS_TEST_POSTGRES)");
        String name = "two_nodes_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        String url = server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        Instant midnight = LocalDate.now(Formats.CHILE).atStartOfDay(Formats.CHILE).toInstant();
        // two minutes into the day: orders are listed once sent, a minute after they are made, so a few dozen are
        // there at the start and a new one is sent every two seconds from then on
        Clock simClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(),
                midnight.plus(Duration.ofMinutes(2))));
        SimulatorSettings settings = new SimulatorSettings(515151, 0, 43_200, 0, 0, 300, Duration.ofMillis(3), true,
                1_000_000, "cluster-ticket", 0, false);
        try (SimulatorServer sim = SimulatorServer.start(settings, simClock);
             Connection db = DriverManager.getConnection(url)) {
            Map<String, String> env = new HashMap<>(Map.of("MERCADO_PUBLICO_TICKET", "cluster-ticket",
                    "MERCADO_PUBLICO_BASE_URL", sim.baseUrl().toString(),
                    "COMPRA_AGIL_BASE_URL", sim.baseUrl().toString(),
                    "ANDESOPS_MERCADOPUBLICO_MINSPACING", "3ms", "ANDESOPS_SYNC_HISTORYDAYS", "0",
                    "ANDESOPS_SYNC_POLLINTERVAL", "2s", "DATABASE_URL", url, "ADMIN_PASSWORD", "cluster-admin"));
            env.put("ANDESOPS_CLUSTER_NODE_ID", "node-a");
            Map<String, String> envB = new HashMap<>(env);
            envB.put("ANDESOPS_CLUSTER_NODE_ID", "node-b");
            try (PackagedApp a = PackagedApp.start(env, Files.createTempDirectory("andesops-node-a"));
                 PackagedApp b = PackagedApp.start(envB, Files.createTempDirectory("andesops-node-b"))) {
                // one leader, two nodes alive, whichever node is asked
                for (PackagedApp node : List.of(a, b)) {
                    JsonNode cluster = status(node).get("cluster");
                    assertThat(cluster.get("database").asString()).isEqualTo("PostgreSQL");
                    assertThat(cluster.get("leader").asString()).isEqualTo("node-a");
                    waitFor(Duration.ofSeconds(10), () -> nodes(node).equals(Set.of("node-a", "node-b")));
                }
                assertThat(b.logText()).doesNotContain("Sync started");

                ChromeDriver driver = Browser.open(1366, 1000);
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                    driver.get(b.uri("/").toString());
                    wait.until(d -> !MonitorBrowserIT.codesOnPage(d).isEmpty());

                    // an order committed by the leader is on the follower's screen within 2 s
                    long pushMillis = pushed(db, sim, driver);
                    System.out.println("[measure] leader's commit to the follower's Monitor: " + pushMillis + " ms");
                    assertThat(pushMillis).as("commit on node a to the Monitor on node b").isLessThan(2_000);

                    // the leader dies: the follower leads within 30 s and its sync goes on
                    int before = count(db, "SELECT count(*) FROM purchase_order");
                    long t0 = System.nanoTime();
                    a.kill();
                    waitFor(Duration.ofSeconds(30), () -> "node-b".equals(status(b).get("cluster").get("leader")
                            .asString()));
                    long failover = (System.nanoTime() - t0) / 1_000_000;
                    System.out.println("[measure] failover after kill -9: " + failover + " ms");
                    waitFor(Duration.ofSeconds(15), () -> b.logText().contains("Sync started"));
                    waitFor(Duration.ofSeconds(30), () -> count(db, "SELECT count(*) FROM purchase_order") > before + 2);
                    long afterFailover = pushed(db, sim, driver);
                    System.out.println("[measure] new leader's commit to its own Monitor: " + afterFailover + " ms");
                    waitFor(Duration.ofSeconds(15), () -> nodes(b).equals(Set.of("node-b")));
                } finally {
                    driver.quit();
                }

                // nothing lost or doubled: every order the source published by now is stored once, with details
                List<String> published = sim.orderCodes(LocalDate.now(Formats.CHILE));
                waitFor(Duration.ofSeconds(60), () -> {
                    Set<String> stored = strings(db, "SELECT code FROM purchase_order WHERE has_detail = 1");
                    return stored.containsAll(published);
                });
                assertThat(count(db, "SELECT count(*) - count(DISTINCT code) FROM purchase_order")).isZero();
                assertThat(count(db, "SELECT count(*) FROM sync_job WHERE state = 'FAILED'")).isZero();

                // one ledger for both nodes: it counts what the source received from either
                b.close();
                long ledger = count(db, "SELECT COALESCE(sum(background + interactive), 0) FROM api_request_ledger");
                assertThat(ledger).as("requests counted by both nodes against what the simulator received")
                        .isBetween(sim.requestCount(), sim.requestCount() + 1);
                assertThat(b.logText()).doesNotContain("cluster-ticket");
            }
        }
    }

    /** Waits for the next order the source publishes to be committed, then for it on the screen: the time between. */
    private static long pushed(Connection db, SimulatorServer sim, ChromeDriver driver) throws Exception {
        Set<String> stored = strings(db, "SELECT code FROM purchase_order");
        String next = null;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long committed = 0;
        while (System.nanoTime() < end) {
            if (next == null) {
                List<String> codes = sim.orderCodes(LocalDate.now(Formats.CHILE));
                if (!codes.isEmpty() && !stored.contains(codes.getLast())) {
                    next = codes.getLast();
                }
            } else if (exists(db, next)) {
                committed = System.nanoTime();
                break;
            }
            Thread.sleep(20);
        }
        assertThat(committed).as("the leader committed a new order").isPositive();
        String code = next;
        while (!MonitorBrowserIT.codesOnPage(driver).contains(code)) {
            assertThat(System.nanoTime() - committed).as(code + " on the screen within 10 s")
                    .isLessThan(Duration.ofSeconds(10).toNanos());
            Thread.sleep(20);
        }
        return (System.nanoTime() - committed) / 1_000_000;
    }

    private static JsonNode status(PackagedApp node) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri("/api/v1/sync/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Set<String> nodes(PackagedApp node) throws Exception {
        Set<String> ids = new HashSet<>();
        status(node).get("cluster").get("nodes").forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    private static boolean exists(Connection db, String code) throws Exception {
        try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM purchase_order WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<String> strings(Connection db, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Duration limit, Check check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("within " + limit).isLessThan(end);
            Thread.sleep(100);
        }
    }
}
