package cl.andesops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import cl.andesops.testing.NoDatabase;

/**
 * A small run of the search benchmark, so the harness keeps working; it asserts work done, not speed. It names its
 * own SQLite database, so the PostgreSQL run would only repeat it.
 */
@NoDatabase
class SearchBenchmarkTest {

    @Test
    void measures_every_query_class_on_every_engine() throws Exception {
        List<SearchBenchmark.Figure> figures = SearchBenchmark.run(2_000, Files.createTempDirectory("search-test"), 3);
        assertThat(figures).hasSize(12);
        assertThat(figures).extracting(SearchBenchmark.Figure::engine).containsOnly("Lucene", "FTS5 bm25", "LIKE");
        assertThat(figures).allMatch(f -> f.p50() > 0 && f.p95() >= f.p50());
        // the work was done: every engine found the common word's tenders
        assertThat(figures).filteredOn(f -> f.query().equals("common word")).hasSize(3).allMatch(f -> f.found() > 0);
    }
}
