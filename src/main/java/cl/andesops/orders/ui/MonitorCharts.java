package cl.andesops.orders.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.monitor.MonitorSummary;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.format.Formats;

/**
 * The Monitor's KPIs and charts for one summary, or a "loading" state while there is none. A click on a bar, a slice
 * or a day fires {@link Narrowed} with how it narrows the current filter.
 */
class MonitorCharts extends Div {

    /** A chart was clicked: the filter narrowed to what was clicked. */
    static final class Narrowed extends ComponentEvent<MonitorCharts> {
        private final UnaryOperator<OrderFilter> narrowing;

        Narrowed(MonitorCharts source, UnaryOperator<OrderFilter> narrowing) {
            super(source, true);
            this.narrowing = narrowing;
        }

        OrderFilter applyTo(OrderFilter f) {
            return narrowing.apply(f);
        }
    }

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
    final Span loading = new Span();
    /** Said instead of empty charts when nothing matches. */
    final Span noMatch = new Span();
    private final Div charts;
    private MonitorSummary summary;
    private java.time.Instant now = java.time.Instant.EPOCH;

    MonitorCharts() {
        loading.setId("monitor-loading");
        loading.addClassName("loading-note");
        loading.getElement().setAttribute("role", "status");
        loading.setVisible(false);
        Div kpis = new Div(kpiOrders, kpiAmount, kpiMedian, kpiBuyers, kpiSuppliers);
        kpis.addClassName("kpis");
        charts = new Div(card(timeChart, "wide"), card(buyersChart, null), card(suppliersChart, null),
                card(typeChart, null), card(stateChart, null), card(regionChart, null));
        charts.addClassName("charts");
        noMatch.setId("monitor-no-match");
        noMatch.addClassNames("card", "empty-state");
        noMatch.getElement().setAttribute("role", "status");
        noMatch.setVisible(false);
        add(loading, kpis, noMatch, charts);
        timeChart.addChartClickListener(e -> {
            if (summary != null && !summary.hourly() && e.getDataIndex() >= 0
                    && e.getDataIndex() < summary.series().size()) {
                String key = summary.series().get(e.getDataIndex()).key(); // a day, or a week's or month's interval
                LocalDate first = LocalDate.parse(key.contains("/") ? key.substring(0, key.indexOf('/')) : key);
                LocalDate last = key.contains("/") ? LocalDate.parse(key.substring(key.indexOf('/') + 1)) : first;
                fireEvent(new Narrowed(this, f -> f.withDates(first, last)));
            }
        });
        onSlice(buyersChart, MonitorSummary::topBuyers, s -> f -> f.withBuyer(s.key()));
        onSlice(suppliersChart, MonitorSummary::topSuppliers, s -> f -> f.withSupplier(s.key()));
        onSlice(typeChart, MonitorSummary::byType, s -> f -> f.withTypes(Set.of(s.key())));
        onSlice(stateChart, MonitorSummary::byState, s -> f -> f.withStates(Set.of(Integer.valueOf(s.key()))));
        onSlice(regionChart, MonitorSummary::byRegion, s -> f -> f.withRegion(s.key()));
    }

    Registration addNarrowedListener(ComponentEventListener<Narrowed> listener) {
        return addListener(Narrowed.class, listener);
    }

    private void onSlice(EChart chart, Function<MonitorSummary, List<MonitorSummary.Slice>> slices,
                         Function<MonitorSummary.Slice, UnaryOperator<OrderFilter>> narrowing) {
        chart.addChartClickListener(e -> {
            List<MonitorSummary.Slice> list = summary == null ? null : slices.apply(summary);
            if (list != null && e.getDataIndex() >= 0 && e.getDataIndex() < list.size()) {
                fireEvent(new Narrowed(this, narrowing.apply(list.get(e.getDataIndex()))));
            }
        });
    }

