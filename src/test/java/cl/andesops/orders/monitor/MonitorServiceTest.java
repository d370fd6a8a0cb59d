package cl.andesops.orders.monitor;

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

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderTextIndex;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.sync.SyncEngine;
import cl.andesops.testing.SyncedAppTest;

/**
 * The Monitor's summary from the in-memory columns must equal the one plain SQL computes ({@link SqlOracle}) for
 * every kind of filter, and the columns must follow the sync's commits and survive restarts.
 */
class MonitorServiceTest extends SyncedAppTest {

    @Autowired MonitorService monitor;
    @Autowired ColumnLoader loader;
    @Autowired OrderTextIndex text;
    @Autowired JdbcClient jdbc;
    @Autowired SyncEngine sync;
    @Autowired DataVersions versions;
    SqlOracle sql;

    @BeforeEach
    void stillData() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'TODAY_ORDERS' AND state = 'DONE'")
                .query(Integer.class).single() >= 1);
        assertThat(loader.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
        sync.pause();
        Thread.sleep(500);
        text.awaitIndexed();
        sql = new SqlOracle(jdbc, text);
    }

    private MonitorSummary fromColumns(OrderFilter f) {
        return monitor.summary(f).orElseThrow();
    }

    private MonitorSummary fromSql(OrderFilter f) {
        return sql.summary(monitor.effective(f));
    }

    private int held() {
        return loader.columns().rows;
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
                40, 0, 0, 20_000, Duration.ofMillis(1), false, 1_000, "test", 0, false));
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

    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void wordsThatMatchMoreOrdersThanAFilterMayAreSaidTooBroadNotHandedToTheSql() throws Exception {
        String busiest = jdbc.sql("SELECT buyer_name FROM purchase_order WHERE buyer_name IS NOT NULL "
                + "AND has_detail = 1 GROUP BY buyer_name ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
        // its longest word: a word many orders share
        String words = java.util.Arrays.stream(busiest.split("\\s+")).max(java.util.Comparator.comparingInt(
                String::length)).orElseThrow();
        OrderFilter f = OrderFilter.none().withText(words);
        assertThat(monitor.effective(f).hasText()).as("within the limit: searched").isTrue();
        assertThat(text.matchingIdArray(words, null, null).length).isGreaterThan(1);
        long before = text.cachedBytes();
        assertThat(before).as("its ids are kept, weighed by their size").isGreaterThanOrEqualTo(64);
        text.limitMatches(1);
        try {
            OrderFilter shown = monitor.effective(f);
            assertThat(shown.hasText()).as("the screen shows the period without them, and says so").isFalse();
            assertThat(monitor.tooBroad(shown.withText(words))).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> text.matchingIds(words, null, null))
                    .isInstanceOf(cl.andesops.shared.search.RecordIndex.TooBroad.class)
                    .hasMessageContaining("coincide con más de 1 registros");
            var http = java.net.http.HttpClient.newHttpClient();
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                    + "/api/v1/orders?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("the API says so: a 400, not a 500 or the whole table").isEqualTo(400);
            assertThat(answer.body()).contains("agregue palabras");
        } finally {
            text.limitMatches(cl.andesops.shared.config.SearchLimits.DEFAULT.maxTextMatches());
        }
    }

    @Test
    void columnsHoldEveryDetailedOrderAndFollowCommits() {
        assertThat(held()).isEqualTo(detailed());
        int before = detailed();
        int added = storeMoreOrders(41);
        assertThat(added).isPositive();
        // the columns are updated before the commit's event reaches anyone else
        assertThat(held()).isEqualTo(detailed()).isEqualTo(before + added);
        OrderFilter thatDay = OrderFilter.none().withDates(LocalDate.of(2024, 3, 12), LocalDate.of(2024, 3, 12));
        assertThat(fromColumns(thatDay).orders()).isEqualTo(fromSql(thatDay).orders())
                .isGreaterThanOrEqualTo(added);

        // an order stored again with another amount is a change, not an addition: the columns follow it too
        var first = lastStored.getFirst();
        long before2 = fromColumns(thatDay).amountClp();
        ingest.orders(List.of(new cl.andesops.mercadopublico.OrderDetail(first.code(), first.name(), first.description(),
                first.stateCode(), first.state(), first.tenderCode(), first.typeCode(), first.type(), "CLP",
                first.supplierStateCode(), first.supplierState(), first.createdAt(), first.sentAt(), first.acceptedAt(),
                first.cancelledAt(), first.modifiedAt(), first.rating(), first.discounts(), first.charges(),
                first.netTotal(), first.taxRate(), first.tax(), java.math.BigDecimal.valueOf(987_654_321L),
                first.funding(), first.dispatchType(), first.paymentTerms(), first.buyer(), first.supplier(),
                first.items())));
        assertThat(held()).isEqualTo(detailed());
        MonitorSummary after = fromColumns(thatDay);
        assertThat(after.amountClp()).isNotEqualTo(before2).isEqualTo(fromSql(thatDay).amountClp());
    }

    @Test
    void everyFilterAddsUpTheSameFromColumnsAndFromSql() {
        LocalDate today = cl.andesops.testing.TestClock.today();
        String type = most("type");
        Integer state = Integer.valueOf(most("state_code"));
        String region = most("region");
        String buyer = most("buyer_code");
        String supplier = most("supplier_code");
        String category = most("category_code");
        OrderFilter week = OrderFilter.none().withDates(today.minusDays(6), today);
        List<OrderFilter> filters = List.of(OrderFilter.none(), OrderFilter.none().withDates(today, today),
                week, week.withTypes(Set.of(type)), week.withStates(Set.of(state)), week.withRegion(region),
                week.withBuyer(buyer), week.withSupplier(supplier), week.withAmount(100_000L, 5_000_000L),
                week.withText("medicos"), week.withText("jeringa -nitrilo"),
                week.withTypes(Set.of(type)).withRegion(region).withAmount(50_000L, null),
                OrderFilter.none().withDates(today, today).withRegion(region),
                week.withCategories(Set.of(category)), week.withCategories(Set.of(category)).withText("medicos"),
                week.withBuyer("no-such-buyer"));
        assertSameAsSql(filters);
        // the paths of five years of data, on this little: two halves in parallel, the median in two passes
        int split = ColumnScan.splitRows;
        int keep = ColumnScan.keepAmounts;
        try {
            ColumnScan.splitRows = 2;
            ColumnScan.keepAmounts = 3;
            monitor.on(new cl.andesops.shared.events.DataChanged(cl.andesops.shared.events.DataChanged.Dataset.ORDERS,
                    cl.andesops.shared.events.DataChanged.UNKNOWN, List.of(), List.of())); // empties the cache of summaries
            long computed = monitor.computations();
            assertSameAsSql(filters);
            assertThat(monitor.computations()).isGreaterThan(computed);
        } finally {
            ColumnScan.splitRows = split;
            ColumnScan.keepAmounts = keep;
        }
        // before the oldest order held there is no history: a comparison would be against nothing, so there is none
        OrderFilter year = OrderFilter.none().withDates(LocalDate.of(2023, 1, 1), today);
        assertThat(fromColumns(year).previousCovered()).isFalse();
        assertThat(fromColumns(year).ordersChange()).isNull();
        assertThat(fromColumns(filters.getLast()).orders()).isZero();
        assertThat(fromColumns(week).orders()).isPositive();
    }

    private void assertSameAsSql(List<OrderFilter> filters) {
        for (OrderFilter f : filters) {
            MonitorSummary fast = fromColumns(f);
            MonitorSummary sql = fromSql(f);
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
            assertThat(fast.medianClp()).as(what).isEqualTo(sql.medianClp());
            assertThat(fast.previousCovered()).as(what).isEqualTo(sql.previousCovered());
        }
    }

    @Test
    void aRestartReadsTheSnapshotAndTheOrdersWrittenSince(
            @Autowired cl.andesops.shared.config.StorageProperties storage) throws Exception {
        loader.save();
        int before = detailed();
        assertThat(storeMoreOrders(42)).isPositive();
        ColumnLoader restarted = new ColumnLoader(jdbc, versions, storage);
        restarted.start();
        restarted.applicationReady();
        assertThat(restarted.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(restarted.columns().rows).isEqualTo(detailed()).isGreaterThan(before);
            assertThat(restarted.columns().version).isEqualTo(versions.current(
                    cl.andesops.shared.events.DataChanged.Dataset.ORDERS));
            OrderFilter week = OrderFilter.none().withDates(cl.andesops.testing.TestClock.today().minusDays(6),
                    cl.andesops.testing.TestClock.today());
            Aggregate a = ColumnScan.aggregate(loader.columns(), week, null, false, 0);
            Aggregate b = ColumnScan.aggregate(restarted.columns(), week, null, false, 0);
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
    void aDamagedSnapshotIsNotReadAndTheDatabaseIs(@Autowired cl.andesops.shared.config.StorageProperties storage)
            throws Exception {
        loader.save();
        java.nio.file.Path file = storage.dataDir().resolve("index").resolve("order-columns.bin");
        byte[] whole = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        ColumnLoader restarted = new ColumnLoader(jdbc, versions, storage);
        restarted.start();
        restarted.applicationReady();
        try {
            assertThat(restarted.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
            assertThat(restarted.columns().rows).isEqualTo(detailed());
            // and after reading the database it wrote a whole snapshot again
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> java.nio.file.Files.size(file) != whole.length / 2);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void whileTheColumnsLoadThereIsNoSummaryNotOneOfAnotherKind(
            @Autowired cl.andesops.shared.config.StorageProperties storage,
            @Autowired cl.andesops.orders.OrderService orders) {
        ColumnLoader notYetLoaded = new ColumnLoader(jdbc, versions, storage);
        MonitorService loading = new MonitorService(notYetLoaded, text, orders, java.time.Clock.systemUTC());
        assertThat(loading.loaded()).isFalse();
        assertThat(loading.summary(OrderFilter.none())).isEmpty();
        assertThat(monitor.loaded()).isTrue();
        assertThat(monitor.summary(OrderFilter.none())).isPresent();
    }

    @Test
    void aRestartCorrectsAnOrderChangedLongAfterItWasFetched(
            @Autowired cl.andesops.shared.config.StorageProperties storage,
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("writer")
            org.springframework.jdbc.core.JdbcTemplate writer,
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("writerTx")
            org.springframework.transaction.support.TransactionTemplate tx) throws Exception {
        loader.save();
        // a change whose fetched_at is old: only the data version says it is newer than the snapshot
        String code = jdbc.sql("SELECT code FROM purchase_order WHERE has_detail = 1 AND amount_clp IS NOT NULL "
                + "ORDER BY id LIMIT 1").query(String.class).single();
        tx.executeWithoutResult(status -> writer.update(
                "UPDATE purchase_order SET amount_clp = 123456789, fetched_at = 0, version = ? WHERE code = ?",
                versions.next(cl.andesops.shared.events.DataChanged.Dataset.ORDERS), code));
        ColumnLoader restarted = new ColumnLoader(jdbc, versions, storage);
        restarted.start();
        restarted.applicationReady();
        try {
            assertThat(restarted.awaitLoaded(30, TimeUnit.SECONDS)).isTrue();
            int id = jdbc.sql("SELECT id FROM purchase_order WHERE code = :c").param("c", code).query(Integer.class)
                    .single();
            assertThat(restarted.columns().amount[id]).isEqualTo(123_456_789L);
        } finally {
            restarted.stop();
            loader.catchUp(cl.andesops.shared.events.DataChanged.UNKNOWN); // the app's own columns take the unannounced change too, for the tests after this
        }
    }

    @Test
    void monitorsAskingForTheSameSummaryAtOnceAfterACommitWaitForOneComputation() throws Exception {
        OrderFilter week = OrderFilter.none().withDates(cl.andesops.testing.TestClock.today().minusDays(6),
                cl.andesops.testing.TestClock.today());
        monitor.on(new cl.andesops.shared.events.DataChanged(cl.andesops.shared.events.DataChanged.Dataset.ORDERS,
                cl.andesops.shared.events.DataChanged.UNKNOWN, List.of(), List.of()));
        long before = monitor.computations();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<MonitorSummary>> asked = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 51; i++) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return monitor.summary(week).orElseThrow();
                }));
            }
            start.countDown();
            for (var f : asked) {
                assertThat(f.get()).isSameAs(asked.getFirst().get());
            }
        }
        assertThat(monitor.computations() - before).isEqualTo(1);
        // the next commit's Monitors get a new one
        monitor.on(new cl.andesops.shared.events.DataChanged(cl.andesops.shared.events.DataChanged.Dataset.ORDERS,
                cl.andesops.shared.events.DataChanged.UNKNOWN, List.of(), List.of()));
        assertThat(monitor.summary(week).orElseThrow()).isNotSameAs(asked.getFirst().get());
        assertThat(monitor.computations() - before).isEqualTo(2);
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
            assertThat(ColumnScan.select(values.clone(), n, k)).isEqualTo(sorted[k]);
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

    @Autowired cl.andesops.orders.OrderService orderService;
    @Autowired cl.andesops.orders.OrderTextIndex orderText;

    @Test
    void a_text_that_restricts_nothing_is_no_text_filter_not_every_id() {
        OrderFilter week = OrderFilter.none().withDates(cl.andesops.testing.TestClock.today().minusDays(6),
                cl.andesops.testing.TestClock.today());
        int all = orderService.count(week);
        long searches = orderText.searches();
        for (String nothing : List.of("!", "-x", " - ", "-nitrilo")) {
            assertThat(orderService.count(week.withText(nothing))).as(nothing).isEqualTo(all);
            assertThat(orderService.find(week.withText(nothing), 0, 5)).as(nothing).hasSize(Math.min(5, all));
        }
        assertThat(orderText.searches()).as("no search ran to list every id").isEqualTo(searches);
    }

    @Test
    void the_grid_lists_exactly_the_orders_of_the_period_it_counts() {
        // the grid reads newest first by a range of created_at (Chile days); the count by the day column
        LocalDate today = cl.andesops.testing.TestClock.today();
        for (OrderFilter f : List.of(OrderFilter.none().withDates(today, today),
                OrderFilter.none().withDates(today.minusDays(6), today.minusDays(1)),
                OrderFilter.none().withDates(LocalDate.of(2024, 3, 12), LocalDate.of(2024, 3, 12)),
                OrderFilter.none().withDates(LocalDate.of(2023, 1, 1), today).withAmount(10_000_000L, null))) {
            int counted = orderService.count(f);
            assertThat(counted).as("%s holds orders", f).isPositive();
            for (cl.andesops.orders.OrderSort sort : List.of(cl.andesops.orders.OrderSort.NEWEST,
                    cl.andesops.orders.OrderSort.OLDEST)) {
                List<cl.andesops.orders.OrderRow> rows = orderService.find(f, sort, 0, 1_000_000);
                assertThat(rows).as("%s %s", f, sort).hasSize(counted).allSatisfy(r -> assertThat(
                        LocalDate.ofInstant(r.createdAt(), cl.andesops.shared.format.Formats.CHILE))
                        .isBetween(f.from(), f.to()));
            }
        }
    }

    @Test
    void any_period_is_clamped_to_the_data_and_long_ones_are_drawn_by_week_or_month() {
        LocalDate today = cl.andesops.testing.TestClock.today();
        OrderFilter absurd = OrderFilter.none().withDates(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
        OrderFilter clamped = monitor.effective(absurd);
        assertThat(clamped.to()).isEqualTo(today);
        assertThat(clamped.from()).isEqualTo(monitor.firstDay().orElseThrow());
        MonitorSummary s = monitor.summary(absurd).orElseThrow();
        assertThat(s.series()).hasSizeLessThanOrEqualTo(MonitorService.DAILY_UP_TO);
        assertThat(s.orders()).isEqualTo(fromColumns(OrderFilter.none().withDates(clamped.from(), today)).orders());

        // a year by week and five by month: each day counted once, in its bucket, within the period
        LocalDate from = LocalDate.of(2021, 3, 10);
        for (LocalDate to : List.of(LocalDate.of(2022, 3, 9), LocalDate.of(2026, 3, 9))) {
            int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
            long[] orders = new long[days];
            long[] amounts = new long[days];
            for (int i = 0; i < days; i++) {
                orders[i] = i % 7 + 1;
                amounts[i] = 1_000L * (i % 5);
            }
            Aggregate a = new Aggregate(0, 0, null, 0, 0, 0, 0, orders, amounts, List.of(), List.of(), List.of(),
                    List.of(), List.of());
            List<MonitorSummary.Point> points = MonitorService.points(OrderFilter.none().withDates(from, to), false, a);
            assertThat(points).hasSizeLessThanOrEqualTo(days > MonitorService.WEEKLY_UP_TO ? 61 : 54);
            assertThat(points.stream().mapToLong(MonitorSummary.Point::orders).sum())
                    .isEqualTo(java.util.Arrays.stream(orders).sum());
            assertThat(points.stream().mapToLong(MonitorSummary.Point::amountClp).sum())
                    .isEqualTo(java.util.Arrays.stream(amounts).sum());
            assertThat(points.getFirst().key()).startsWith(from + "/");
            assertThat(points.getLast().key()).endsWith("/" + to);
        }
    }
}
