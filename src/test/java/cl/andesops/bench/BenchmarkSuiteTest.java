package cl.andesops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cl.andesops.testing.NoDatabase;

/**
 * The benchmark suite at a tiny size, without the browser parts (those run against the packaged jar in
 * {@code bench/run}): it keeps compiling and running, and its report names every figure with its baseline.
 */
@NoDatabase
class BenchmarkSuiteTest {

    @TempDir
    Path work;

    @Test
    void a_small_run_measures_every_in_process_figure_beside_its_baseline() throws Exception {
        BenchmarkSuite suite = new BenchmarkSuite(BenchmarkSuite.Size.SMALL, work, false);
        suite.runAll();
        assertThat(suite.rows()).extracting(BenchmarkSuite.Row::what)
                .anyMatch(w -> w.startsWith("ingest"))
                .anyMatch(w -> w.startsWith("tender search"))
                .anyMatch(w -> w.startsWith("Monitor KPIs"))
                .anyMatch(w -> w.startsWith("history import"))
                .anyMatch(w -> w.startsWith("Monitor at "));
        assertThat(suite.rows()).allSatisfy(r -> {
            assertThat(r.measured()).isNotBlank();
            assertThat(r.baseline()).isNotBlank();
        });
        String report = suite.report();
        assertThat(report).startsWith("# AndesOps benchmarks").contains("| what | target | measured |")
                .contains("Machine: ");
    }
}
