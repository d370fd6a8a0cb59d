package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.format.Formats;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorSettings;

/**
 * The packaged app, pointed at a simulator in this JVM as if it were Mercado Público, is killed with SIGKILL in
 * the middle of its sync and started again on the same data: it resumes where it stopped and ends with exactly the
 * orders and items the source holds, none lost and none doubled, each stamped with its commit's data version.
 */
class SyncResumeIT {

    @Test
    void a_sync_killed_with_sigkill_resumes_with_nothing_lost_or_doubled() throws Exception {
        SimulatorSettings settings = new SimulatorSettings(424242, 2, 300, 0, 0, 500, Duration.ofMillis(3), true,
                1_000_000, "resume-ticket", 0, false);
        try (SimulatorServer sim = SimulatorServer.start(settings, Clock.systemUTC())) {
            Path dataDir = Files.createTempDirectory("andesops-resume");
            Map<String, String> env = Map.of("MERCADO_PUBLICO_TICKET", "resume-ticket",
                    "MERCADO_PUBLICO_BASE_URL", sim.baseUrl().toString(),
                    "COMPRA_AGIL_BASE_URL", sim.baseUrl().toString(),
                    "ANDESOPS_MERCADOPUBLICO_MINSPACING", "3ms",
                    "ANDESOPS_SYNC_HISTORYDAYS", "2",
                    "ADMIN_PASSWORD", "resume-admin");
            Path db = dataDir.resolve("andesops.db");
            LocalDate today = LocalDate.now(Formats.CHILE);
            List<LocalDate> days = List.of(today.minusDays(1), today.minusDays(2));

            int detailedAtKill;
            try (PackagedApp first = PackagedApp.start(env, dataDir)) {
                // in the middle of the work: details stored and some still to fetch (today's orders alone can be
                // exactly 150 around 11:00 in Chile, their job done and the next day's not yet listed)
                waitFor(Duration.ofSeconds(120), () -> count(db, "SELECT count(*) FROM purchase_order WHERE has_detail = 1") >= 150
                        && count(db, "SELECT count(*) FROM sync_task WHERE state = 'PENDING'") > 0);
                first.kill();
                detailedAtKill = count(db, "SELECT count(*) FROM purchase_order WHERE has_detail = 1");
                assertThat(count(db, "SELECT count(*) FROM sync_task WHERE state = 'PENDING'"))
                        .as("killed in the middle of the work").isPositive();
            }
            try (PackagedApp second = PackagedApp.start(env, dataDir)) {
                waitFor(Duration.ofSeconds(180), () -> count(db, "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' "
                        + "AND state = 'DONE'") >= 2);
                assertThat(second.logText()).doesNotContain("resume-ticket");
            }
            assertThat(count(db, "SELECT count(*) FROM purchase_order WHERE has_detail = 1"))
                    .isGreaterThan(detailedAtKill);
            for (LocalDate day : days) {
                int key = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
                Set<String> stored = new HashSet<>(strings(db, "SELECT code FROM purchase_order WHERE day = " + key));
                assertThat(stored).as("orders of " + day).containsExactlyInAnyOrderElementsOf(sim.orderCodes(day));
                assertThat(count(db, "SELECT count(*) FROM purchase_order WHERE day = " + key + " AND has_detail = 0"))
                        .isZero();
                assertThat(count(db, "SELECT count(*) FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                        + "WHERE o.day = " + key)).as("items of " + day).isEqualTo(sim.orderItemCount(day));
                assertThat(count(db, "SELECT count(*) FROM purchase_order WHERE day = " + key
                        + " AND (version < 1 OR version > (SELECT version FROM data_version WHERE dataset = 'orders'))"))
                        .as("every order of " + day + " carries the data version of the commit that wrote it").isZero();
            }
            assertThat(count(db, "SELECT count(*) - count(DISTINCT code) FROM purchase_order")).isZero();
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Duration limit, Check check) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // the schema may not exist yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out after " + limit);
    }

    static int count(Path db, String sql) throws Exception {
        return (int) longValue(db, sql);
    }

    static long longValue(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static List<String> strings(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
