package cl.andesops.parties.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;

import cl.andesops.parties.Figures;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.chart.ChartCard;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.ExportLinks;
import cl.andesops.shared.ui.TableExport;

/**
 * What the buyer and supplier profiles are made of, built the same way on both: figure cards, the month chart with
 * its table, and tables with their CSV and XLSX, each a section with a heading.
 */
final class ProfileParts {

    private ProfileParts() {
    }

    /** A figure card: its label and value (the Monitor's KPI look). */
    static Div figure(String id, String label, String value, String note) {
        Div d = cl.andesops.shared.ui.Kpi.figure(id, label, value, note);
        ProfilePdf.figure(d, label, value, note);
        return d;
    }

    static Div figures(Component... cards) {
        Div d = new Div(cards);
        d.addClassName("kpis");
        return d;
    }

    /** Amount and orders by month, one axis each, with its table a click away. */
    static Div months(Component owner, String id, List<Figures.Month> months) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setHeight("300px");
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(owner.getTranslation("profile.chart.amount"), months.stream().map(Figures.Month::amountClp)
                .toList());
        series.put(owner.getTranslation("profile.chart.orders"), months.stream().map(Figures.Month::orders).toList());
        chart.setOption(ChartOptions.line(owner.getTranslation("profile.chart.months"), months.stream()
                .map(Figures.Month::month).toList(), series, true, List.of(ChartOptions.CLP, ChartOptions.COUNT)));
        ChartCard card = new ChartCard(chart);
        card.setWidthFull();
        return ProfilePdf.table(card, List.of(owner.getTranslation("profile.col.month"),
                owner.getTranslation("profile.col.orders"), owner.getTranslation("profile.col.amount")),
                months.stream().map(m -> List.of(m.month(), Formats.count(m.orders()), Formats.clp(m.amountClp())))
                        .toList());
    }

    /**
     * The profile's tools: its PDF, written from the page ({@code view}) when asked for, and the address that reopens
     * it with the same period, written out ({@code desde} and {@code hasta}, so "the last 12 months" stays those).
     */
    static HorizontalLayout tools(Component view, String fileBase, String path, cl.andesops.shared.format.Period period,
                                  boolean simulated, java.time.Clock clock) {
        String url = cl.andesops.shared.ui.UrlParams.baseUrl() + path + "?desde=" + period.from() + "&hasta="
                + period.to();
        Anchor pdf = new Anchor();
        pdf.setId("profile-pdf");
        pdf.setText(view.getTranslation("analysis.pdf"));
        String name = fileBase.replaceAll("[^A-Za-z0-9-]+", "_") + "_" + period.from() + "_" + period.to()
                + (simulated ? "_SIMULADO" : "") + ".pdf";
        String simulatedNote = view.getTranslation("pdf.simulated");
        pdf.getElement().setAttribute("download", true);
        pdf.setHref(com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            // the page is read as it stands, under its session's lock
            event.getSession().accessSynchronously(() -> ProfilePdf.write(view, url, simulated, simulatedNote,
                    view.getTranslation("pdf.generated", Formats.dateTime(clock.instant())), out));
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(
                    out.toByteArray()), name, "application/pdf", out.size());
        }));
        com.vaadin.flow.component.textfield.TextField share = new com.vaadin.flow.component.textfield.TextField(
                view.getTranslation("analysis.share"));
        share.setId("profile-share");
        share.setReadOnly(true);
        share.setValue(url);
        share.setWidth("min(32rem, 100%)");
        HorizontalLayout tools = new HorizontalLayout(com.vaadin.flow.component.icon.VaadinIcon.FILE_TEXT_O.create(),
                pdf, share);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.addClassName("analysis-tools");
        tools.setWidthFull();
        tools.getStyle().set("flex-wrap", "wrap");
        return tools;
    }

    /** A section: its heading, its content and, when given, its files. */
    static Div section(String id, String title, Component... content) {
        Div d = new Div();
        d.setId(id);
        d.addClassName("profile-section");
        d.setWidthFull();
        H2 h = new H2(title);
        d.add(h);
        d.add(content);
        return d;
    }

    /** A table of shares (procedures, categories): name, orders, pesos, share of pesos. */
    static Grid<Figures.Share> shares(Component owner, String id, List<Figures.Share> rows, String nameHeader,
                                      Function<Figures.Share, String> name) {
        Grid<Figures.Share> g = grid(id);
        g.addColumn(name::apply).setHeader(nameHeader).setFlexGrow(3).setTooltipGenerator(name::apply);
        counts(owner, g, "profile.col.orders", Figures.Share::orders, Figures.Share::amountClp, Figures.Share::share);
        g.setItems(rows);
        return ProfilePdf.table(g, List.of(nameHeader, owner.getTranslation("profile.col.orders"),
                owner.getTranslation("profile.col.amount"), owner.getTranslation("profile.col.share")), rows.stream()
                .map(r -> List.of(String.valueOf(name.apply(r)), Formats.count(r.orders()), Formats.clp(r.amountClp()),
                        Formats.percent(r.share()))).toList());
    }

    /** A table of counterparts (top suppliers, top buyers): a link to each one's profile. */
    static Grid<Figures.Counterpart> counterparts(Component owner, String id, List<Figures.Counterpart> rows,
                                                  String nameHeader) {
        return counterparts(owner, id, rows, nameHeader, "profile.col.orders");
    }

    /** The same, its count headed by {@code countKey} (a product counts lines, not orders). */
    static Grid<Figures.Counterpart> counterparts(Component owner, String id, List<Figures.Counterpart> rows,
                                                  String nameHeader, String countKey) {
        Grid<Figures.Counterpart> g = grid(id);
        g.addColumn(LitRenderer.<Figures.Counterpart>of(cl.andesops.shared.ui.PartyLink.TEMPLATE)
                        .withProperty("href", c -> cl.andesops.shared.ui.PartyLink.href(c.path()))
                        .withProperty("name", c -> c.name() == null ? c.key() : c.name()))
                .setHeader(nameHeader).setFlexGrow(3).setTooltipGenerator(c -> c.name() == null ? c.key() : c.name());
        counts(owner, g, countKey, Figures.Counterpart::orders, Figures.Counterpart::amountClp,
                Figures.Counterpart::share);
        g.setItems(rows);
        return ProfilePdf.table(g, List.of(nameHeader, owner.getTranslation(countKey),
                owner.getTranslation("profile.col.amount"), owner.getTranslation("profile.col.share")), rows.stream()
                .map(r -> List.of(r.name() == null ? r.key() : r.name(), Formats.count(r.orders()),
                        Formats.clp(r.amountClp()), Formats.percent(r.share()))).toList());
    }

    private static <T> void counts(Component owner, Grid<T> g, String countKey, Function<T, Long> orders,
                                   Function<T, Long> amount, Function<T, Double> share) {
        var end = com.vaadin.flow.component.grid.ColumnTextAlign.END;
        g.addColumn(t -> Formats.count(orders.apply(t))).setHeader(owner.getTranslation(countKey))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(end);
        // an amount never breaks between its sign and its digits
        g.addColumn(LitRenderer.<T>of("<span class=\"nowrap\">${item.amount}</span>")
                        .withProperty("amount", t -> Formats.clp(amount.apply(t))))
                .setHeader(owner.getTranslation("profile.col.amount")).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(end);
        g.addColumn(t -> Formats.percent(share.apply(t))).setHeader(owner.getTranslation("profile.col.share"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(end);
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> g = new Grid<>();
        g.setId(id);
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.setAllRowsVisible(true);
        g.setWidthFull();
        return g;
    }

    /** A table of price distributions: the group, how many prices, the quartiles and the median, in pesos. */
    static Grid<cl.andesops.parties.ProductProfile.Prices> prices(Component owner, String id,
                                                                  List<cl.andesops.parties.ProductProfile.Prices> rows,
                                                                  String keyHeader,
                                                                  Function<String, String> label) {
        Grid<cl.andesops.parties.ProductProfile.Prices> g = grid(id);
        var end = com.vaadin.flow.component.grid.ColumnTextAlign.END;
        g.addColumn(r -> label.apply(r.key())).setHeader(keyHeader).setFlexGrow(3);
        g.addColumn(r -> Formats.count(r.count())).setHeader(owner.getTranslation("product.col.count"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(end);
        g.addColumn(r -> Formats.clp(Math.round(r.p25()))).setHeader(owner.getTranslation("product.col.p25"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(end);
        g.addColumn(r -> Formats.clp(Math.round(r.median()))).setHeader(owner.getTranslation("product.col.median"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(end);
        g.addColumn(r -> Formats.clp(Math.round(r.p75()))).setHeader(owner.getTranslation("product.col.p75"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(end);
        g.setItems(rows);
        return ProfilePdf.table(g, List.of(keyHeader, owner.getTranslation("product.col.count"),
                owner.getTranslation("product.col.p25"), owner.getTranslation("product.col.median"),
                owner.getTranslation("product.col.p75")), rows.stream().map(r -> List.of(label.apply(r.key()),
                Formats.count(r.count()), Formats.clp(Math.round(r.p25())), Formats.clp(Math.round(r.median())),
                Formats.clp(Math.round(r.p75())))).toList());
    }

    static List<TableExport.Column<cl.andesops.parties.ProductProfile.Prices>> priceColumns(
            Component owner, String keyHeader, Function<String, String> label) {
        return List.of(TableExport.Column.text(keyHeader, r -> label.apply(r.key())),
                TableExport.Column.number(owner.getTranslation("product.col.count"),
                        cl.andesops.parties.ProductProfile.Prices::count),
                TableExport.Column.number(owner.getTranslation("product.col.p25"), r -> Math.round(r.p25())),
                TableExport.Column.number(owner.getTranslation("product.col.median"), r -> Math.round(r.median())),
                TableExport.Column.number(owner.getTranslation("product.col.p75"), r -> Math.round(r.p75())));
    }

    /** The CSV and XLSX of a table of rows already on the page. */
    static <T> HorizontalLayout files(Component owner, String id, String baseName, List<TableExport.Column<T>> columns,
                                      List<T> rows, boolean simulated) {
        TableExport.Rows<T> source = (limit, each) -> {
            long n = 0;
            for (T t : rows) {
                if (n++ >= limit) {
                    break;
                }
                each.accept(t);
            }
            return Math.min(n, limit);
        };
        java.util.Locale locale = java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent())
                .map(com.vaadin.flow.component.UI::getLocale)
                .orElse(cl.andesops.shared.I18n.SPANISH);
        HorizontalLayout links = ExportLinks.of(owner, id, new TableExport<>(baseName, baseName, columns, source,
                TableExport.Format.CSV, 100_000, locale, simulated), new TableExport<>(baseName, baseName,
                columns, source, TableExport.Format.XLSX, 100_000, locale, simulated));
        links.setAlignItems(FlexComponent.Alignment.CENTER);
        return links;
    }

    /** The columns of a share table's files. */
    static List<TableExport.Column<Figures.Share>> shareColumns(Component owner, String nameHeader,
                                                              Function<Figures.Share, String> name) {
        return List.of(TableExport.Column.text(nameHeader, name::apply),
                TableExport.Column.number(owner.getTranslation("profile.col.orders"), Figures.Share::orders),
                TableExport.Column.number(owner.getTranslation("profile.col.amount"), Figures.Share::amountClp),
                TableExport.Column.number(owner.getTranslation("profile.col.share"), Figures.Share::share));
    }

    static List<TableExport.Column<Figures.Counterpart>> counterpartColumns(Component owner, String nameHeader,
                                                                          String keyHeader) {
        return List.of(TableExport.Column.text(keyHeader, Figures.Counterpart::key),
                TableExport.Column.text(nameHeader, Figures.Counterpart::name),
                TableExport.Column.number(owner.getTranslation("profile.col.orders"), Figures.Counterpart::orders),
                TableExport.Column.number(owner.getTranslation("profile.col.amount"), Figures.Counterpart::amountClp),
                TableExport.Column.number(owner.getTranslation("profile.col.share"), Figures.Counterpart::share));
    }

    /**
     * The period from the address: {@code desde}/{@code hasta} (yyyy-mm-dd), or {@code meses} (12 by default;
     * {@code todo} for all the history held, from 2007).
     */
    static Period period(Map<String, List<String>> q, LocalDate today) {
        return Period.of(first(q, "desde"), first(q, "hasta"), first(q, "meses"), today);
    }

    private static String first(Map<String, List<String>> q, String key) {
        return cl.andesops.shared.ui.UrlParams.first(q, key, null);
    }
}
