package cl.andesops.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * A saved search must find exactly what its screen shows: over random filters and random sets of changed orders, the
 * matcher says the same orders as the screen's query (its SQL, its words through the search index) restricted to
 * those orders.
 */
class OrderMatcherTest extends SyncedAppTest {

    @Autowired OrderMatcher matcher;
    @Autowired OrderQueries queries;
    @Autowired OrderTextIndex text;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.sync.SyncEngine engine;

    @org.junit.jupiter.api.AfterEach
    void resume() {
        engine.resume();
    }

    @Test
    void the_matcher_finds_exactly_what_the_screens_query_finds_over_random_filters_and_orders() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Integer.class).single() >= 100);
        cl.andesops.testing.StillData.pause(engine, text);
        List<String> codes = jdbc.sql("SELECT code FROM purchase_order ORDER BY id").query(String.class).list();
        List<String> types = values("type");
        List<String> states = values("state_code");
        List<String> regions = values("region");
        List<String> buyers = values("buyer_code");
        List<String> suppliers = values("supplier_code");
        List<String> categories = values("category_code");
        List<Integer> days = jdbc.sql("SELECT DISTINCT day FROM purchase_order WHERE day IS NOT NULL ORDER BY 1")
                .query(Integer.class).list();
        List<String> words = cl.andesops.testing.StillData.words(jdbc, "SELECT name FROM purchase_order WHERE name IS NOT NULL ORDER BY id LIMIT 200");
        Random r = new Random(20261207);
        int nonEmpty = 0;
        for (int round = 0; round < 300; round++) {
            List<String> changed = new ArrayList<>(codes);
            java.util.Collections.shuffle(changed, r);
            changed = changed.subList(0, Math.min(changed.size(), 1 + r.nextInt(80)));
            OrderFilter f = OrderFilter.none();
            int predicates = 1 + r.nextInt(3);
            for (int p = 0; p < predicates; p++) {
                f = switch (r.nextInt(10)) {
                    case 0 -> f.withTypes(new HashSet<>(List.of(pick(r, types), pick(r, types))));
                    case 1 -> f.withStates(Set.of(Integer.valueOf(pick(r, states))));
                    case 2 -> f.withRegion(pick(r, regions));
                    case 3 -> f.withBuyer(pick(r, buyers));
                    case 4 -> f.withSupplier(pick(r, suppliers));
                    case 5 -> f.withCategories(Set.of(pick(r, categories)));
                    case 6 -> f.withAmount(r.nextBoolean() ? (long) r.nextInt(2_000_000) : null,
                            r.nextBoolean() ? (long) r.nextInt(50_000_000) : null);
                    case 7 -> {
                        LocalDate a = day(days.get(r.nextInt(days.size())));
                        yield f.withDates(r.nextBoolean() ? a : null, r.nextBoolean() ? a.plusDays(r.nextInt(3)) : null);
                    }
                    case 8 -> f.withText(pick(r, words) + (r.nextBoolean() ? "" : " " + pick(r, words)));
                    default -> f.withText(switch (r.nextInt(3)) {
                        case 0 -> pick(r, words).substring(0, 4); // the last word also matches as a prefix
                        case 1 -> "\"" + pick(r, words) + "\"";
                        default -> pick(r, words) + " -" + pick(r, words);
                    });
                };
            }
            Set<String> expected = screen(f, changed);
            try (OrderMatcher.Batch batch = matcher.batch(changed)) {
                assertThat(batch.matching(f)).as("%s over %d orders", f, changed.size())
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("rounds where the screen found something: the comparison is not of empty sets")
                .isGreaterThan(60);
    }

    /** The screen's query (the Monitor's grid and the API), restricted to the changed orders. */
    private Set<String> screen(OrderFilter f, List<String> changed) {
        OrderQueries.Where w = queries.where(f).and("po.code IN (:changed)", "changed", changed);
        return new HashSet<>(w.bind(jdbc.sql("SELECT po.code FROM purchase_order po" + w.sql)).query(String.class)
                .list());
    }

    private List<String> values(String column) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM purchase_order WHERE " + column + " IS NOT NULL")
                .query(String.class).list();
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static LocalDate day(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
