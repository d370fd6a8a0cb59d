package cl.andesops.e2e;

import static cl.andesops.e2e.SyncResumeIT.count;
import static cl.andesops.e2e.SyncResumeIT.longValue;
import static cl.andesops.e2e.SyncResumeIT.strings;
import static cl.andesops.e2e.SyncResumeIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.format.Formats;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorSettings;

/**
 * The packaged app imports a month of open data from a simulator in this JVM (as if it were ChileCompra's host), is
 * killed with SIGKILL in the middle of the import, and started again on the same data: it resumes at the last
 * committed batch and ends with exactly the orders and items of the file, none lost and none doubled, every row of
 * the file counted once.
 */
class ImportResumeIT {

    @Test
    void an_import_killed_with_sigkill_resumes_with_nothing_lost_or_doubled() throws Exception {
        SimulatorSettings settings = new SimulatorSettings(515151, 2, 1_500, 0, 0, 3_000, Duration.ofMillis(3), true,
                1_000_000, "import-ticket", 0, false);
        try (SimulatorServer sim = SimulatorServer.start(settings, Clock.systemUTC())) {
            Path dataDir = Files.createTempDirectory("andesops-import-resume");
            Map<String, String> env = Map.of("MERCADO_PUBLICO_TICKET", "import-ticket",
                    "MERCADO_PUBLICO_BASE_URL", sim.baseUrl().toString(),
                    "COMPRA_AGIL_BASE_URL", sim.baseUrl().toString(),
                    "DATOS_ABIERTOS_BASE_URL", sim.baseUrl().toString(),
                    "ANDESOPS_SYNC_ENABLED", "false", // the import alone writes orders
                    "ANDESOPS_HISTORY_MONTHS", "1",
                    "ADMIN_PASSWORD", "import-admin");
            Path db = dataDir.resolve("andesops.db");
            LocalDate today = LocalDate.now(Formats.CHILE);
            YearMonth month = YearMonth.from(today.minusDays(1));
            String where = "dataset = 'oc' AND month = '" + month + "'";

            long rowsAtKill;
            try (PackagedApp first = PackagedApp.start(env, dataDir)) {
                waitFor(Duration.ofSeconds(180), () -> count(db, "SELECT count(*) FROM import_file WHERE " + where
                        + " AND state = 'IMPORTING' AND rows_read >= 4000") == 1);
                first.kill();
                rowsAtKill = longValue(db, "SELECT rows_read FROM import_file WHERE " + where);
                assertThat(count(db, "SELECT count(*) FROM import_file WHERE " + where + " AND state = 'IMPORTING'"))
                        .as("killed in the middle of the month").isEqualTo(1);
            }
            try (PackagedApp second = PackagedApp.start(env, dataDir)) {
                waitFor(Duration.ofSeconds(240), () -> count(db, "SELECT count(*) FROM import_file WHERE " + where
                        + " AND state = 'DONE'") == 1);
            }
            Set<String> expected = new HashSet<>();
            long items = 0;
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && d.isBefore(today); d = d.plusDays(1)) {
                expected.addAll(sim.orderCodes(d));
                items += sim.orderItemCount(d);
            }
            assertThat(new HashSet<>(strings(db, "SELECT code FROM purchase_order WHERE has_detail = 1")))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(count(db, "SELECT count(*) FROM order_item")).isEqualTo(items);
            assertThat(count(db, "SELECT count(*) - count(DISTINCT code) FROM purchase_order")).isZero();
            assertThat(longValue(db, "SELECT rows_read FROM import_file WHERE " + where))
                    .as("every row of the file read once: one row per item").isEqualTo(items)
                    .isGreaterThan(rowsAtKill);
            assertThat(longValue(db, "SELECT records FROM import_file WHERE " + where)).isEqualTo(expected.size());
            assertThat(count(db, "SELECT count(*) FROM purchase_order WHERE version < 1")).isZero();
        }
    }

    @Test
    void an_import_stopped_as_docker_stop_does_ends_within_ten_seconds_quietly_and_resumes() throws Exception {
        SimulatorSettings settings = new SimulatorSettings(525252, 2, 1_500, 0, 0, 3_000, Duration.ofMillis(3), true,
                1_000_000, "stop-ticket", 0, false);
        try (SimulatorServer sim = SimulatorServer.start(settings, Clock.systemUTC())) {
            Path dataDir = Files.createTempDirectory("andesops-import-stop");
            Map<String, String> env = Map.of("MERCADO_PUBLICO_TICKET", "stop-ticket",
                    "MERCADO_PUBLICO_BASE_URL", sim.baseUrl().toString(),
                    "COMPRA_AGIL_BASE_URL", sim.baseUrl().toString(),
                    "DATOS_ABIERTOS_BASE_URL", sim.baseUrl().toString(),
                    "ANDESOPS_HISTORY_MONTHS", "1",
                    "ADMIN_PASSWORD", "stop-admin-pass");
            Path db = dataDir.resolve("andesops.db");
            LocalDate today = LocalDate.now(Formats.CHILE);
            YearMonth month = YearMonth.from(today.minusDays(1));
            String where = "dataset = 'oc' AND month = '" + month + "'";
            try (PackagedApp first = PackagedApp.start(env, dataDir)) {
                waitFor(Duration.ofSeconds(180), () -> count(db, "SELECT count(*) FROM import_file WHERE " + where
                        + " AND state = 'IMPORTING' AND rows_read >= 2000") == 1);
                Duration took = first.stop();
                assertThat(took).as("docker stop waits 10 s before it kills").isLessThan(Duration.ofSeconds(10));
                assertThat(first.logText()).as("a stop is no error").doesNotContain(" ERROR ")
                        .doesNotContain("filas rechazadas");
                assertThat(longValue(db, "SELECT attempts FROM import_file WHERE " + where))
                        .as("a stop is no failed attempt").isZero();
            }
            try (PackagedApp second = PackagedApp.start(env, dataDir)) {
                waitFor(Duration.ofSeconds(240), () -> count(db, "SELECT count(*) FROM import_file WHERE " + where
                        + " AND state = 'DONE'") == 1);
            }
            Set<String> expected = new HashSet<>();
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && d.isBefore(today); d = d.plusDays(1)) {
                expected.addAll(sim.orderCodes(d));
            }
            assertThat(count(db, "SELECT count(*) - count(DISTINCT code) FROM purchase_order")).isZero();
            assertThat(longValue(db, "SELECT records FROM import_file WHERE " + where)).isEqualTo(expected.size());
        }
    }
}
