package cl.andesops.compraagil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.testing.SyncedAppTest;

/**
 * A saved Compra Ágil search must find exactly what the list shows: over random addresses and random sets of changed
 * requests, the matcher says the same requests as the list's query restricted to them, and every address reads back
 * as itself.
 */
class CompraAgilMatcherTest extends SyncedAppTest {

    @Autowired CompraAgilMatcher matcher;
    @Autowired CompraAgilService service;
    @Autowired CompraAgilTextIndex text;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.sync.SyncEngine engine;
    @Autowired java.time.Clock clock;

    @org.junit.jupiter.api.AfterEach
    void resume() {
        engine.resume();
    }

    @Test
    void the_matcher_finds_exactly_what_the_list_finds_over_random_addresses_and_requests() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM ca_request").query(Integer.class).single() >= 5);
        cl.andesops.testing.StillData.pause(engine, text);
        List<String> codes = jdbc.sql("SELECT code FROM ca_request ORDER BY id").query(String.class).list();
        List<String> regions = jdbc.sql("SELECT DISTINCT region FROM ca_request WHERE region IS NOT NULL")
                .query(String.class).list();
        List<String> words = cl.andesops.testing.StillData.words(jdbc, "SELECT name FROM ca_request WHERE name IS NOT NULL");
        Random r = new Random(20261207);
        int nonEmpty = 0;
        for (int round = 0; round < 200; round++) {
            List<String> changed = new ArrayList<>(codes);
            Collections.shuffle(changed, r);
            changed = changed.subList(0, 1 + r.nextInt(changed.size()));
            CompraAgilAddress a = new CompraAgilAddress(
                    r.nextInt(3) == 0 ? words.get(r.nextInt(words.size())) : null,
                    r.nextInt(3) == 0 ? CompraAgilAddress.STATES.get(r.nextInt(CompraAgilAddress.STATES.size())) : null,
                    r.nextInt(3) == 0 && !regions.isEmpty() ? regions.get(r.nextInt(regions.size())) : null,
                    r.nextInt(4) == 0 ? (long) r.nextInt(3_000_000) : null,
                    r.nextInt(3) == 0 ? CompraAgilAddress.CLOSING.get(r.nextInt(CompraAgilAddress.CLOSING.size()))
                            : null);
            assertThat(CompraAgilAddress.decode(a.encode())).as("the address of %s", a).isEqualTo(a);
            CompraAgilFilter f = a.filter(Instant.now(clock));
            Set<String> expected = new HashSet<>();
            service.find(f, 0, 100_000).forEach(row -> expected.add(row.code()));
            expected.retainAll(changed);
            try (CompraAgilMatcher.Batch batch = matcher.batch(changed)) {
                assertThat(batch.matching(f)).as("%s over %d requests", f, changed.size())
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("rounds where the list found something").isGreaterThan(40);
    }
}
