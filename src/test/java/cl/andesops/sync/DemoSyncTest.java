package cl.andesops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.format.Formats;
import cl.andesops.simulator.SimulatorServer;
import cl.andesops.testing.SyncedAppTest;

/** With no ticket the app syncs from its simulator: the database fills with exactly what the simulator holds. */
class DemoSyncTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired SimulatorServer simulator;
    @Autowired Events events;

    @Test
    void fills_the_database_from_the_simulator_with_rollups_equal_to_a_group_by() {
        LocalDate yesterday = LocalDate.now(Formats.CHILE).minusDays(1);
        List<String> expected = simulator.orderCodes(yesterday);
        int day = yesterday.getYear() * 10_000 + yesterday.getMonthValue() * 100 + yesterday.getDayOfMonth();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1 AND day = :d").param("d", day)
                        .query(Integer.class).single() >= expected.size()
                        && jdbc.sql("SELECT count(*) FROM sync_job WHERE kind IN ('DAY_ORDERS','DAY_TENDERS') "
                        + "AND state <> 'DONE'").query(Integer.class).single() == 0);

        List<String> stored = jdbc.sql("SELECT code FROM purchase_order WHERE day = :d ORDER BY code").param("d", day)
                .query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                + "WHERE o.day = :d").param("d", day).query(Integer.class).single())
                .isEqualTo(simulator.orderItemCount(yesterday));

        // the rollups equal a GROUP BY over the detailed orders, whatever states changed on the way
        var fromRollup = jdbc.sql("SELECT sum(orders), sum(amount_clp) FROM order_rollup_day WHERE day = :d")
                .param("d", day).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        var fromRows = jdbc.sql("SELECT count(*), sum(amount_clp) FROM purchase_order WHERE has_detail = 1 AND day = :d")
                .param("d", day).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        assertThat(fromRollup).isEqualTo(fromRows);
        var byState = jdbc.sql("SELECT state_code, sum(orders) FROM order_rollup_day WHERE day = :d GROUP BY state_code "
                + "HAVING sum(orders) <> 0 ORDER BY 1").param("d", day).query((rs, n) -> rs.getInt(1) + ":" + rs.getLong(2))
                .list();
        var byStateRows = jdbc.sql("SELECT state_code, count(*) FROM purchase_order WHERE has_detail = 1 AND day = :d "
                + "GROUP BY state_code ORDER BY 1").param("d", day).query((rs, n) -> rs.getInt(1) + ":" + rs.getLong(2))
                .list();
        assertThat(byState).isEqualTo(byStateRows);
        assertThat(jdbc.sql("SELECT sum(orders) FROM order_rollup_buyer WHERE day = :d").param("d", day)
                .query(Long.class).single()).isEqualTo(fromRows.getFirst());
        // the amount histogram holds every detailed order once, in the 1 % bucket of its amount
        var histogram = jdbc.sql("SELECT bucket, orders FROM order_rollup_amount WHERE day = :d AND orders <> 0 ORDER BY bucket")
                .param("d", day).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list();
        var bucketed = new java.util.TreeMap<Long, Long>();
        jdbc.sql("SELECT amount_clp FROM purchase_order WHERE day = :d AND has_detail = 1 AND amount_clp IS NOT NULL")
                .param("d", day).query(Long.class).list()
                .forEach(a -> bucketed.merge((long) cl.andesops.shared.persistence.AmountBuckets.bucket(a), 1L, Long::sum));
        assertThat(histogram).isEqualTo(bucketed.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());

        assertThat(jdbc.sql("SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM tender_item").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM buyer").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM supplier").query(Integer.class).single()).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT count(*) FROM ca_request WHERE has_detail = 1").query(Integer.class).single() > 0);
        assertThat(jdbc.sql("SELECT count(*) FROM ca_product").query(Integer.class).single()).isPositive();

        assertThat(events.seen).anyMatch(e -> e.dataset() == DataChanged.Dataset.ORDERS && !e.added().isEmpty());
        assertThat(jdbc.sql("SELECT sum(background) FROM api_request_ledger").query(Long.class).single())
                .isGreaterThanOrEqualTo(expected.size());
    }
}
