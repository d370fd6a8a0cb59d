package cl.andesops.analysis.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import cl.andesops.analysis.Facts;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;

/** The facts of an analysis: metrics, a trend chart and tables, every figure linked to the records behind it. */
class FactsPanel extends Div {

    FactsPanel() {
        setId("analysis-facts");
    }

    void show(Facts f) {
        removeAll();
        add(new H2(getTranslation("analysis.facts")));
        Div metrics = new Div();
        metrics.addClassName("facts");
        for (Facts.Metric m : f.metrics()) {
            Span label = new Span(m.label());
            label.addClassName("fact-label");
            Span value = new Span(m.value());
            value.addClassName("fact-value");
            Div cites = new Div();
            cites.addClassName("fact-sources");
            sourceLinks(m.sources()).forEach(cites::add);
            Div d = new Div(label, value, cites);
            d.addClassName("fact");
            metrics.add(d);
        }
        add(metrics);
        if (f.trend() != null && f.trend().labels().size() > 1) {
            EChart chart = new EChart();
            chart.setId("analysis-trend");
            chart.setWidthFull();
            chart.setHeight("280px");
            Map<String, List<? extends Number>> series = new LinkedHashMap<>();
            series.put(getTranslation("monitor.chart.amount"), f.trend().amounts());
            series.put(getTranslation("monitor.chart.count"), f.trend().counts());
            chart.setOption(ChartOptions.line(f.trend().title(), f.trend().labels(), series, true,
                    List.of(ChartOptions.CLP, ChartOptions.COUNT)));
            add(new cl.andesops.shared.chart.ChartCard(chart));
        }
        for (Facts.Table t : f.tables()) {
            Grid<Facts.Row> grid = new Grid<>();
            for (int i = 0; i < t.columns().size(); i++) {
                int col = i;
                boolean linked = t.rows().stream().anyMatch(r -> r.link(col) != null);
                Grid.Column<Facts.Row> column = linked
                        ? grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<Facts.Row>of(
                                        cl.andesops.shared.ui.PartyLink.TEMPLATE)
                                .withProperty("href", r -> cl.andesops.shared.ui.PartyLink.href(r.link(col)))
                                .withProperty("name", r -> col < r.cells().size() ? r.cells().get(col) : ""))
                        : grid.addColumn(r -> col < r.cells().size() ? r.cells().get(col) : "");
                column.setHeader(t.columns().get(i)).setAutoWidth(true).setResizable(true);
            }
            grid.addComponentColumn(r -> {
                Div d = new Div();
                sourceLinks(r.sources()).forEach(d::add);
                return d;
            }).setHeader("Fuentes").setAutoWidth(true);
            grid.setItems(t.rows());
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            add(new H2(t.title()), grid);
        }
        if (f.isEmpty()) {
            add(new Paragraph(getTranslation("analysis.norecords")));
        }
    }

    private static List<Component> sourceLinks(List<Facts.Source> sources) {
        List<Component> links = new ArrayList<>();
        for (Facts.Source s : sources) {
            Anchor a = new Anchor(s.type().appPath(s.code()), s.code());
            a.addClassName("cite");
            links.add(a);
        }
        return links;
    }
}
