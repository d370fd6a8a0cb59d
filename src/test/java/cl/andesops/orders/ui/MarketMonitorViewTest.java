package cl.andesops.orders.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.orders.monitor.MonitorService;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.format.Formats;
import cl.andesops.orders.monitor.MonitorSummary;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;

/** The Monitor as a user clicks it, on the server, over orders the app synced from its simulator. */
class MarketMonitorViewTest extends SyncedAppTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired OrderService orders;
    @Autowired MonitorService monitor;
    @Autowired cl.andesops.orders.OrderTextIndex textIndex;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @BeforeEach
    void setUp() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' AND state = 'DONE'").query(Integer.class)
                .single() >= 2);
        KaribuTest.setUp(context);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    MarketMonitorView open(String location) {
        String query = location.startsWith("?") ? location.substring(1) : "";
        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.fromString(query));
        return _get(MarketMonitorView.class);
    }

    static List<OrderRow> rows(Grid<OrderRow> grid) {
        return GridKt._fetch(grid, 0, 500);
    }

    @Test
    void opens_with_orders_kpis_and_charts_in_spanish() {
        MarketMonitorView view = open("");
        assertThat(_get(H1.class, s -> s.withText("Monitor de mercado"))).isNotNull();
        assertThat(List.of(view.types.getPlaceholder(), view.states.getPlaceholder(), view.buyer.getPlaceholder()))
                .as("an empty choice reads as no filter").containsOnly("Todos");
        assertThat(view.filters.region.getPlaceholder()).isEqualTo("Todas");
        assertThat(rows(view.grid)).isNotEmpty();
        List<OrderRow> rows = rows(view.grid);
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).createdAt() != null && rows.get(i - 1).createdAt() != null) {
                assertThat(rows.get(i).createdAt()).isBeforeOrEqualTo(rows.get(i - 1).createdAt());
            }
        }
        LocalDate today = cl.andesops.testing.TestClock.today();
        int detailed = jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1 AND day BETWEEN :a AND :b")
                .param("a", day(today.minusDays(29))).param("b", day(today)).query(Integer.class).single();
        assertThat(view.kpiOrders.value.getText()).isEqualTo(Formats.count(summary(OrderFilter.none()).orders()));
        assertThat(summary(OrderFilter.none()).orders()).isBetween((long) detailed - 60, (long) detailed + 60);
        assertThat(view.typeChart.getOptionJson()).contains("Mezcla por tipo de orden");
        // the exact median of the period (the sync may add an order meanwhile)
        List<Long> amounts = jdbc.sql("SELECT amount_clp FROM purchase_order WHERE has_detail = 1 AND amount_clp IS NOT NULL "
                + "AND day BETWEEN :a AND :b ORDER BY amount_clp").param("a", day(today.minusDays(29)))
                .param("b", day(today)).query(Long.class).list();
        long exact = amounts.get(amounts.size() / 2);
        assertThat((double) summary(OrderFilter.none()).medianClp()).isCloseTo(exact,
                org.assertj.core.data.Percentage.withPercentage(1.0));
        assertThat(view.buyersChart.getOptionJson()).contains("Top 10 compradores");
    }

    @Test
    void filters_narrow_the_grid_and_are_written_to_the_url() {
        MarketMonitorView view = open("");
        view.types.setValue(Set.of("AG"));
        assertThat(rows(view.grid)).isNotEmpty().allMatch(o -> "AG".equals(o.type()));
        assertThat(view.urlQuery).isEqualTo("tipo=AG");
        view.states.setValue(Set.of(6));
        assertThat(rows(view.grid)).allMatch(o -> "AG".equals(o.type()) && o.stateCode() == 6);
        assertThat(view.urlQuery).isEqualTo("tipo=AG&estado=6");
        view.minAmount.setValue(100_000.0);
        assertThat(rows(view.grid)).allMatch(o -> o.amountClp() != null && o.amountClp() >= 100_000);
        view.clear.click();
        assertThat(view.urlQuery).isEmpty();
        assertThat(view.types.getValue()).isEmpty();
    }

    @Test
    void the_text_filter_goes_through_the_search_index_with_accents_plurals_and_exclusions() {
        textIndex.awaitIndexed();
        LocalDate today = cl.andesops.testing.TestClock.today();
        String period = "?desde=" + today.minusDays(29) + "&hasta=" + today;
        // "medicos" finds "Insumos médicos ...": LIKE '%medicos%' would not
        Set<String> medical = Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT po.code FROM purchase_order po JOIN order_item i ON i.order_id = po.id
                         WHERE i.product LIKE 'Insumos m%dicos%' AND po.has_detail = 1 AND po.day >= :from""")
                .param("from", day(today.minusDays(29))).query(String.class).list());
        assertThat(medical).isNotEmpty();
        MarketMonitorView view = open(period);
        view.search.setValue("medicos");
        List<OrderRow> found = GridKt._fetch(view.grid, 0, 10_000);
        assertThat(found).extracting(OrderRow::code).containsAll(medical);
        assertThat(view.urlQuery).contains("q=medicos");
        assertThat(view.kpiOrders.value.getText()).isEqualTo(Formats.count(summary(view.filter()).orders()));
        assertThat(summary(view.filter()).orders()).isEqualTo(found.size());

        // singular finds plural ("jeringa" → "Jeringas desechables"), and a minus excludes a word
        view.search.setValue("jeringa -nitrilo");
        assertThat(rows(view.grid)).isNotEmpty().allMatch(o -> jdbc.sql("""
                        SELECT count(*) FROM order_item i JOIN purchase_order po ON po.id = i.order_id
                         WHERE po.code = :c AND (i.product LIKE '%eringa%' OR po.name LIKE '%eringa%')""")
                .param("c", o.code()).query(Integer.class).single() > 0);
        view.search.setValue("zzzqqq");
        assertThat(rows(view.grid)).isEmpty();
        assertThat(summary(view.filter()).orders()).isZero();
    }

    @Test
    void a_shared_link_reopens_the_same_filtered_view() {
        String buyer = jdbc.sql("SELECT buyer_code FROM purchase_order WHERE has_detail = 1 GROUP BY buyer_code "
                + "ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
        LocalDate today = cl.andesops.testing.TestClock.today();
        // a period inside the days the data holds (one beyond them is shown clamped: see the test of that)
        MarketMonitorView view = open("?comprador=" + buyer + "&desde=" + today.minusDays(1) + "&hasta=" + today
                + "&tipo=SE,AG&basura=1&min=abc");
        assertThat(view.buyer.getValue().code()).isEqualTo(buyer);
        assertThat(view.buyer.getValue().name()).isNotEqualTo(buyer);
        assertThat(view.from.getValue()).isEqualTo(today.minusDays(1));
        assertThat(view.types.getValue()).containsExactlyInAnyOrder("SE", "AG");
        assertThat(view.minAmount.getValue()).isNull();
        assertThat(rows(view.grid)).isNotEmpty().allMatch(o -> Set.of("SE", "AG").contains(o.type()));
        assertThat(orders.find(view.filter(), 0, 500)).extracting(OrderRow::code)
                .allMatch(c -> c.startsWith(buyer + "-"));
    }

    @Test
    void clicking_a_chart_filters_the_grid() {
        MarketMonitorView view = open("");
        String firstType = summary(view.filter()).byType().getFirst().key();
        ComponentUtil.fireEvent(view.typeChart, new EChart.ChartClickEvent(view.typeChart, true, firstType, "", 0));
        assertThat(view.types.getValue()).containsExactly(firstType);
        assertThat(rows(view.grid)).isNotEmpty().allMatch(o -> firstType.equals(o.type()));

        ComponentUtil.fireEvent(view.buyersChart, new EChart.ChartClickEvent(view.buyersChart, true, "", "", 0));
        assertThat(view.buyer.getValue()).isNotNull();
        String buyerCode = view.buyer.getValue().code();
        assertThat(rows(view.grid)).allMatch(o -> o.code().startsWith(buyerCode + "-"));
        assertThat(view.urlQuery).contains("comprador=" + buyerCode);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_chart_has_a_text_alternative_and_a_table_whose_rows_filter_like_a_click() {
        MarketMonitorView view = open("");
        MonitorSummary shown = summary(view.filter());
        var top = shown.topBuyers();
        assertThat(top).isNotEmpty();
        // the picture's name: its title, its first rows with their amounts as the KPIs write them
        String alt = view.buyersChart.getElement().getAttribute("aria-label");
        assertThat(view.buyersChart.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(alt).startsWith("Top 10 compradores por monto: " + top.getFirst().label() + " "
                + Formats.clpCompact(java.math.BigDecimal.valueOf(top.getFirst().amountClp())));
        // the axis carries its unit, so the browser writes $ 1,8 mil MM and not 1,800,000,000
        assertThat(view.buyersChart.getOptionJson()).contains("\"andesUnit\":\"clp\"");
        assertThat(view.typeChart.getOptionJson()).contains("\"andesUnit\":\"clp\"");

        var card = (cl.andesops.shared.chart.ChartCard) view.buyersChart.getParent().orElseThrow();
        var toggle = _get(card, com.vaadin.flow.component.button.Button.class, s -> s.withId("chart-buyers-toggle"));
        assertThat(toggle.getText()).isEqualTo("Ver como tabla");
        toggle.click();
        assertThat(view.buyersChart.isVisible()).isFalse();
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        var buttons = _find(card, com.vaadin.flow.component.button.Button.class).stream()
                .filter(b -> b != toggle).toList();
        assertThat(buttons).extracting(com.vaadin.flow.component.button.Button::getText)
                .containsExactlyElementsOf(top.stream().map(MonitorSummary.Slice::label).toList());
        // a row's button (reached with Tab, pressed with Enter) does what a click on its bar does
        buttons.get(1).click();
        assertThat(view.buyer.getValue()).isNotNull();
        assertThat(view.buyer.getValue().code()).isEqualTo(top.get(1).key());
        toggle.click();
        assertThat(view.buyersChart.isVisible()).isTrue();
        assertThat(toggle.getText()).isEqualTo("Ver como tabla");
    }

    @Test
    void orders_committed_through_the_sync_reach_an_open_monitor_by_push() throws Exception {
        MarketMonitorView view = open("");
        long shownBefore = summary(OrderFilter.none()).orders();
        LocalDate today = cl.andesops.testing.TestClock.today();
        List<cl.andesops.mercadopublico.OrderDetail> fresh = freshOrders(today, 77, 40, 4);
        assertThat(fresh).isNotEmpty();
        // the write path commits on a thread of its own, as the sync worker does; the view hears of it by event
        Thread writer = Thread.ofPlatform().start(() -> ingest.orders(fresh));
        writer.join();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            MockVaadin.runUIQueue();
            return view.kpiOrders.value.getText().equals(Formats.count(summary(OrderFilter.none()).orders()));
        });
        assertThat(summary(OrderFilter.none()).orders()).isGreaterThanOrEqualTo(shownBefore + fresh.size());
        assertThat(rows(view.grid)).extracting(OrderRow::code).contains(fresh.getFirst().code());

        // a filtered Monitor is told how many arrived instead of moving the rows under the person's eyes: the orders
        // its filter matches, not every order of the commit
        view.types.setValue(Set.of("CM"));
        assertThat(rows(view.grid)).allMatch(o -> "CM".equals(o.type()));
        assertThat(view.newOrders.isVisible()).isFalse();
        List<cl.andesops.mercadopublico.OrderDetail> more = freshOrders(today, 78, 200, 40);
        Thread second = Thread.ofPlatform().start(() -> ingest.orders(more));
        second.join();
        long cm = jdbc.sql("SELECT count(*) FROM purchase_order WHERE type = 'CM' AND code IN (:codes)")
                .param("codes", more.stream().map(cl.andesops.mercadopublico.OrderDetail::code).toList())
                .query(Long.class).single();
        assertThat(cm).as("the commit holds orders of the filter's type and of others").isPositive()
                .isLessThan(more.size());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            MockVaadin.runUIQueue();
            return view.newOrders.isVisible();
        });
        assertThat(view.newOrders.getText()).isEqualTo(cm == 1 ? "1 orden nueva" : cm + " órdenes nuevas");
        assertThat(view.kpiOrders.value.getText()).isEqualTo(Formats.count(summary(view.filter()).orders()));
        view.newOrders.click();
        assertThat(view.newOrders.isVisible()).isFalse();
    }

    /** Up to {@code n} orders of another simulated world's day, created by now and not stored here. */
    private List<cl.andesops.mercadopublico.OrderDetail> freshOrders(LocalDate day, long seed, int perDay, int n) {
        return new cl.andesops.simulator.SimulatorFixtures(new cl.andesops.simulator.SimulatorSettings(seed, 0, perDay,
                0, 0, 20_000, Duration.ofMillis(1), false, 1_000, "test", 0, false))
                .orderDetails(day, clock.instant()).stream()
                .map(b -> cl.andesops.mercadopublico.WireFormat.orderDetail(b).orElseThrow())
                .filter(o -> o.createdAt() != null && !o.createdAt().isAfter(clock.instant()))
                .filter(o -> orders.detail(o.code()).isEmpty()).limit(n).toList();
    }

    @Autowired cl.andesops.sync.Ingest ingest;
    @Autowired java.time.Clock clock;

    private cl.andesops.orders.monitor.MonitorSummary summary(OrderFilter f) {
        return monitor.summary(f).orElseThrow();
    }

    @Test
    void the_order_page_shows_every_field_and_its_items() {
        String code = jdbc.sql("SELECT code FROM purchase_order WHERE has_detail = 1 LIMIT 1").query(String.class)
                .single();
        UI.getCurrent().navigate("orders/" + code);
        OrderView page = _get(OrderView.class);
        @SuppressWarnings("unchecked")
        Grid<cl.andesops.orders.OrderDetailView.Item> items = _get(page, Grid.class, s -> s.withId("order-items"));
        int expected = jdbc.sql("SELECT count(*) FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                + "WHERE o.code = :c").param("c", code).query(Integer.class).single();
        assertThat(GridKt._size(items.getDataProvider(), null)).isEqualTo(expected);
        // a demo's order is the simulator's: it says so, and offers no mercadopublico.cl link
        assertThat(_find(page, com.vaadin.flow.component.html.Anchor.class, s -> s.withId("order-official"))).isEmpty();
        assertThat(_get(page, com.vaadin.flow.component.html.Span.class, s -> s.withId("order-official")).getText())
                .isEqualTo("Registro simulado (modo demo)");
    }

    /** The rows of a workbook's first sheet. */
    private static int sheetRows(byte[] workbook) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("orders", ".xlsx");
        try {
            java.nio.file.Files.write(file, workbook);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                var sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                assertThat(sheet).as("a sheet in the workbook").isNotNull();
                String xml = new String(zip.getInputStream(sheet).readAllBytes(), StandardCharsets.UTF_8);
                return xml.split("<row ", -1).length - 1;
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void exports_stream_the_filtered_orders_as_csv_and_xlsx() throws Exception {
        // the type most orders have (the file must have rows for its checks to mean anything)
        String type = jdbc.sql("SELECT type FROM purchase_order WHERE has_detail = 1 AND type IS NOT NULL "
                + "GROUP BY type ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
        MarketMonitorView view = open("?tipo=" + type);
        OrderFilter filter = view.shown();
        var csv = export(filter, cl.andesops.shared.ui.TableExport.Format.CSV, OrderExport.MAX_ROWS);
        var read = cl.andesops.testing.StableExport.read(() -> orders.find(filter,
                cl.andesops.orders.OrderSort.NEWEST, 0, (int) OrderExport.MAX_ROWS), csv::writeCsv);
        int expected = read.shown().size();
        assertThat(read.lines()[0]).startsWith("\uFEFF\"Código\";\"Nombre\"");
        assertThat(read.lines()).hasSize(expected + 1);
        assertThat(expected).isPositive();
        assertThat(java.util.Arrays.stream(read.lines()).skip(1)).allMatch(l -> l.contains("\"" + type + "\""));
        for (int i = 0; i < expected; i++) {
            assertThat(read.lines()[i + 1]).as("row %d in the grid's order", i)
                    .startsWith("\"" + read.shown().get(i).code() + "\";");
        }

        // the workbook's sheet has a row per order and its header (counted with no commit in between)
        int rows = -1;
        int count = 0;
        for (int attempt = 0; attempt < 40 && rows != count + 1; attempt++) {
            count = orders.count(filter);
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            export(filter, cl.andesops.shared.ui.TableExport.Format.XLSX, OrderExport.MAX_ROWS).writeXlsx(xlsx);
            rows = sheetRows(xlsx.toByteArray());
        }
        assertThat(rows).isEqualTo(count + 1);

        // keyset pages, however small, give every row once in the grid's order
        List<String> paged = new java.util.ArrayList<>();
        List<String> listed = List.of();
        for (int attempt = 0; attempt < 40; attempt++) { // until both are read with no commit in between
            paged.clear();
            orders.forEachNewest(filter, Long.MAX_VALUE, 7, o -> paged.add(o.code()));
            listed = orders.find(filter, cl.andesops.orders.OrderSort.NEWEST, 0, (int) OrderExport.MAX_ROWS).stream()
                    .map(cl.andesops.orders.OrderRow::code).toList();
            if (paged.equals(listed)) {
                break;
            }
        }
        assertThat(paged).isNotEmpty().containsExactlyElementsOf(listed);
        // a file stops at its row limit and says so in its last line
        ByteArrayOutputStream capped = new ByteArrayOutputStream();
        export(filter, cl.andesops.shared.ui.TableExport.Format.CSV, 3).writeCsv(capped);
        String[] lines = capped.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + 3 + 1);
        assertThat(lines[4]).contains("límite de 3 filas");
        assertThat(cl.andesops.shared.ui.TableExport.neutralise("=HYPERLINK(\"x\")")).startsWith("'=");
        assertThat(cl.andesops.shared.ui.TableExport.neutralise("-120")).isEqualTo("-120");
        for (String formula : java.util.List.of("\t=1+1", "\r=1+1", "＝HYPERLINK(\"x\")", "＋1", "－1", "＠SUM(A1)")) {
            assertThat(cl.andesops.shared.ui.TableExport.neutralise(formula)).as(formula).startsWith("'");
        }
    }

    /**
     * The figures, the grid and both files count the same orders: the period the screen shows (30 days unless the URL
     * says otherwise) is in all of them. An order older than the period and one known only from a list (no date
     * yet) are in the database, and are in none of them.
     */
    @Test
    void the_kpi_the_grid_and_both_exports_count_the_same_orders_for_the_default_and_five_filters() throws Exception {
        textIndex.awaitIndexed();
        monitor.awaitColumns(60);
        String type = mostCommon("type");
        String region = mostCommon("region");
        String state = mostCommon("state_code");
        String word = jdbc.sql("SELECT name FROM purchase_order WHERE has_detail = 1 AND name IS NOT NULL "
                + "ORDER BY id LIMIT 1").query(String.class).single().split("\\s+")[0];
        LocalDate old = cl.andesops.testing.TestClock.today().minusDays(60);
        jdbc.sql("""
                INSERT INTO purchase_order (code, name, state_code, state, type, currency, total, amount_clp,
                       buyer_code, buyer_name, supplier_code, supplier_name, region, created_at, day, has_detail,
                       fetched_at)
                SELECT 'OLD-' || code, name, state_code, state, type, currency, total, amount_clp, buyer_code,
                       buyer_name, supplier_code, supplier_name, region, :at, :day, 1, fetched_at
                  FROM purchase_order WHERE has_detail = 1 AND type = :type AND region = :region
                 ORDER BY id LIMIT 1""").param("at", old.atTime(10, 0).atZone(Formats.CHILE).toInstant()
                .toEpochMilli()).param("day", day(old)).param("type", type).param("region", region).update();
        jdbc.sql("INSERT INTO purchase_order (code, name, state_code, state, fetched_at, has_detail) "
                + "VALUES ('LISTED-ONLY-1', :name, :state, 'Enviada a proveedor', 0, 0)").param("name", word)
                .param("state", Integer.parseInt(state)).update();
        try {
            for (String query : List.of("", "?tipo=" + type, "?estado=" + state, "?region=" + region,
                    "?min=100000", "?q=" + word)) {
                MarketMonitorView view = open(query);
                long kpi = -1;
                int grid = -2;
                int csv = -3;
                int xlsx = -4;
                long api = -5;
                for (int attempt = 0; attempt < 40 && !(kpi == grid && grid == csv && csv == xlsx && xlsx == api);
                     attempt++) {
                    view.refresh();
                    kpi = summary(view.shown()).orders();
                    grid = GridKt._fetch(view.grid, 0, 100_000).size();
                    ByteArrayOutputStream file = new ByteArrayOutputStream();
                    export(view.shown(), cl.andesops.shared.ui.TableExport.Format.CSV, OrderExport.MAX_ROWS)
                            .writeCsv(file);
                    csv = file.toString(StandardCharsets.UTF_8).split("\r\n").length - 1;
                    file.reset();
                    export(view.shown(), cl.andesops.shared.ui.TableExport.Format.XLSX, OrderExport.MAX_ROWS)
                            .writeXlsx(file);
                    xlsx = sheetRows(file.toByteArray()) - 1;
                    api = apiTotal(view.shown());
                }
                System.out.printf("[measure] Monitor '%s': KPI %d orders, grid %d rows, CSV %d rows, XLSX %d rows, "
                        + "API total %d%n", query.isEmpty() ? "(default)" : query, kpi, grid, csv, xlsx, api);
                assertThat(List.of((long) grid, (long) csv, (long) xlsx, api)).as("grid, CSV, XLSX and the API "
                        + "answer of '%s' against its KPI", query).containsOnly(kpi);
                assertThat(kpi).as(query).isPositive();
                assertThat(view.kpiOrders.value.getText()).as(query).isEqualTo(Formats.count(kpi));
                assertThat(GridKt._fetch(view.grid, 0, 100_000)).as(query)
                        .noneMatch(o -> o.code().startsWith("OLD-") || o.code().equals("LISTED-ONLY-1"));
            }
        } finally {
            jdbc.sql("DELETE FROM purchase_order WHERE code LIKE 'OLD-%' OR code = 'LISTED-ONLY-1'").update();
        }
    }

    @Test
    void a_filter_with_no_match_says_so_and_the_day_under_way_is_drawn_as_partial() {
        MarketMonitorView none = open("?min=999999999999999");
        assertThat(none.charts.noMatch.isVisible()).isTrue();
        assertThat(none.charts.noMatch.getText()).startsWith("Ninguna orden coincide con este filtro");
        assertThat(none.charts.timeChart.getParent().orElseThrow().getParent().orElseThrow().isVisible())
                .as("no empty axes").isFalse();

        MarketMonitorView days = open("");
        assertThat(days.charts.noMatch.isVisible()).isFalse();
        String option = days.charts.timeChart.getOptionJson();
        String today = java.time.format.DateTimeFormatter.ofPattern("dd-MM").format(
                cl.andesops.testing.TestClock.today());
        assertThat(option).contains("\"" + today + " (parcial)\"").contains("\"minInterval\":1");

        LocalDate d = cl.andesops.testing.TestClock.today();
        MarketMonitorView hours = open("?desde=" + d + "&hasta=" + d);
        int hour = java.time.ZonedDateTime.now(cl.andesops.testing.TestClock.CLOCK.withZone(Formats.CHILE)).getHour();
        String hourly = hours.charts.timeChart.getOptionJson();
        assertThat(hourly).as("hours still to come are not drawn as zero").contains("null");
        assertThat(hour).isLessThan(23);
    }

    @Test
    void an_english_screen_writes_its_numbers_as_english_does() {
        MarketMonitorView view = open("");
        assertThat(view.charts.kpiMedian.value.getText()).matches("\\$ \\d{1,3}(\\.\\d{3})+");
        try {
            UI.getCurrent().setLocale(cl.andesops.shared.I18n.ENGLISH);
            view.refresh();
            assertThat(view.charts.kpiMedian.value.getText()).matches("\\$ \\d{1,3}(,\\d{3})+");
        } finally {
            UI.getCurrent().setLocale(cl.andesops.shared.I18n.SPANISH);
        }
    }

    /** The orders API's total for the filter the screen shows, asked the way a client would (its parameters). */
    private long apiTotal(OrderFilter f) throws Exception {
        StringBuilder q = new StringBuilder("/api/v1/orders?size=1&from=" + f.from() + "&to=" + f.to());
        java.util.function.BiConsumer<String, Object> add = (k, v) -> q.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
        f.types().forEach(t -> add.accept("type", t));
        f.states().forEach(st -> add.accept("state", st));
        if (f.region() != null) {
            add.accept("region", f.region());
        }
        if (f.minAmount() != null) {
            add.accept("minAmount", f.minAmount());
        }
        if (f.text() != null) {
            add.accept("q", f.text());
        }
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + q)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(q.toString()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).path("total").asLong();
    }

    private String mostCommon(String column) {
        return jdbc.sql("SELECT CAST(" + column + " AS TEXT) FROM purchase_order WHERE has_detail = 1 AND " + column
                + " IS NOT NULL GROUP BY " + column + " ORDER BY count(*) DESC LIMIT 1").query(String.class).single();
    }

    cl.andesops.shared.ui.TableExport<cl.andesops.orders.OrderRow> export(OrderFilter filter,
            cl.andesops.shared.ui.TableExport.Format format, long max) {
        var es = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            es.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return OrderExport.of(orders, () -> filter, format, max, es::getProperty, java.util.Locale.of("es", "CL"),
                false);
    }

    static int day(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    @Test
    void a_period_the_history_does_not_reach_says_so_instead_of_a_change() {
        MarketMonitorView view = open("?desde=2023-01-01&hasta=" + cl.andesops.testing.TestClock.today());
        assertThat(view.kpiOrders.delta.getText()).isEqualTo("sin datos del período anterior para comparar");
        // today against yesterday: the history holds yesterday
        MarketMonitorView day = open("?desde=" + cl.andesops.testing.TestClock.today() + "&hasta="
                + cl.andesops.testing.TestClock.today());
        assertThat(day.kpiOrders.delta.getText()).doesNotContain("sin datos");
    }

    @Test
    void a_period_beyond_the_data_shows_in_the_pickers_as_the_period_the_figures_use() {
        LocalDate today = cl.andesops.testing.TestClock.today();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> monitor.firstDay().isPresent());
        MarketMonitorView view = open("?desde=0001-01-01&hasta=9999-12-31");
        LocalDate first = monitor.firstDay().orElseThrow();
        assertThat(view.from.getValue()).isEqualTo(first);
        assertThat(view.filters.to.getValue()).isEqualTo(today);
        assertThat(view.from.getMin()).isEqualTo(first);
        assertThat(view.filters.to.getMax()).isEqualTo(today);
        // a period inside the data is left as it was asked for
        MarketMonitorView inside = open("?desde=" + today.minusDays(1) + "&hasta=" + today);
        assertThat(inside.from.getValue()).isEqualTo(today.minusDays(1));
    }

    @Test
    void a_reader_who_leaves_mid_export_ends_it_quietly_and_other_failures_still_show() throws Exception {
        OrderFilter filter = OrderFilter.none().withDates(cl.andesops.testing.TestClock.today().minusDays(5),
                cl.andesops.testing.TestClock.today());
        var csv = export(filter, cl.andesops.shared.ui.TableExport.Format.CSV, OrderExport.MAX_ROWS);
        class Cut extends java.io.OutputStream {
            final String why;
            int written;

            Cut(String why) {
                this.why = why;
            }

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > 100) {
                    throw new java.io.IOException(why);
                }
            }
        }
        // the rows are written in pages after the header: the cut comes mid-file
        assertThat(csv.write(new Cut("Broken pipe"))).isFalse();
        assertThat(csv.write(new Cut("Connection reset by peer"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> csv.write(new Cut("No space left on device")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("No space left");
    }

    @Test
    void an_export_is_refused_with_a_sentence_when_its_session_or_everyone_has_enough_running() {
        var gate = new cl.andesops.shared.ui.TableExport.Gate(3);
        var a = new java.util.concurrent.atomic.AtomicBoolean();
        var b = new java.util.concurrent.atomic.AtomicBoolean();
        var c = new java.util.concurrent.atomic.AtomicBoolean();
        var d = new java.util.concurrent.atomic.AtomicBoolean();
        assertThat(gate.admit(a)).isNull();
        assertThat(gate.admit(a)).isEqualTo("Ya hay una exportación en curso en esta sesión: espere a que termine.");
        assertThat(gate.admit(b)).isNull();
        assertThat(gate.admit(c)).isNull();
        assertThat(gate.admit(d)).isEqualTo("Hay 3 exportaciones en curso, el máximo a la vez: intente en un momento.");
        // the refused session is not left marked busy: once a file ends, it may start its own
        gate.release(a);
        assertThat(gate.admit(d)).isNull();
        assertThat(gate.admit(a)).as("a's slot went to d").isNotNull();
    }
}
