package cl.andesops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load step at a tiny size (a month of history, 3 Monitors of which one a plain client, 2 API clients, 1 slow
 * export, 1 analysis, 40 s) on the packaged jar: it keeps working, and at any size the load ends with no error and
 * nothing lost.
 */
class LoadBenchmarkIT {

    @TempDir
    Path dir;

    @Test
    void the_public_instance_under_a_small_load_has_no_error_and_loses_nothing() throws Exception {
        LoadBenchmark.Result r = LoadBenchmark.run(LoadBenchmark.Settings.SMALL, dir);
        assertThat(r.problems()).isEmpty();
        assertThat(r.errors()).isZero();
        assertThat(r.ordersChecked()).isPositive();
        assertThat(r.apiRequests()).isPositive();
        assertThat(r.pageLoads()).isPositive();
        assertThat(r.plainLoads()).isGreaterThanOrEqualTo(2); // opened, then with a filter
        assertThat(r.pushes()).as("the plain Monitor reads the sync's updates").isPositive();
        assertThat(r.serverPages()).isPositive();
        assertThat(r.analyses()).isPositive();
        assertThat(r.exportBytes()).isPositive();
    }
}
