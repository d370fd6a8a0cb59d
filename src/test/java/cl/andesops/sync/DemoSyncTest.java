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
    void fills_the_database_from_the_simulator_and_stamps_every_row_with_its_data_version() {
        LocalDate yesterday = cl.andesops.testing.TestClock.today().minusDays(1);
        List<String> expected = simulator.orderCodes(yesterday);
        int day = yesterday.getYear() * 10_000 + yesterday.getMonthValue() * 100 + yesterday.getDayOfMonth();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1 AND day = :d").param("d", day)
                        .query(Integer.class).single() >= expected.size()
                        && jdbc.sql("SELECT count(*) FROM sync_job WHERE kind IN ('DAY_ORDERS','DAY_TENDERS') "
                        + "AND state NOT IN ('DONE', 'FAILED') AND param <> 'no-es-una-fecha'").query(Integer.class)
                        .single() == 0);

        List<String> stored = jdbc.sql("SELECT code FROM purchase_order WHERE day = :d ORDER BY code").param("d", day)
                .query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                + "WHERE o.day = :d").param("d", day).query(Integer.class).single())
                .isEqualTo(simulator.orderItemCount(yesterday));

        // every stored order carries the data version of the commit that wrote it, and the version moved on
        long ordersVersion = jdbc.sql("SELECT version FROM data_version WHERE dataset = 'orders'").query(Long.class)
                .single();
        assertThat(ordersVersion).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_order WHERE version < 1 OR version > :v")
                .param("v", ordersVersion).query(Integer.class).single()).isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM tender_item").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM buyer").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM supplier").query(Integer.class).single()).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT count(*) FROM ca_request WHERE has_detail = 1").query(Integer.class).single() > 0);
        assertThat(jdbc.sql("SELECT count(*) FROM ca_product").query(Integer.class).single()).isPositive();

        assertThat(events.seen).anyMatch(e -> e.dataset() == DataChanged.Dataset.ORDERS && !e.added().isEmpty());
        // each commit's event carries the version it stamped: the orders it names carry it (or a later one, when
        // written again since), the versions only grow, and a follower need not ask the database
        List<DataChanged> orderEvents = events.seen.stream().filter(e -> e.dataset() == DataChanged.Dataset.ORDERS
                && !e.fromOtherNode() && !e.isEmpty() && e.version() != DataChanged.UNKNOWN).toList(); // not a test's
        assertThat(orderEvents).allMatch(e -> e.version() > 0 && e.version() <= ordersVersion);
        assertThat(orderEvents.stream().mapToLong(DataChanged::version).toArray()).isSorted();
        long exact = orderEvents.stream().filter(e -> {
            List<String> codes = new java.util.ArrayList<>(e.added());
            codes.addAll(e.changed());
            List<Long> stamped = jdbc.sql("SELECT version FROM purchase_order WHERE code IN (:c)").param("c", codes)
                    .query(Long.class).list();
            assertThat(stamped).as("rows of the commit of version %d", e.version())
                    .allMatch(v -> v >= e.version());
            return stamped.stream().allMatch(v -> v == e.version());
        }).count();
        assertThat(exact).as("commits whose rows were not written again since").isPositive();
        assertThat(jdbc.sql("SELECT sum(background) FROM api_request_ledger").query(Long.class).single())
                .isGreaterThanOrEqualTo(expected.size());
    }

    @Autowired JobQueue queue;
    @Autowired SyncEngine engine;
    @Autowired java.time.Clock clock;

    @Test
    void a_job_that_keeps_failing_is_marked_failed_with_its_reason_and_the_rest_goes_on() {
        // a job whose listing throws every time (its day cannot be read): today it would be retried forever
        long broken = queue.enqueue(JobKind.DAY_ORDERS, "no-es-una-fecha", 500, clock.instant());
        long after = engine.enqueueDay(cl.andesops.testing.TestClock.today().minusDays(1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "FAILED".equals(
                jdbc.sql("SELECT state FROM sync_job WHERE id = :id").param("id", broken).query(String.class).single()));
        assertThat(jdbc.sql("SELECT last_error FROM sync_job WHERE id = :id").param("id", broken)
                .query(String.class).single()).contains("Intento 3 de 3").contains("no-es-una-fecha");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "DONE".equals(
                jdbc.sql("SELECT state FROM sync_job WHERE id = :id").param("id", after).query(String.class).single()));
    }

    @Test
    void a_day_the_admin_asks_for_never_goes_ahead_of_todays_orders() {
        engine.pause();
        try {
            long day = engine.enqueueDay(cl.andesops.testing.TestClock.today().minusDays(5));
            queue.enqueue(JobKind.TODAY_ORDERS, null, 100, clock.instant());
            assertThat(queue.next()).hasValueSatisfying(j -> assertThat(j.kind()).isEqualTo(JobKind.TODAY_ORDERS));
            assertThat(queue.find(day).orElseThrow().priority()).isGreaterThan(94); // still ahead of the backlog
        } finally {
            engine.resume();
        }
    }
}
