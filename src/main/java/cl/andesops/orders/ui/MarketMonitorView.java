package cl.andesops.orders.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.orders.MonitorService;
import cl.andesops.orders.MonitorSummary;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.OrderSort;
import cl.andesops.orders.Party;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.LiveUpdates;
import cl.andesops.shared.events.SyncProgress;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;

/**
 * Monitor de mercado: purchase orders as they arrive. The filter lives in the URL; KPIs and charts follow it
 * (clicking a bar or a slice filters); new orders are pushed to every open Monitor.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Monitor de mercado · AndesOps")
@Menu(title = "nav.monitor", order = 1, icon = "vaadin:dashboard")
@AnonymousAllowed
public class MarketMonitorView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver {

    final TextField search = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final MultiSelectComboBox<String> types = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Integer> states = new MultiSelectComboBox<>();
    final ComboBox<String> region = new ComboBox<>();
    final ComboBox<Party> buyer = new ComboBox<>();
    final ComboBox<Party> supplier = new ComboBox<>();
    final NumberField minAmount = new NumberField();
    final NumberField maxAmount = new NumberField();
    final Button clear = new Button();
    final Details moreFilters = new Details();
    final Button newOrders = new Button();
    final Grid<OrderRow> grid = new Grid<>();
    final Kpi kpiOrders = new Kpi("kpi-orders");
    final Kpi kpiAmount = new Kpi("kpi-amount");
    final Kpi kpiMedian = new Kpi("kpi-median");
    final Kpi kpiBuyers = new Kpi("kpi-buyers");
    final Kpi kpiSuppliers = new Kpi("kpi-suppliers");
    final EChart timeChart = chart("chart-time");
    final EChart buyersChart = chart("chart-buyers");
    final EChart suppliersChart = chart("chart-suppliers");
    final EChart typeChart = chart("chart-type");
    final EChart stateChart = chart("chart-state");
    final EChart regionChart = chart("chart-region");
    final Div syncPanel = new Div();
    private final ProgressBar syncBar = new ProgressBar();
    private final Span syncText = new Span();
    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final Anchor csv;
    private final Anchor xlsx;
    private final Div empty = new Div();
    private final Grid.Column<OrderRow> codeColumn;
    private final Grid.Column<OrderRow> nameColumn;
    private final Grid.Column<OrderRow> buyerColumn;
    private final Grid.Column<OrderRow> supplierColumn;
    private final Grid.Column<OrderRow> typeColumn;
    private final Grid.Column<OrderRow> stateColumn;
    private final Grid.Column<OrderRow> amountColumn;
    private final Grid.Column<OrderRow> dateColumn;
    private final OrderService orders;
    private final MonitorService monitor;
    private final LiveUpdates live;
    private final Clock clock;
    private final AtomicInteger pendingNew = new AtomicInteger();
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private volatile int lastOffset;
    /** The query string last written to the address bar (tests read it). */
    String urlQuery = "";
    private boolean applying;
    private MonitorSummary summary;
    private Runnable unsubscribeData;
    private Runnable unsubscribeProgress;

    MarketMonitorView(OrderService orders, MonitorService monitor, LiveUpdates live, Clock clock) {
        this.orders = orders;
        this.monitor = monitor;
        this.live = live;
        this.clock = clock;
        setId("monitor-view");
        addClassName("view");
        setWidthFull();
        setPadding(false);

        Div heading = new Div(title, subtitle);
        heading.addClassName("view-header");
        newOrders.setId("new-orders");
        newOrders.setVisible(false);
        newOrders.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        newOrders.setIcon(VaadinIcon.ARROW_UP.create());
        newOrders.addClickListener(e -> showNewOrders());
        csv = new Anchor(new OrderExport(orders, this::filter, OrderExport.Format.CSV), "CSV");
        xlsx = new Anchor(new OrderExport(orders, this::filter, OrderExport.Format.XLSX), "XLSX");
        csv.setId("export-csv");
        xlsx.setId("export-xlsx");
        csv.getElement().setAttribute("download", true);
        xlsx.getElement().setAttribute("download", true);
        HorizontalLayout exports = new HorizontalLayout(VaadinIcon.DOWNLOAD_ALT.create(), csv, xlsx);
        exports.setAlignItems(FlexComponent.Alignment.CENTER);
        exports.addClassName("exports");
        HorizontalLayout header = new HorizontalLayout(heading, newOrders, exports);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setFlexGrow(1, heading);

        configureFilters();
        Div more = new Div(region, buyer, supplier, minAmount, maxAmount);
        more.addClassName("filters");
        moreFilters.add(more);
        moreFilters.setId("more-filters");
        moreFilters.addClassName("more-filters");
        Div filters = new Div(search, from, to, types, states, clear);
        filters.setId("monitor-filters");
        filters.addClassName("filters");

        syncPanel.setId("sync-progress");
        syncPanel.addClassName("card");
        syncPanel.addClassName("sync-panel");
        syncPanel.add(syncText, syncBar);
        syncPanel.setVisible(false);

        Div kpis = new Div(kpiOrders, kpiAmount, kpiMedian, kpiBuyers, kpiSuppliers);
        kpis.addClassName("kpis");

        Div charts = new Div(card(timeChart, "wide"), card(buyersChart, null), card(suppliersChart, null),
                card(typeChart, null), card(stateChart, null), card(regionChart, null));
        charts.addClassName("charts");
        configureCharts();

        grid.setId("orders-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // templates rendered in the browser rather than two server-side components per row: a live refresh of the
        // page of rows sends data only
        codeColumn = grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<OrderRow>of(
                        "<a href=\"${item.href}\" router-link>${item.code}</a>")
                .withProperty("code", OrderRow::code)
                .withProperty("href", o -> com.vaadin.flow.router.RouteConfiguration.forApplicationScope()
                        .getUrl(OrderView.class, new RouteParameters("code", o.code()))))
                .setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        nameColumn = grid.addColumn(OrderRow::name).setFlexGrow(3).setResizable(true);
        buyerColumn = grid.addColumn(OrderRow::buyerName).setFlexGrow(2).setResizable(true);
        supplierColumn = grid.addColumn(OrderRow::supplierName).setFlexGrow(2).setResizable(true);
        typeColumn = grid.addColumn(OrderRow::type).setAutoWidth(true).setFlexGrow(0);
        stateColumn = grid.addColumn(OrderRow::state).setAutoWidth(true).setFlexGrow(0);
        amountColumn = grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<OrderRow>of(
                        "<span class=\"amount\"><span class=\"flag\" ?hidden=${!item.flag} title=${item.flag} "
                                + "aria-label=${item.flag}>⚠</span>${item.amount}</span>")
                .withProperty("amount", o -> o.total() == null ? "…" : Formats.money(o.total(), o.currency()))
                .withProperty("flag", o -> o.flag() == null ? null : flagText(o.flag())))
                .setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty("amount");
        dateColumn = grid.addColumn(o -> Formats.dateTime(o.createdAt())).setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty("date");
        grid.setItems(q -> {
            lastOffset = q.getOffset();
            return orders.find(filter(), sort(q.getSortOrders()), q.getOffset(), q.getLimit()).stream();
        });
        grid.setHeight("640px");
        grid.setEmptyStateComponent(empty);
        empty.addClassName("empty-state");

        add(header, filters, moreFilters, syncPanel, kpis, charts, grid);
    }

    // ---- filters and the URL ----------------------------------------------------------------------------

    private void configureFilters() {
        search.setId("monitor-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        from.setId("filter-from");
        to.setId("filter-to");
        types.setId("filter-type");
        types.setItems(MpCodes.ORDER_TYPES);
        states.setId("filter-state");
        states.setItems(MpCodes.ORDER_STATES);
        states.setItemLabelGenerator(MpCodes::order);
        region.setId("filter-region");
        region.setItems(orders.regions());
        region.setClearButtonVisible(true);
        buyer.setId("filter-buyer");
        buyer.setItems(q -> orders.buyers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        buyer.setItemLabelGenerator(Party::name);
        buyer.setClearButtonVisible(true);
        supplier.setId("filter-supplier");
        supplier.setItems(q -> orders.suppliers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        supplier.setItemLabelGenerator(Party::name);
        supplier.setClearButtonVisible(true);
        minAmount.setId("filter-min");
        maxAmount.setId("filter-max");
        for (NumberField f : List.of(minAmount, maxAmount)) {
            f.setMin(0);
            f.setPrefixComponent(new Span("$"));
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        for (com.vaadin.flow.component.Component field : List.<com.vaadin.flow.component.Component>of(search, from, to,
                types, states, region, buyer, supplier, minAmount, maxAmount)) {
            field.getElement().getThemeList().add("small");
        }
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> apply(OrderFilter.none(), true));
        search.addValueChangeListener(e -> filterChanged());
        from.addValueChangeListener(e -> filterChanged());
        to.addValueChangeListener(e -> filterChanged());
        types.addValueChangeListener(e -> filterChanged());
        states.addValueChangeListener(e -> filterChanged());
        region.addValueChangeListener(e -> filterChanged());
        buyer.addValueChangeListener(e -> filterChanged());
        supplier.addValueChangeListener(e -> filterChanged());
        minAmount.addValueChangeListener(e -> filterChanged());
        maxAmount.addValueChangeListener(e -> filterChanged());
    }

    /** The filter the fields describe now. */
    OrderFilter filter() {
        return new OrderFilter(search.getValue(), states.getValue(), types.getValue(),
                buyer.getValue() == null ? null : buyer.getValue().code(),
                supplier.getValue() == null ? null : supplier.getValue().code(), region.getValue(),
                minAmount.getValue() == null ? null : minAmount.getValue().longValue(),
                maxAmount.getValue() == null ? null : maxAmount.getValue().longValue(), from.getValue(), to.getValue());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        apply(FilterCodec.fromQuery(event.getLocation().getQueryParameters()), false);
    }

    /** Puts a filter into the fields (and optionally the URL), then refreshes once. */
    void apply(OrderFilter f, boolean updateUrl) {
        applying = true;
        try {
            search.setValue(f.text() == null ? "" : f.text());
            from.setValue(f.from());
            to.setValue(f.to());
            types.setValue(f.types());
            states.setValue(f.states());
            region.setValue(f.region());
            buyer.setValue(f.buyerCode() == null ? null : orders.buyer(f.buyerCode())
                    .orElse(new Party(f.buyerCode(), f.buyerCode())));
            supplier.setValue(f.supplierCode() == null ? null : orders.supplier(f.supplierCode())
                    .orElse(new Party(f.supplierCode(), f.supplierCode())));
            minAmount.setValue(f.minAmount() == null ? null : f.minAmount().doubleValue());
            maxAmount.setValue(f.maxAmount() == null ? null : f.maxAmount().doubleValue());
        } finally {
            applying = false;
        }
        if (updateUrl) {
            updateUrl();
        }
        refresh();
    }

    private void updateMoreSummary() {
        OrderFilter f = filter();
        int n = (f.region() == null ? 0 : 1) + (f.buyerCode() == null ? 0 : 1) + (f.supplierCode() == null ? 0 : 1)
                + (f.minAmount() == null ? 0 : 1) + (f.maxAmount() == null ? 0 : 1);
        moreFilters.setSummaryText(getTranslation("monitor.filter.more") + (n == 0 ? "" : " (" + n + ")"));
        if (n > 0) {
            moreFilters.setOpened(true);
        }
        OrderFilter period = monitor.withDefaultPeriod(f);
        from.setPlaceholder(Formats.date(period.from().atStartOfDay(Formats.CHILE).toInstant()));
        to.setPlaceholder(Formats.date(period.to().atStartOfDay(Formats.CHILE).toInstant()));
    }

    private void filterChanged() {
        if (!applying) {
            updateUrl();
            refresh();
        }
    }

    private void updateUrl() {
        QueryParameters query = FilterCodec.toQuery(filter());
        urlQuery = query.getQueryString();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("", query)));
    }

    private static OrderSort sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return OrderSort.NEWEST;
        }
        QuerySortOrder o = orders.getFirst();
        boolean asc = o.getDirection() == SortDirection.ASCENDING;
        return "amount".equals(o.getSorted()) ? (asc ? OrderSort.AMOUNT_ASC : OrderSort.AMOUNT_DESC)
                : (asc ? OrderSort.OLDEST : OrderSort.NEWEST);
    }

    // ---- KPIs and charts --------------------------------------------------------------------------------

    /** Recomputes (or takes from the shared cache) the summary and redraws KPIs, charts and the grid. */
    void refresh() {
        updateMoreSummary();
        pendingNew.set(0);
        newOrders.setVisible(false);
        grid.getDataProvider().refreshAll();
        redrawSummary();
    }

    private void redrawSummary() {
        summary = monitor.summary(filter());
        String vs = getTranslation("monitor.kpi.vs");
        kpiOrders.set(getTranslation("monitor.kpi.orders"), Formats.count(summary.orders()), summary.ordersChange(), vs);
        kpiAmount.set(getTranslation("monitor.kpi.amount"), Formats.clpCompact(java.math.BigDecimal.valueOf(
                summary.amountClp())), summary.amountChange(), vs);
        kpiMedian.set(getTranslation("monitor.kpi.median"), summary.medianClp() == null ? "—"
                : Formats.clp(summary.medianClp()), null, vs);
        kpiBuyers.set(getTranslation("monitor.kpi.buyers"), Formats.count(summary.buyers()), null, vs);
        kpiSuppliers.set(getTranslation("monitor.kpi.suppliers"), Formats.count(summary.suppliers()), null, vs);

        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(getTranslation("monitor.chart.amount"), summary.series().stream()
                .map(p -> millions(p.amountClp())).toList());
        series.put(getTranslation("monitor.chart.count"), summary.series().stream()
                .map(MonitorSummary.Point::orders).toList());
        timeChart.setOption(ChartOptions.line(getTranslation(summary.hourly() ? "monitor.chart.time.hour"
                        : "monitor.chart.time.day"), summary.series().stream().map(MonitorSummary.Point::label).toList(),
                series, true));
        buyersChart.setOption(bars("monitor.chart.buyers", summary.topBuyers()));
        suppliersChart.setOption(bars("monitor.chart.suppliers", summary.topSuppliers()));
        typeChart.setOption(ChartOptions.pie(getTranslation("monitor.chart.type"), summary.byType().stream()
                .map(MonitorSummary.Slice::label).toList(), summary.byType().stream()
                .map(sl -> millions(sl.amountClp())).toList()));
        stateChart.setOption(ChartOptions.pie(getTranslation("monitor.chart.state"), summary.byState().stream()
                .map(MonitorSummary.Slice::label).toList(), summary.byState().stream()
                .map(MonitorSummary.Slice::orders).toList()));
        regionChart.setOption(bars("monitor.chart.region", summary.byRegion()));
    }

    private Map<String, Object> bars(String titleKey, List<MonitorSummary.Slice> slices) {
        return ChartOptions.bar(getTranslation(titleKey), slices.stream().map(MonitorSummary.Slice::label).toList(),
                slices.stream().map(sl -> millions(sl.amountClp())).toList(), getTranslation("monitor.chart.amount"),
                true);
    }

    /** Chart amounts are in millions of pesos (MM$), one decimal: axis labels stay short. */
    static java.math.BigDecimal millions(long pesos) {
        return java.math.BigDecimal.valueOf(pesos).movePointLeft(6).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private void configureCharts() {
        timeChart.addChartClickListener(e -> {
            if (summary != null && !summary.hourly() && e.getDataIndex() >= 0
                    && e.getDataIndex() < summary.series().size()) {
                LocalDate day = LocalDate.parse(summary.series().get(e.getDataIndex()).key());
                apply(filter().withDates(day, day), true);
            }
        });
        buyersChart.addChartClickListener(e -> slice(summary == null ? null : summary.topBuyers(), e.getDataIndex(),
                s -> filter().withBuyer(s.key())));
        suppliersChart.addChartClickListener(e -> slice(summary == null ? null : summary.topSuppliers(),
                e.getDataIndex(), s -> filter().withSupplier(s.key())));
        typeChart.addChartClickListener(e -> slice(summary == null ? null : summary.byType(), e.getDataIndex(),
                s -> filter().withTypes(Set.of(s.key()))));
        stateChart.addChartClickListener(e -> slice(summary == null ? null : summary.byState(), e.getDataIndex(),
                s -> filter().withStates(Set.of(Integer.valueOf(s.key())))));
        regionChart.addChartClickListener(e -> slice(summary == null ? null : summary.byRegion(), e.getDataIndex(),
                s -> filter().withRegion(s.key())));
    }

    private void slice(List<MonitorSummary.Slice> slices, int index,
                       java.util.function.Function<MonitorSummary.Slice, OrderFilter> filterFor) {
        if (slices != null && index >= 0 && index < slices.size()) {
            apply(filterFor.apply(slices.get(index)), true);
        }
    }

    // ---- live -------------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        localize();
        UI ui = attachEvent.getUI();
        unsubscribeData = live.onData(event -> {
            if (event.dataset() == DataChanged.Dataset.ORDERS) {
                pendingNew.addAndGet(event.added().size());
                scheduleLiveRefresh(ui);
            }
        });
        unsubscribeProgress = live.onProgress(p -> ui.access(() -> showProgress(p)));
        showProgress(live.lastProgress());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribeData != null) {
            unsubscribeData.run();
        }
        if (unsubscribeProgress != null) {
            unsubscribeProgress.run();
        }
        super.onDetach(detachEvent);
    }

    /**
     * Runs the pushes: a virtual thread each, so that many open Monitors are refreshed side by side rather than
     * queued behind one another on the common pool (which has a single thread on a two-core machine).
     */
    private static final java.util.concurrent.Executor PUSHERS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    /** Coalesces a burst of commits into one push, a fraction of a second later. */
    private void scheduleLiveRefresh(UI ui) {
        if (refreshScheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS, PUSHERS).execute(() -> ui.access(() -> {
                refreshScheduled.set(false);
                liveRefresh();
            }));
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MarketMonitorView.class);

    /** At the top of an unfiltered list new orders simply appear; elsewhere a button says how many arrived. */
    void liveRefresh() {
        try {
            liveRefreshNow();
        } finally {
            // read by the benchmark: when the server had each Monitor's update ready to push
            log.debug("Live refresh of Monitor {} done", Integer.toHexString(System.identityHashCode(this)));
        }
    }

    private void liveRefreshNow() {
        redrawSummary();
        int arrived = pendingNew.get();
        boolean atTop = lastOffset == 0;
        if (atTop && !hasNarrowingFilter()) {
            pendingNew.set(0);
            newOrders.setVisible(false);
            grid.getDataProvider().refreshAll();
        } else if (arrived > 0) {
            newOrders.setText(getTranslation("monitor.new", arrived));
            newOrders.setVisible(true);
        } else {
            grid.getDataProvider().refreshAll();
        }
    }

    private boolean hasNarrowingFilter() {
        OrderFilter f = filter();
        return f.hasText() || !f.types().isEmpty() || !f.states().isEmpty() || f.region() != null
                || f.buyerCode() != null || f.supplierCode() != null || f.minAmount() != null
                || f.maxAmount() != null || (f.to() != null && f.to().isBefore(LocalDate.now(clock.withZone(
                Formats.CHILE))));
    }

    private void showNewOrders() {
        grid.scrollToStart();
        refresh();
    }

    private void showProgress(SyncProgress p) {
        boolean visible = p != null && p.active() && p.total() >= 20;
        syncPanel.setVisible(visible);
        if (visible) {
            syncBar.setValue(p.percent() / 100.0);
            syncText.setText(getTranslation("monitor.sync", p.percent(), Formats.count(p.done()),
                    Formats.count(p.total()), p.timeLeft() == null ? "?"
                            : Formats.relative(clock.instant().plus(p.timeLeft()), clock.instant(), getLocale())));
        }
    }

    // ---- cells and labels -------------------------------------------------------------------------------

    String flagText(String flag) {
        if (flag.startsWith("price:")) {
            return getTranslation("flag.price", flag.substring(6));
        }
        if (flag.equals("new-supplier")) {
            return getTranslation("flag.newsupplier");
        }
        return flag;
    }

    private static EChart chart(String id) {
        EChart c = new EChart();
        c.setId(id);
        c.setHeight("300px");
        return c;
    }

    private static Div card(EChart chart, String extraClass) {
        Div d = new Div(chart);
        d.addClassName("card");
        if (extraClass != null) {
            d.addClassName(extraClass);
        }
        return d;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        localize();
    }

    private void localize() {
        title.setText(getTranslation("monitor.title"));
        subtitle.setText(getTranslation("monitor.subtitle"));
        search.setPlaceholder(getTranslation("monitor.search.placeholder"));
        search.setAriaLabel(getTranslation("monitor.search"));
        from.setLabel(getTranslation("monitor.filter.from"));
        to.setLabel(getTranslation("monitor.filter.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        types.setLabel(getTranslation("monitor.filter.type"));
        states.setLabel(getTranslation("monitor.filter.state"));
        region.setLabel(getTranslation("monitor.filter.region"));
        buyer.setLabel(getTranslation("monitor.filter.buyer"));
        supplier.setLabel(getTranslation("monitor.filter.supplier"));
        minAmount.setLabel(getTranslation("monitor.filter.min"));
        maxAmount.setLabel(getTranslation("monitor.filter.max"));
        search.setLabel(getTranslation("monitor.search"));
        clear.setText(getTranslation("monitor.filter.clear"));
        codeColumn.setHeader(getTranslation("monitor.col.code"));
        nameColumn.setHeader(getTranslation("monitor.col.name"));
        buyerColumn.setHeader(getTranslation("monitor.col.buyer"));
        supplierColumn.setHeader(getTranslation("monitor.col.supplier"));
        typeColumn.setHeader(getTranslation("monitor.col.type"));
        stateColumn.setHeader(getTranslation("monitor.col.state"));
        amountColumn.setHeader(getTranslation("monitor.col.amount"));
        dateColumn.setHeader(getTranslation("monitor.col.date"));
        empty.setText(getTranslation("monitor.empty"));
        if (summary != null) {
            redrawSummary();
        }
    }
}
