package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.simulator.SimulatorServer;
import cl.andesops.testing.TestClock;

/**
 * Demo mode: the simulator serves its months as ChileCompra's open data (the real header, cp1252, decimal comma),
 * and the history import takes one into the database with nothing lost, no API quota spent.
 */
@SpringBootTest(properties = {"andesops.storage.data-dir=target/test-data/simulated-open-data",
        "andesops.simulator.orders-per-day=40", "andesops.opendata.history-months=1",
        "andesops.sync.enabled=true"})
@org.springframework.context.annotation.Import(cl.andesops.testing.SyncedAppTest.Config.class)
class SimulatedOpenDataTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(
                new java.io.File("target/test-data/simulated-open-data"));
    }

    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;
    @Autowired SimulatorServer simulator;

    @Test
    void a_first_start_imports_the_current_month_up_to_yesterday_and_the_header_says_so(
            @Autowired List<cl.andesops.shared.StatusIndicator> indicators) {
        YearMonth now = YearMonth.from(TestClock.today());
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> imports.status().months().stream()
                .anyMatch(m -> m.dataset().equals("oc") && m.month().equals(now.toString())
                        && m.state().equals("DONE")));
        Set<String> expected = new HashSet<>();
        for (LocalDate d = now.atDay(1); d.isBefore(TestClock.today()); d = d.plusDays(1)) {
            expected.addAll(simulator.orderCodes(d));
        }
        ImportService.Month done = imports.status().months().stream()
                .filter(m -> m.dataset().equals("oc") && m.month().equals(now.toString())).findFirst().orElseThrow();
        assertThat(done.records()).isEqualTo(expected.size());
        assertThat(indicators).anySatisfy(i -> assertThat(i.current()).hasValueSatisfying(s -> {
            assertThat(s.id()).isEqualTo("history");
            assertThat(s.messageKey()).startsWith("status.history.");
        }));

        // the sync asked for a day the file holds: it lists the day and fetches no detail of what the file gave
        LocalDate day = TestClock.today().minusDays(2);
        long job = sync.enqueueDay(day);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jdbc.sql(
                "SELECT state FROM sync_job WHERE id = :id").param("id", job).query(String.class).single()));
        var spent = jdbc.sql("SELECT listed, total, requests FROM sync_job WHERE id = :id").param("id", job)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        assertThat(spent[0]).as("listed").isEqualTo(simulator.orderCodes(day).size());
        assertThat(spent[1]).as("details to fetch").isZero();
        assertThat(spent[2]).as("requests: the listing alone").isEqualTo(1);
    }

    @Test
    void a_past_month_of_the_simulator_imports_every_order_with_its_items() {
        YearMonth month = YearMonth.from(TestClock.today()).minusMonths(2);
        sync.pause(); // so that any quota spent would be the import's
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = spentQuota();
            Thread.sleep(1_000);
            return spentQuota() == before;
        });
        long requestsBefore = jdbc.sql("SELECT coalesce(sum(background + interactive), 0) FROM api_request_ledger")
                .query(Long.class).single();
        imports.enqueue(Dataset.OC, month, month);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> imports.status().months().stream()
                .anyMatch(m -> m.dataset().equals("oc") && m.month().equals(month.toString())
                        && m.state().equals("DONE")));
        Set<String> expected = new HashSet<>();
        int items = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            expected.addAll(simulator.orderCodes(d));
            items += simulator.orderItemCount(d);
        }
        int from = month.getYear() * 10_000 + month.getMonthValue() * 100;
        List<String> stored = jdbc.sql("SELECT code FROM purchase_order WHERE day BETWEEN :a AND :b")
                .param("a", from + 1).param("b", from + 31).query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                + "WHERE o.day BETWEEN :a AND :b").param("a", from + 1).param("b", from + 31).query(Integer.class)
                .single()).isEqualTo(items);
        ImportService.Month done = imports.status().months().stream()
                .filter(m -> m.dataset().equals("oc") && m.month().equals(month.toString())).findFirst().orElseThrow();
        assertThat(done.rejected()).isZero();
        assertThat(done.records()).isEqualTo(expected.size());
        assertThat(jdbc.sql("SELECT coalesce(sum(background + interactive), 0) FROM api_request_ledger")
                .query(Long.class).single()).as("no API quota spent").isEqualTo(requestsBefore);
        sync.resume();
    }

    @Autowired cl.andesops.sync.SyncEngine sync;

    private long spentQuota() {
        return jdbc.sql("SELECT coalesce(sum(background + interactive), 0) FROM api_request_ledger").query(Long.class)
                .single();
    }

    @Test
    void a_past_month_of_simulated_tenders_imports_with_every_bidders_offer() {
        YearMonth month = YearMonth.from(TestClock.today()).minusMonths(3);
        imports.enqueue(Dataset.LIC, month, month);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> imports.status().months().stream()
                .anyMatch(m -> m.dataset().equals("lic") && m.month().equals(month.toString())
                        && m.state().equals("DONE")));
        ImportService.Month done = imports.status().months().stream()
                .filter(m -> m.dataset().equals("lic") && m.month().equals(month.toString())).findFirst().orElseThrow();
        assertThat(done.rejected()).isZero();
        assertThat(done.records()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM tender WHERE has_detail = 1").query(Long.class).single())
                .isGreaterThanOrEqualTo(done.records());
        // every awarded item has its winner's offer selected, among the other bidders' dearer ones
        assertThat(jdbc.sql("SELECT count(*) FROM tender_offer WHERE selected = 1").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM tender_offer w JOIN tender_offer o ON o.tender_id = w.tender_id AND o.line = w.line
                 WHERE w.selected = 1 AND o.selected = 0
                   AND CAST(o.unit_price AS REAL) < CAST(w.unit_price AS REAL)""").query(Long.class).single())
                .as("no losing offer is cheaper than the winner's").isZero();
    }

    @Test
    void a_past_month_of_simulated_compra_agil_imports_every_request_with_every_quote() {
        YearMonth month = YearMonth.from(TestClock.today()).minusMonths(4);
        imports.enqueue(Dataset.COT, month, month);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> imports.status().months().stream()
                .anyMatch(m -> m.dataset().equals("cot") && m.month().equals(month.toString())
                        && m.state().equals("DONE")));
        java.util.Map<String, Integer> expected = new java.util.HashMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            expected.putAll(simulator.compraAgilQuotes(d));
        }
        ImportService.Month done = imports.status().months().stream()
                .filter(m -> m.dataset().equals("cot") && m.month().equals(month.toString())).findFirst().orElseThrow();
        assertThat(done.rejected()).isZero();
        assertThat(done.records()).isEqualTo(expected.size());
        java.util.Map<String, Integer> stored = new java.util.HashMap<>();
        jdbc.sql("SELECT r.code, (SELECT count(*) FROM ca_quote q WHERE q.request_id = r.id) FROM ca_request r "
                + "WHERE r.has_detail = 1").query(rs -> {
            stored.put(rs.getString(1), rs.getInt(2));
        });
        assertThat(stored).containsAllEntriesOf(expected);
        // a selected quote names the order that followed, as the API does
        assertThat(jdbc.sql("SELECT count(*) FROM ca_quote WHERE selected = 1 AND order_id LIKE '%-AG%'")
                .query(Long.class).single()).isPositive();
    }
}
