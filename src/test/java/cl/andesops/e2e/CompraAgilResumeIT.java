package cl.andesops.e2e;

import static cl.andesops.e2e.SyncResumeIT.count;
import static cl.andesops.e2e.SyncResumeIT.longValue;
import static cl.andesops.e2e.SyncResumeIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cl.andesops.simulator.SimulatorServer;
import cl.andesops.simulator.SimulatorSettings;

/**
 * The packaged app is stopped (a normal shutdown) in the middle of listing Compra Ágil page by page; started again,
 * it lists the pages it had not reached, rather than going on to the details of the pages it had.
 */
class CompraAgilResumeIT {

    @Test
    void a_compra_agil_listing_cut_by_a_shutdown_is_finished_after_the_restart() throws Exception {
        SimulatorSettings settings = new SimulatorSettings(616161, 1, 0, 0, 500, 500, Duration.ofMillis(120), true,
                1_000_000, "ca-ticket", 0, false);
        try (SimulatorServer sim = SimulatorServer.start(settings, Clock.systemUTC())) {
            Path dataDir = Files.createTempDirectory("andesops-ca-resume");
            Map<String, String> env = Map.of("MERCADO_PUBLICO_TICKET", "ca-ticket",
                    "MERCADO_PUBLICO_BASE_URL", sim.baseUrl().toString(),
                    "COMPRA_AGIL_BASE_URL", sim.baseUrl().toString(),
                    "ANDESOPS_MERCADOPUBLICO_MINSPACING", "120ms",
                    "ANDESOPS_SYNC_HISTORYDAYS", "0",
                    "ANDESOPS_SYNC_COMPRAAGILHISTORYDAYS", "2",
                    "ADMIN_PASSWORD", "ca-admin-pass");
            Path db = dataDir.resolve("andesops.db");
            String job = "(SELECT min(id) FROM sync_job WHERE kind = 'COMPRA_AGIL')";
            long pageAtStop;
            try (PackagedApp first = PackagedApp.start(env, dataDir)) {
                waitFor(Duration.ofSeconds(120), () -> longValue(db, "SELECT coalesce(max(CAST(value AS INTEGER)), 0) "
                        + "FROM sync_cursor WHERE name = 'job:' || " + job + " || ':page'") >= 3);
            } // a normal stop, between two pages
            pageAtStop = longValue(db, "SELECT CAST(value AS INTEGER) FROM sync_cursor WHERE name = 'job:' || "
                    + job + " || ':page'");
            assertThat(SyncResumeIT.strings(db, "SELECT state FROM sync_job WHERE id = " + job))
                    .as("not all pages were listed: the job is still listing").containsExactly("LISTING");
            try (PackagedApp second = PackagedApp.start(env, dataDir)) {
                // listed to the end: on to the details (their fetching is not what this test is about)
                waitFor(Duration.ofSeconds(120), () -> !SyncResumeIT.strings(db, "SELECT state FROM sync_job WHERE id = "
                        + job).contains("LISTING"));
            }
            assertThat(longValue(db, "SELECT CAST(value AS INTEGER) FROM sync_cursor WHERE name = 'job:' || " + job
                    + " || ':page'")).as("the listing went on past the page it stopped at").isGreaterThan(pageAtStop);
            assertThat(count(db, "SELECT count(*) FROM ca_request")).as("more than the pages listed before the stop")
                    .isGreaterThan((int) ((pageAtStop - 1) * 50));
            assertThat(count(db, "SELECT count(*) FROM sync_task WHERE job_id = " + job))
                    .as("every listed request has its detail task").isEqualTo(count(db, "SELECT count(*) FROM ca_request"));
        }
    }
}