    /**
     * Draws a summary as of {@code now}; with none (the columns are still loading) says so instead of showing
     * numbers, and with no order says that nothing matches instead of drawing empty axes.
     */
    void show(Optional<MonitorSummary> shown, java.time.Instant now) {
        this.now = now;
        summary = shown.orElse(null);
        loading.setVisible(summary == null);
        setClassName("loading", summary == null);
        if (summary == null) {
            loading.setText(getTranslation("monitor.loading"));
            for (Kpi k : List.of(kpiOrders, kpiAmount, kpiMedian, kpiBuyers, kpiSuppliers)) {
                k.set(k.label.getText(), "…", null, "");
            }
            return;
        }
        String vs = getTranslation("monitor.kpi.vs");
        kpiOrders.set(getTranslation("monitor.kpi.orders"), Formats.count(summary.orders()), summary.ordersChange(), vs);
        kpiAmount.set(getTranslation("monitor.kpi.amount"), Formats.clpCompact(BigDecimal.valueOf(
                summary.amountClp())), summary.amountChange(), vs);
        kpiMedian.set(getTranslation("monitor.kpi.median"), summary.medianClp() == null ? "—"
                : Formats.clp(summary.medianClp()), null, vs);
        kpiBuyers.set(getTranslation("monitor.kpi.buyers"), Formats.count(summary.buyers()), null, vs);
        kpiSuppliers.set(getTranslation("monitor.kpi.suppliers"), Formats.count(summary.suppliers()), null, vs);
        if (!summary.previousCovered()) {
            // the history does not reach the previous period: say so rather than show a change against nothing
            kpiOrders.delta.setText(getTranslation("monitor.kpi.nocompare"));
            kpiAmount.delta.setText(getTranslation("monitor.kpi.nocompare"));
        }

        boolean empty = summary.orders() == 0;
        noMatch.setVisible(empty);
        charts.setVisible(!empty);
        if (empty) {
            noMatch.setText(getTranslation("monitor.nomatch"));
            return;
        }

        // the period's last step is still under way when it holds now: hours to come are not drawn (they are not
        // zero), and a day, week or month so far is labelled as partial rather than read as a fall
        List<MonitorSummary.Point> points = summary.series();
        List<String> labels = new java.util.ArrayList<>(points.stream().map(MonitorSummary.Point::label).toList());
        List<Long> amounts = new java.util.ArrayList<>(points.stream().map(MonitorSummary.Point::amountClp).toList());
        List<Long> counts = new java.util.ArrayList<>(points.stream().map(MonitorSummary.Point::orders).toList());
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, Formats.CHILE);
        if (summary.hourly() && summary.from().equals(today)) {
            int hour = now.atZone(Formats.CHILE).getHour();
            for (int i = 0; i < points.size(); i++) {
                if (java.time.Instant.parse(points.get(i).key()).atZone(Formats.CHILE).getHour() > hour) {
                    amounts.set(i, null);
                    counts.set(i, null);
                }
            }
        } else if (!summary.hourly() && !points.isEmpty() && summary.to().equals(today)) {
            labels.set(labels.size() - 1, getTranslation("monitor.chart.partial", labels.getLast()));
        }
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(getTranslation("monitor.chart.amount"), amounts);
        series.put(getTranslation("monitor.chart.count"), counts);
        timeChart.setOption(ChartOptions.line(getTranslation("monitor.chart.time." + summary.step()), labels,
                series, true, List.of(ChartOptions.CLP, ChartOptions.COUNT)));
        buyersChart.setOption(bars("monitor.chart.buyers", summary.topBuyers()));
        suppliersChart.setOption(bars("monitor.chart.suppliers", summary.topSuppliers()));
        typeChart.setOption(ChartOptions.pie(getTranslation("monitor.chart.type"), summary.byType().stream()
                .map(MonitorSummary.Slice::label).toList(), summary.byType().stream()
                .map(MonitorSummary.Slice::amountClp).toList(), ChartOptions.CLP));
        stateChart.setOption(ChartOptions.pie(getTranslation("monitor.chart.state"), summary.byState().stream()
                .map(MonitorSummary.Slice::label).toList(), summary.byState().stream()
                .map(MonitorSummary.Slice::orders).toList(), ChartOptions.COUNT));
        regionChart.setOption(bars("monitor.chart.region", summary.byRegion()));
    }

    /** Draws the last summary again (a language change). */
    void redraw() {
        show(Optional.ofNullable(summary), now);
    }

    private Map<String, Object> bars(String titleKey, List<MonitorSummary.Slice> slices) {
        return ChartOptions.bar(getTranslation(titleKey), slices.stream().map(MonitorSummary.Slice::label).toList(),
                slices.stream().map(MonitorSummary.Slice::amountClp).toList(), getTranslation("monitor.chart.amount"),
                true, ChartOptions.CLP);
    }

    private static EChart chart(String id) {
        EChart c = new EChart();
        c.setId(id);
        c.setHeight("300px");
        return c;
    }

    private static Div card(EChart chart, String extraClass) {
        Div d = new cl.andesops.shared.chart.ChartCard(chart);
        if (extraClass != null) {
            d.addClassName(extraClass);
        }
        return d;
    }
}
