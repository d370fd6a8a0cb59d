package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.orders.OrderTextIndex;
import cl.andesops.orders.monitor.MonitorService;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.SuspendedIndexes;

/**
 * The bulk path of a first history import: the orders' secondary indexes set aside while the month goes in and made
 * again as they were; the search index and the Monitor's columns follow meanwhile, the indicators once it ended;
 * indexes a dead process left aside are made again; a table that holds orders keeps the usual path.
 */
@SpringBootTest(properties = {"andesops.storage.data-dir=target/test-data/first-import",
        "andesops.opendata.enabled=false"})
class FirstImportTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/first-import"));
    }

    @TestConfiguration
    static class Events {
        final List<DataChanged> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DataChanged e) {
            if (e.dataset() == DataChanged.Dataset.ORDERS) {
                seen.add(e);
            }
        }
    }

    @Autowired FirstImport bulk;
    @Autowired SuspendedIndexes indexes;
    @Autowired OpenDataImport importer;
    @Autowired JdbcClient jdbc;
    @Autowired DataVersions versions;
    @Autowired OrderTextIndex text;
    @Autowired cl.andesops.orders.OrderTables orderTables;
    @Autowired cl.andesops.flags.FlagFollower flags;
    @Autowired MonitorService monitor;
    @Autowired Events events;
    @Autowired OpenDataProperties properties;
    @Autowired org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired cl.andesops.shared.persistence.PlannerStatistics statistics;

    @BeforeEach
    void empty() {
        bulk.end();
        jdbc.sql("DELETE FROM order_item").update();
        jdbc.sql("DELETE FROM purchase_order").update();
        events.seen.clear();
    }

    private Map<String, String> definitions() {
        return cl.andesops.orders.OrderTables.BULK_KEEPS.keySet().stream().flatMap(t -> indexes.secondary(t, Set.of()).stream())
                .collect(Collectors.toMap(SuspendedIndexes.Suspended::name, SuspendedIndexes.Suspended::definition));
    }

    private static byte[] month() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             InputStream in = FirstImportTest.class.getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv")) {
            zip.putNextEntry(new ZipEntry("2026-6.csv"));
            in.transferTo(zip);
        }
        return bytes.toByteArray();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void a_first_import_goes_in_without_the_secondary_indexes_and_the_indicators_read_it_at_the_end()
            throws Exception {
        Map<String, String> before = definitions();
        assertThat(before).containsKeys("po_created", "po_buyer_profile", "po_version", "order_item_product");
        assertThat(flags.awaitJudged(Duration.ofSeconds(30))).isTrue();

        assertThat(bulk.beginIfEmpty()).isTrue();
        assertThat(flags.held()).as("the indicators, whose reads need the indexes, wait").isTrue();
        assertThat(definitions().keySet()).as("only what the import and the followers read while it runs")
                .containsExactlyInAnyOrder("po_version", "po_buyer_supplier", "po_detail");
        assertThat(indexes.suspended()).extracting(SuspendedIndexes.Suspended::name)
                .contains("po_created", "po_buyer_profile", "order_item_product").hasSize(before.size() - 3);
        assertThat(new ImportService.Coverage(null, false, "2026-06", 10, bulk.active()).bulk()).isTrue();

        importer.importOrders(new ByteArrayInputStream(month()), "2026-6.zip");
        assertThat(count("SELECT count(*) FROM purchase_order WHERE has_detail = 1")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM order_item")).isEqualTo(22);
        long current = versions.current(DataChanged.Dataset.ORDERS);
        assertThat(events.seen).as("each batch announced as usual").isNotEmpty();
        // the search index and the Monitor's columns follow by the data version, on the bulk path too
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> text.indexedVersion() == current
                && monitor.columnsVersion() == current);
        text.awaitIndexed();
        assertThat(text.matchingIdArray("arriendo camion", null, null)).hasSize(1);
        flags.queueNow();
        Thread.sleep(300);
        assertThat(flags.reflects(DataChanged.Dataset.ORDERS)).as("the indicators have not read the month yet")
                .isLessThan(current);

        bulk.end();
        assertThat(bulk.active()).isFalse();
        assertThat(flags.held()).isFalse();
        assertThat(definitions()).as("every index made again as it was").isEqualTo(before);
        assertThat(indexes.suspended()).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> flags.reflects(DataChanged.Dataset.ORDERS) == current);
    }

    @Test
    void indexes_a_dead_process_left_aside_are_made_again_and_a_table_with_orders_keeps_the_usual_path()
            throws Exception {
        Map<String, String> before = definitions();
        // a process that set the indexes aside and died: this one is not on the bulk path and finds them recorded
        indexes.suspend("purchase_order", Set.of());
        assertThat(definitions()).doesNotContainKey("po_created");
        bulk.restoreLeftovers();
        assertThat(definitions()).isEqualTo(before);
        assertThat(indexes.suspended()).isEmpty();

        importer.importOrders(new ByteArrayInputStream(month()), "2026-6.zip");
        events.seen.clear();
        FirstImport small = new FirstImport(indexes, orderTables, publisher, statistics, withBulkBelow(10));
        assertThat(small.beginIfEmpty()).as("10 orders stored, the bound 10: the usual path").isFalse();
        assertThat(small.active()).isFalse();
        assertThat(definitions()).isEqualTo(before);
        FirstImport never = new FirstImport(indexes, orderTables, publisher, statistics, withBulkBelow(0));
        jdbc.sql("DELETE FROM order_item").update();
        jdbc.sql("DELETE FROM purchase_order").update();
        assertThat(never.beginIfEmpty()).as("0 turns the bulk path off").isFalse();
        assertThat(definitions()).isEqualTo(before);
    }

    @Test
    void an_index_the_database_will_not_drop_leaves_the_import_on_the_usual_path_with_every_index_in_place() {
        Map<String, String> before = definitions();
        SuspendedIndexes refusing = org.mockito.Mockito.spy(indexes);
        // the first table's indexes go, the second's are refused
        org.mockito.Mockito.doCallRealMethod()
                .doThrow(new org.springframework.dao.DataAccessResourceFailureException("no permission"))
                .when(refusing).suspend(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        FirstImport first = new FirstImport(refusing, orderTables, publisher, statistics, properties);
        assertThat(first.beginIfEmpty()).isFalse();
        org.mockito.Mockito.verify(refusing, org.mockito.Mockito.times(2)).suspend(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any());
        assertThat(first.active()).isFalse();
        assertThat(flags.held()).as("the indicators are not left waiting").isFalse();
        assertThat(definitions()).as("what was set aside is made again").isEqualTo(before);
        assertThat(indexes.suspended()).isEmpty();
    }

    private OpenDataProperties withBulkBelow(long n) {
        OpenDataProperties p = properties;
        return new OpenDataProperties(p.baseUrl(), p.enabled(), p.timeout(), p.maxBytes(), p.maxAttempts(),
                p.historyMonths(), p.downloadDeadline(), p.maxFieldChars(), p.maxRecordChars(), p.maxGroupRows(),
                p.maxColumns(), n);
    }
}
