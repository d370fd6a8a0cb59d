package cl.andesops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** A small run of the ingest benchmark, so the harness keeps compiling and working. It asserts work, not speed. */
class IngestBenchmarkTest {

    @Test
    void the_ingest_benchmark_stores_every_order_it_parses() throws Exception {
        IngestBenchmark.Result r = IngestBenchmark.run(3_000, Files.createTempDirectory("ingest-test"));
        assertThat(r.orders()).isEqualTo(3_000);
        assertThat(r.items()).isGreaterThan(3_000);
        assertThat(r.stored()).as("orders in the database").isEqualTo(3_000);
        assertThat(r.storedItems()).as("items in the database").isEqualTo(r.items());
        assertThat(r.ordersPerSecond()).isPositive();
        assertThat(r.baselineOrdersPerSecond()).isPositive();
        assertThat(r.dbBytes()).isPositive();
    }
}
