package cl.andesops.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The profile benchmark at a tiny size: it fills, starts, measures and finds what it was given. */
class ProfileBenchmarkTest {

    @Test
    void the_benchmark_runs_at_a_tiny_size() throws Exception {
        ProfileBenchmark.Result r = ProfileBenchmark.run(Path.of("target/test-data/profile-bench"), 20_000, 2, 2_000);
        assertThat(r.orders()).isEqualTo(20_000);
        assertThat(r.timings()).hasSize(8).allSatisfy(t -> assertThat(t.p50()).isPositive());
        assertThat(r.timings().get(3).baseline()).as("the five-year index holds the filled parties")
                .doesNotContain("indexed: 0");
    }
}
