package cl.andesops.orders.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.Party;
import cl.andesops.orders.monitor.MonitorService;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.LiveUpdates;
import cl.andesops.shared.events.SyncProgress;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.CoalescedPush;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.shared.ui.TableExport;

/**
 * Monitor de mercado: purchase orders as they arrive. The filter lives in the URL; KPIs and charts follow it
 * (clicking a bar or a slice filters); new orders are pushed to every open Monitor. The page wires three parts
 * that talk through typed events: {@link MonitorFilters}, {@link MonitorCharts} and {@link OrderGrid}.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.monitor", order = 1, icon = "vaadin:dashboard")
@AnonymousAllowed
public class MarketMonitorView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MarketMonitorView.class);
    /** A burst of commits within this becomes one push. */
    private static final Duration COALESCE = Duration.ofMillis(250);
    /** Whether the filter shown has words (set in the UI's lock, read by the thread that brings a commit). */
    private volatile boolean textFiltered;

    final MonitorFilters filters;
    final MonitorCharts charts = new MonitorCharts();
    final OrderGrid grid;
    final Button newOrders = new Button();
    final Div syncPanel = new Div();
    // the parts' fields, as tests and the browser reach them
    final TextField search;
    final DatePicker from;
    final MultiSelectComboBox<String> types;
    final MultiSelectComboBox<Integer> states;
    final ComboBox<Party> buyer;
    final NumberField minAmount;
    final Button clear;
    final Kpi kpiOrders = charts.kpiOrders;
    final EChart buyersChart = charts.buyersChart;
    final EChart typeChart = charts.typeChart;
    private final ProgressBar syncBar = new ProgressBar();
    private final Span syncText = new Span();
    private final H1 title = new H1();
    private final cl.andesops.shared.DataOrigin origin;
    private final Paragraph subtitle = new Paragraph();
    private final MonitorService monitor;
    private final LiveUpdates live;
    private final Clock clock;
    /**
     * The orders the summary counted when the grid was last read: the button's "N órdenes nuevas" is how many more it
     * counts now, the same orders the KPI card counts (only those the filter matches), not every order a commit added.
     */
    private long listed = -1;
    /** The query string last written to the address bar (tests read it). */
    String urlQuery = "";
    private Runnable unsubscribeData;
    private Runnable unsubscribeProgress;

    MarketMonitorView(OrderService orders, MonitorService monitor, LiveUpdates live, Clock clock,
                      cl.andesops.shared.DataOrigin origin, cl.andesops.shared.ui.RecordSignals signals,
                      cl.andesops.shared.ui.Watching watching) {
        this.origin = origin;
        this.monitor = monitor;
        this.live = live;
        this.clock = clock;
        this.filters = new MonitorFilters(orders);
        this.grid = new OrderGrid(orders, this::shown, signals);
        search = filters.search;
        from = filters.from;
        types = filters.types;
        states = filters.states;
        buyer = filters.buyer;
        minAmount = filters.minAmount;
        clear = filters.clear;
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
        newOrders.addClickListener(e -> {
            grid.scrollToStart();
            refresh();
        });
        HorizontalLayout exports = cl.andesops.shared.ui.ExportLinks.of(this, "export",
                OrderExport.of(orders, this::shown, TableExport.Format.CSV, OrderExport.MAX_ROWS,
                        this::getTranslation, getLocale(), origin.simulated()),
                OrderExport.of(orders, this::shown, TableExport.Format.XLSX, OrderExport.MAX_ROWS,
                        this::getTranslation, getLocale(), origin.simulated()));
        var save = watching.saveSearch(() -> "/?" + cl.andesops.shared.format.QueryValues.format(
                cl.andesops.orders.OrderFilterCodec.encode(filter())));
        HorizontalLayout header = new HorizontalLayout(heading, newOrders, save, exports);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setFlexGrow(1, heading);

        syncPanel.setId("sync-progress");
        syncPanel.addClassNames("card", "sync-panel");
        syncPanel.add(syncText, syncBar);
        syncText.setId("sync-progress-text");
        // the bar's name is the sentence beside it (axe-core: a progressbar needs an accessible name)
        syncBar.getElement().setAttribute("aria-labelledby", "sync-progress-text");
        syncPanel.setVisible(false);
        filters.addClassName("monitor-filters");
        charts.addClassName("monitor-summary");

        filters.addChangedListener(e -> apply(e.filter(), true, true));
        charts.addNarrowedListener(e -> apply(e.applyTo(filter()), true, true));
        add(header, filters, syncPanel, charts, grid);
    }

    /** The filter the fields describe now. */
    OrderFilter filter() {
        return filters.filter();
    }

    /** What the screen shows: the fields' filter with the Monitor's defaults, for the figures, grid and exports. */
    OrderFilter shown() {
        return monitor.effective(filter());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        apply(cl.andesops.orders.OrderFilterCodec.decode(event.getLocation().getQueryParameters().getParameters()),
                false, true);
    }

    /** Puts a filter into the fields (when it came from elsewhere) and the URL (when asked), then refreshes once. */
    void apply(OrderFilter f, boolean updateUrl, boolean intoFields) {
        if (intoFields) {
            filters.show(f);
        }
        if (updateUrl) {
            QueryParameters query = new QueryParameters(cl.andesops.orders.OrderFilterCodec.encode(filter()));
            urlQuery = query.getQueryString();
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("", query)));
        }
        refresh();
    }

    /** Puts a filter into the fields and the URL, as a click would: for tests. */
    void apply(OrderFilter f, boolean updateUrl) {
        apply(f, updateUrl, true);
    }

    /** Recomputes (or takes from the shared cache) the summary and redraws KPIs, charts and the grid. */
    void refresh() {
        textFiltered = filter().hasText();
        OrderFilter period = shown();
        filters.clampTo(period);
        filters.describe(period, textTooBroad(period), monitor.textMatchLimit());
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        filters.limits(monitor.firstDay().orElse(today), today);
        newOrders.setVisible(false);
        grid.filtered(hasNarrowingFilter() || filter().from() != null);
        grid.getDataProvider().refreshAll();
        var summary = monitor.summary(period);
        listed = counted(summary);
        charts.show(summary, clock.instant());
    }

    // ---- live -------------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        localize();
        UI ui = attachEvent.getUI();
        cl.andesops.shared.ui.PhoneFold.foldIfNarrow(filters.panel, () -> hasNarrowingFilter());
        CoalescedPush push = new CoalescedPush(ui, COALESCE, this::liveRefresh);
        // a text filter's matches come from the search index, which catches up just after the commit
        CoalescedPush afterIndex = CoalescedPush.afterDelay(ui, COALESCE, this::liveRefresh);
        unsubscribeData = live.onData(event -> {
            if (event.dataset() == DataChanged.Dataset.ORDERS) {
                (textFiltered ? afterIndex : push).request();
            }
        });
        unsubscribeProgress = live.onProgress(p -> CoalescedPush.access(ui, () -> showProgress(p)));
        showProgress(live.lastProgress());
        if (!monitor.loaded()) {
            // the columns are still loading: look again until they are there
            CoalescedPush.supplyAsync(() -> {
                try {
                    return monitor.awaitColumns(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }).thenAccept(loaded -> CoalescedPush.access(ui, this::refresh));
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        for (Runnable unsubscribe : List.of(unsubscribeData, unsubscribeProgress)) {
            if (unsubscribe != null) {
                unsubscribe.run();
            }
        }
        super.onDetach(detachEvent);
    }

    /**
     * At the top of an unfiltered list new orders simply appear; elsewhere a button says how many more orders the view
     * counts than when its list was read (what the filter matches, as the KPI card counts them).
     */
    void liveRefresh() {
        try {
            var summary = monitor.summary(filter());
            charts.show(summary, clock.instant());
            long now = counted(summary);
            long arrived = listed < 0 || now < 0 ? 0 : now - listed;
            if (grid.atTop() && !hasNarrowingFilter()) {
                listed = now;
                newOrders.setVisible(false);
                grid.getDataProvider().refreshAll();
            } else if (arrived > 0) {
                newOrders.setText(getTranslation("monitor.new", arrived));
                newOrders.setVisible(true);
            } else {
                listed = now; // changes only (or fewer orders): the rows are read again in place
                newOrders.setVisible(false);
                grid.getDataProvider().refreshAll();
            }
        } finally {
            // read by the benchmark: when the server had each Monitor's update ready to push
            log.debug("Live refresh of Monitor {} done", Integer.toHexString(System.identityHashCode(this)));
        }
    }

    /** The orders a summary counts, or -1 while the columns load. */
    private static long counted(java.util.Optional<cl.andesops.orders.monitor.MonitorSummary> summary) {
        return summary.map(cl.andesops.orders.monitor.MonitorSummary::orders).orElse(-1L);
    }

    /** The words typed match more orders than a text filter may: the screen shows the period without them. */
    private boolean textTooBroad(OrderFilter shown) {
        return filter().hasText() && !shown.hasText() && monitor.tooBroad(shown.withText(filter().text()));
    }

    private boolean hasNarrowingFilter() {
        OrderFilter f = filter();
        return f.hasText() || !f.types().isEmpty() || !f.states().isEmpty() || f.region() != null
                || f.buyerCode() != null || f.supplierCode() != null || f.minAmount() != null
                || f.maxAmount() != null || (f.to() != null && f.to().isBefore(LocalDate.now(clock.withZone(
                Formats.CHILE))));
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

    @Override
    public void localeChange(LocaleChangeEvent event) {
        localize();
        OrderFilter period = shown();
        filters.describe(period, textTooBroad(period), monitor.textMatchLimit()); // "Más filtros (2)" too
    }

    private void localize() {
        title.setText(getTranslation("monitor.title"));
        subtitle.setText(getTranslation("monitor.subtitle"));
        filters.localize();
        grid.localize();
        charts.redraw();
    }

    /** The browser tab's title, in the page's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("title.monitor") + " · AndesOps";
    }
}
