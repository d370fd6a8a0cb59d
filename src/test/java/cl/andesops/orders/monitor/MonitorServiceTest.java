package cl.andesops.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.format.Formats;
import cl.andesops.sync.SyncEngine;
import cl.andesops.testing.SyncedAppTest;

/**
 * The Monitor's summary from the in-memory columns must equal the one SQL computes (rollups or the orders table),
 * for every kind of filter, and the columns must follow the sync's commits.
 */
class MonitorServiceTest extends SyncedAppTest {

    @Autowired MonitorService monitor;
    @Autowired OrderColumns columns;
    @Autowired OrderTextIndex text;
    @Autowired JdbcClient jdbc;
    @Autowired SyncEngine sync;

    @BeforeEach
    void stillData() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'TODAY_ORDERS' AND state = 'DONE'")
                .query(Integer.class).single() >= 1);
        assertThat(columns.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
        sync.pause();
        Thread.sleep(500);
        text.awaitIndexed();
    }

    @AfterEach
    void resume() {
        sync.resume();
    }

    @Autowired cl.andesops.sync.Ingest ingest;

    /** Stores a few more orders, of a day long past (other tests look at recent days), through the bulk path. */
    private List<cl.andesops.mercadopublico.OrderDetail> lastStored = List.of();

    private int storeMoreOrders(int seed) {
        var fixtures = new cl.andesops.simulator.SimulatorFixtures(new cl.andesops.simulator.SimulatorSettings(seed, 0,
                40, 0, 0, 20_000, Duration.ofMillis(1), false, 1_000, "test", 0));
        List<cl.andesops.mercadopublico.OrderDetail> fresh = fixtures.orderDetails(LocalDate.of(2024, 3, 12),
                java.time.Instant.now()).stream()
                .map(b -> cl.andesops.mercadopublico.WireFormat.orderDetail(b).orElseThrow())
                .filter(o -> jdbc.sql("SELECT count(*) FROM purchase_order WHERE code = :c").param("c", o.code())
                        .query(Integer.class).single() == 0)
                .limit(5).toList();
        ingest.orders(fresh);
        lastStored = fresh;
        return fresh.size();
    }

    @Test
    void columnsHoldEveryDetailedOrderAndFollowCommits() {
        assertThat(columns.count()).isEqualTo(detailed());
        int before = detailed();
        int added = storeMoreOrders(41);
        assertThat(added).isPositive();
        // the columns are updated before the commit's event reaches anyone else
        assertThat(columns.count()).isEqualTo(detailed()).isEqualTo(before + added);
        OrderFilter thatDay = OrderFilter.none().withDates(LocalDate.of(2024, 3, 12), LocalDate.of(2024, 3, 12));
        assertThat(monitor.summary(thatDay).orders()).isEqualTo(monitor.summaryFromSql(thatDay).orders())
                .isGreaterThanOrEqualTo(added);

        // an order stored again with another amount is a change, not an addition: the columns follow it too
        var first = lastStored.getFirst();
        long before2 = monitor.summary(thatDay).amountClp();
        ingest.orders(List.of(new cl.andesops.mercadopublico.OrderDetail(first.code(), first.name(), first.description(),
                first.stateCode(), first.state(), first.tenderCode(), first.typeCode(), first.type(), "CLP",
                first.supplierStateCode(), first.supplierState(), first.createdAt(), first.sentAt(), first.acceptedAt(),
                first.cancelledAt(), first.modifiedAt(), first.rating(), first.discounts(), first.charges(),
                first.netTotal(), first.taxRate(), first.tax(), java.math.BigDecimal.valueOf(987_654_321L),
                first.funding(), first.dispatchType(), first.paymentTerms(), first.buyer(), first.supplier(),
                first.items())));
        assertThat(columns.count()).isEqualTo(detailed());
        MonitorSummary after = monitor.summary(thatDay);
        assertThat(after.amountClp()).isNotEqualTo(before2).isEqualTo(monitor.summaryFromSql(thatDay).amountClp());
    }

    @Test
    void everyFilterAddsUpTheSameFromColumnsAndFromSql() {
        LocalDate today = LocalDate.now(Formats.CHILE);
        String type = most("type");
        Integer state = Integer.valueOf(most("state_code"));
        String region = most("region");
        String buyer = most("buyer_code");
        String supplier = most("supplier_code");
        OrderFilter week = OrderFilter.none().withDates(today.minusDays(6), today);
        List<OrderFilter> filters = List.of(OrderFilter.none(), OrderFilter.none().withDates(today, today),
                week, week.withTypes(Set.of(type)), week.withStates(Set.of(state)), week.withRegion(region),
                week.withBuyer(buyer), week.withSupplier(supplier), week.withAmount(100_000L, 5_000_000L),
                week.withText("medicos"), week.withText("jeringa -nitrilo"),
                week.withTypes(Set.of(type)).withRegion(region).withAmount(50_000L, null),
                OrderFilter.none().withDates(today, today).withRegion(region), week.withBuyer("no-such-buyer"));
        for (OrderFilter f : filters) {
            MonitorSummary fast = monitor.summary(f);
            MonitorSummary sql = monitor.summaryFromSql(f);
            String what = f.toString();
            assertThat(fast.orders()).as(what).isEqualTo(sql.orders());
            assertThat(fast.amountClp()).as(what).isEqualTo(sql.amountClp());
            assertThat(fast.previousOrders()).as(what).isEqualTo(sql.previousOrders());
            assertThat(fast.previousAmountClp()).as(what).isEqualTo(sql.previousAmountClp());
            assertThat(fast.buyers()).as(what).isEqualTo(sql.buyers());
            assertThat(fast.suppliers()).as(what).isEqualTo(sql.suppliers());
            assertThat(fast.hourly()).as(what).isEqualTo(sql.hourly());
            assertThat(fast.series()).as(what).isEqualTo(sql.series());
            assertThat(slices(fast.byType())).as(what).isEqualTo(slices(sql.byType()));
            assertThat(slices(fast.byState())).as(what).isEqualTo(slices(sql.byState()));
            assertThat(slices(fast.byRegion())).as(what).isEqualTo(slices(sql.byRegion()));
            assertThat(amounts(fast.topBuyers())).as(what).isEqualTo(amounts(sql.topBuyers()));
            assertThat(amounts(fast.topSuppliers())).as(what).isEqualTo(amounts(sql.topSuppliers()));
            if (!fast.topSuppliers().isEmpty()) {
                assertThat(fast.topSuppliers().getFirst().label()).as(what).isEqualTo(sql.topSuppliers().getFirst().label());
            }
            if (sql.medianClp() == null) {
                assertThat(fast.medianClp()).as(what).isNull();
            } else if (f.rollupFriendly() && f.region() == null && f.types().isEmpty() && f.states().isEmpty()) {
                // SQL reads this one from the 1 % histogram; the columns give the exact value
                assertThat((double) fast.medianClp()).as(what).isCloseTo(sql.medianClp(),
                        org.assertj.core.data.Percentage.withPercentage(0.6));
            } else {
                assertThat(fast.medianClp()).as(what).isEqualTo(sql.medianClp());
            }
        }
        assertThat(monitor.summary(filters.getLast()).orders()).isZero();
        assertThat(monitor.summary(week).orders()).isPositive();
    }

    @Test
    void aRestartReadsTheSnapshotAndTheOrdersWrittenSince(@Autowired java.time.Clock clock,
                                                          @Autowired cl.andesops.shared.config.StorageProperties storage)
            throws Exception {
        columns.save();
        int before = detailed();
        assertThat(storeMoreOrders(42)).isPositive();
        OrderColumns restarted = new OrderColumns(jdbc, clock, storage);
        restarted.start();
        restarted.applicationReady();
        assertThat(restarted.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(restarted.count()).isEqualTo(detailed()).isGreaterThan(before);
            OrderFilter week = OrderFilter.none().withDates(LocalDate.now(Formats.CHILE).minusDays(6),
                    LocalDate.now(Formats.CHILE));
            OrderColumns.Aggregate a = columns.aggregate(week, null, false, 0).orElseThrow();
            OrderColumns.Aggregate b = restarted.aggregate(week, null, false, 0).orElseThrow();
            assertThat(b.orders()).isEqualTo(a.orders());
            assertThat(b.amountClp()).isEqualTo(a.amountClp());
            assertThat(b.medianClp()).isEqualTo(a.medianClp());
            assertThat(b.topSuppliers()).isEqualTo(a.topSuppliers());
            assertThat(b.byRegion()).isEqualTo(a.byRegion());
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aDamagedSnapshotIsNotReadAndTheDatabaseIs(@Autowired java.time.Clock clock,
                                                    @Autowired cl.andesops.shared.config.StorageProperties storage)
            throws Exception {
        columns.save();
        java.nio.file.Path file = storage.dataDir().resolve("index").resolve("order-columns.bin");
        byte[] whole = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        OrderColumns restarted = new OrderColumns(jdbc, clock, storage);
        restarted.start();
        restarted.applicationReady();
        try {
            assertThat(restarted.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
            assertThat(restarted.count()).isEqualTo(detailed());
            // and after reading the database it wrote a whole snapshot again
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> java.nio.file.Files.size(file) != whole.length / 2);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void selectFindsTheKthSmallest() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(500);
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(round % 3 == 0 ? 5 : 1_000_000);
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertThat(OrderColumns.select(values.clone(), n, k)).isEqualTo(sorted[k]);
        }
    }

    private int detailed() {
        return jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Integer.class).single();
    }

    private String most(String column) {
        return jdbc.sql("SELECT " + column + " FROM purchase_order WHERE has_detail = 1 AND " + column
                + " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
    }

    /** key → orders and amount; a missing value is the empty key either way. */
    private static Map<String, List<Long>> slices(List<MonitorSummary.Slice> slices) {
        Map<String, List<Long>> m = new TreeMap<>();
        for (MonitorSummary.Slice s : slices) {
            m.put(s.key() == null ? "" : s.key(), List.of(s.orders(), s.amountClp()));
        }
        return m;
    }

    private static List<Long> amounts(List<MonitorSummary.Slice> slices) {
        return slices.stream().map(MonitorSummary.Slice::amountClp).toList();
    }
}
