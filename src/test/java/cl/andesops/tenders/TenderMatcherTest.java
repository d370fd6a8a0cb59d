package cl.andesops.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.testing.SyncedAppTest;

/**
 * A saved tender search must find exactly what the tender search shows: over random searches and random sets of
 * changed tenders, the matcher says the same tenders as the search over the whole index, restricted to them; and the
 * search's address reads back as the same search.
 */
class TenderMatcherTest extends SyncedAppTest {

    @Autowired TenderMatcher matcher;
    @Autowired TenderSearch search;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.sync.SyncEngine engine;

    @org.junit.jupiter.api.AfterEach
    void resume() {
        engine.resume();
    }

    @Test
    void the_matcher_finds_exactly_what_the_search_finds_over_random_searches_and_tenders() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single() >= 10);
        cl.andesops.testing.StillData.pause(engine, search);
        List<String> codes = jdbc.sql("SELECT code FROM tender ORDER BY id").query(String.class).list();
        TenderResults everything = search.search(TenderQuery.text(""), 0, 1);
        Map<String, List<TenderResults.FacetCount>> facets = everything.facets();
        List<String> words = cl.andesops.testing.StillData.words(jdbc, "SELECT name FROM tender WHERE name IS NOT NULL");
        Random r = new Random(20261207);
        int nonEmpty = 0;
        for (int round = 0; round < 200; round++) {
            List<String> changed = new ArrayList<>(codes);
            Collections.shuffle(changed, r);
            changed = changed.subList(0, 1 + r.nextInt(changed.size()));
            String text = switch (r.nextInt(6)) {
                case 0, 4, 5 -> "";
                case 1 -> pick(r, words);
                case 2 -> pick(r, words).substring(0, 4);
                default -> pick(r, words) + " -" + pick(r, words);
            };
            TenderQuery q = new TenderQuery(text, facet(r, facets, "state"), facet(r, facets, "type"),
                    facet(r, facets, "region"), facet(r, facets, "buyer"), facet(r, facets, "category"),
                    r.nextInt(3) == 0 ? pick(r, TenderSearch.CLOSING) : null,
                    r.nextInt(3) == 0 ? pick(r, TenderQueryCodec.AMOUNTS) : null, TenderQuery.Order.RELEVANCE);
            assertThat(TenderQueryCodec.decode(TenderQueryCodec.encode(q))).as("the address of %s", q).isEqualTo(q);
            Set<String> expected = new HashSet<>();
            search.search(q, 0, 10_000).hits().forEach(h -> expected.add(h.code()));
            expected.retainAll(changed);
            try (TenderMatcher.Batch batch = matcher.batch(changed)) {
                assertThat(batch.matching(q)).as("%s over %d tenders", q, changed.size())
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("rounds where the search found something").isGreaterThan(40);
    }

    /** Usually no selection; else one or two of the values the index holds for the facet. */
    private static Set<String> facet(Random r, Map<String, List<TenderResults.FacetCount>> facets, String dim) {
        List<TenderResults.FacetCount> values = facets.getOrDefault(dim, List.of());
        if (values.isEmpty() || r.nextInt(3) != 0) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < 1 + r.nextInt(2); i++) {
            out.add(values.get(r.nextInt(values.size())).value());
        }
        return out;
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }
}
