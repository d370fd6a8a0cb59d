package cl.andesops.parties.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.shared.format.Period;
import cl.andesops.parties.ProductProfile;
import cl.andesops.parties.ProductProfiles;
import cl.andesops.shared.chart.ChartCard;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.shared.ui.PartyLink;

/**
 * A product's price reference ({@code /products/{code}}, the UNSPSC product code): what it is paid in orders and
 * quoted in Compra Ágil, by unit, month, region and procedure, who buys and sells it, and the newest lines behind it.
 */
@Route(value = "products/:code", layout = MainLayout.class)
@AnonymousAllowed
public class ProductView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProductProfiles profiles;
    private final Clock clock;
    private final cl.andesops.shared.DataOrigin origin;
    private String title = "AndesOps";
    private ProductProfile shown;

    ProductView(ProductProfiles profiles, Clock clock, cl.andesops.shared.DataOrigin origin) {
        this.profiles = profiles;
        this.clock = clock;
        this.origin = origin;
        setId("product-view");
        addClassName("view");
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
    }

    /** The profile on the page. */
    public ProductProfile shown() {
        return shown;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        Period period = ProfileParts.period(event.getLocation().getQueryParameters().getParameters(),
                LocalDate.now(clock.withZone(Formats.CHILE)));
        ProductProfile p = profiles.profile(code, period).orElseThrow(() -> new cl.andesops.shared.ui.Missing(
                getTranslation("product.unknown", code), code, false));
        shown = p;
        title = (p.name() == null ? p.code() : p.name()) + " · AndesOps";
        removeAll();
        add(header(p), figures(p));
        add(units(p));
        if (p.comparable()) {
            add(months(p), groups(p, "product-regions", "product.regions", p.byRegion(), k -> k),
                    groups(p, "product-procedures", "product.procedures", p.byProcedure(),
                            k -> getTranslation("procedure." + k.toLowerCase(java.util.Locale.ROOT))));
        }
        add(ProfileParts.section("product-buyers", getTranslation("product.buyers"),
                        ProfileParts.counterparts(this, "product-buyers-grid", p.buyers(),
                                getTranslation("profile.col.buyer"), "product.col.count")),
                ProfileParts.section("product-suppliers", getTranslation("product.suppliers"),
                        ProfileParts.counterparts(this, "product-suppliers-grid", p.suppliers(),
                                getTranslation("profile.col.supplier"), "product.col.count")),
                newest(p));
    }

    private Div header(ProductProfile p) {
        Paragraph sub = new Paragraph(getTranslation("product.kind", p.code()));
        sub.addClassName("subtitle");
        Paragraph period = new Paragraph(getTranslation("profile.period", Formats.date(p.period().from()
                .atStartOfDay(Formats.CHILE).toInstant()), Formats.date(p.period().to().atStartOfDay(Formats.CHILE)
                .toInstant())));
        period.setId("profile-period");
        Paragraph lines = new Paragraph(getTranslation("product.lines", Formats.count(p.lines()),
                Formats.count(p.linesPriced()), Formats.count(p.linesOtherCurrency()))
                + (p.capped() ? " " + getTranslation("product.capped", Formats.count(p.lines())) : ""));
        lines.setId("product-lines");
        Paragraph comparable = new Paragraph(p.comparable() ? getTranslation("product.comparable", unit(p.mainUnit()))
                : getTranslation("product.mixed"));
        comparable.setId("product-comparable");
        Div header = new Div(new H1(p.name() == null ? p.code() : p.name()), sub, period, lines, comparable,
                ProfileParts.tools(this, "precios-producto-" + p.code(), cl.andesops.shared.format.PartyKeys
                        .productPath(p.code()), p.period(), origin.simulated(), clock));
        header.addClassName("view-header");
        return header;
    }

    private String unit(String u) {
        return u == null || u.equals("—") ? getTranslation("product.nounit") : u;
    }

    private Div figures(ProductProfile p) {
        ProductProfile.Prices main = p.byUnit().isEmpty() ? null : p.byUnit().getFirst();
        return ProfileParts.figures(
                ProfileParts.figure("product-count", getTranslation("product.priced"), Formats.count(p.linesPriced()),
                        null),
                ProfileParts.figure("product-median", getTranslation("product.median"), main == null
                        || !p.comparable() ? "—" : Formats.clp(Math.round(main.median())), main == null
                        || !p.comparable() ? getTranslation("product.nomedian") : unit(main.key())),
                ProfileParts.figure("product-range", getTranslation("product.range"), main == null || !p.comparable()
                        ? "—" : Formats.clp(Math.round(main.p25())) + " – " + Formats.clp(Math.round(main.p75())),
                        null));
    }

    private Div units(ProductProfile p) {
        String header = getTranslation("product.col.unit");
        Div d = ProfileParts.section("product-units", getTranslation("product.units"),
                ProfileParts.files(this, "product-units-export", getTranslation("product.file.units"),
                        ProfileParts.priceColumns(this, header, this::unit), p.byUnit(), origin.simulated()),
                ProfileParts.prices(this, "product-units-grid", p.byUnit(), header, this::unit));
        if (!p.quotedByUnit().isEmpty()) {
            d.add(new Paragraph(getTranslation("product.quoted")),
                    ProfileParts.prices(this, "product-quoted-grid", p.quotedByUnit(), header, this::unit));
        }
        return d;
    }

    private Div months(ProductProfile p) {
        EChart chart = new EChart();
        chart.setId("product-months");
        chart.setHeight("300px");
        List<ProductProfile.Prices> m = p.byMonth().stream().sorted(java.util.Comparator.comparing(
                ProductProfile.Prices::key)).toList();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(getTranslation("product.col.median"), m.stream().map(x -> Math.round(x.median())).toList());
        chart.setOption(ChartOptions.line(getTranslation("product.chart.months"), m.stream()
                .map(ProductProfile.Prices::key).toList(), series, false, List.of(ChartOptions.CLP)));
        ChartCard card = new ChartCard(chart);
        card.setWidthFull();
        ProfilePdf.table(card, List.of(getTranslation("profile.col.month"), getTranslation("product.col.median")),
                m.stream().map(x -> List.of(x.key(), Formats.clp(Math.round(x.median())))).toList());
        return ProfileParts.section("product-months-section", getTranslation("product.months"), card);
    }

    private Div groups(ProductProfile p, String id, String titleKey, List<ProductProfile.Prices> rows,
                       Function<String, String> label) {
        String header = getTranslation(titleKey + ".col");
        return ProfileParts.section(id, getTranslation(titleKey),
                ProfileParts.files(this, id + "-export", getTranslation(titleKey + ".file"),
                        ProfileParts.priceColumns(this, header, label), rows, origin.simulated()),
                ProfileParts.prices(this, id + "-grid", rows, header, label));
    }

    private Div newest(ProductProfile p) {
        Grid<ProductProfile.Record> g = new Grid<>();
        g.setId("product-newest-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(LitRenderer.<ProductProfile.Record>of(PartyLink.TEMPLATE).withProperty("name",
                        ProductProfile.Record::code).withProperty("href", r -> PartyLink.href(r.path())))
                .setHeader(getTranslation("product.col.order")).setAutoWidth(true).setFlexGrow(0);
        g.addColumn(ProductProfile.Record::day).setHeader(getTranslation("product.col.day")).setAutoWidth(true)
                .setFlexGrow(0);
        g.addColumn(r -> unit(r.unit())).setHeader(getTranslation("product.col.unit")).setAutoWidth(true);
        g.addColumn(r -> Formats.clp(Math.round(r.unitPrice()))).setHeader(getTranslation("product.col.price"))
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        g.addColumn(LitRenderer.<ProductProfile.Record>of(PartyLink.TEMPLATE).withProperty("name",
                        r -> r.buyerName() == null ? "" : r.buyerName()).withProperty("href",
                        r -> PartyLink.href(r.buyerPath()))).setHeader(getTranslation("profile.col.buyer"))
                .setFlexGrow(2);
        g.addColumn(LitRenderer.<ProductProfile.Record>of(PartyLink.TEMPLATE).withProperty("name",
                        r -> r.supplierName() == null ? "" : r.supplierName()).withProperty("href",
                        r -> PartyLink.href(r.supplierPath()))).setHeader(getTranslation("profile.col.supplier"))
                .setFlexGrow(2);
        g.setItems(p.newest());
        ProfilePdf.table(g, List.of(getTranslation("product.col.order"), getTranslation("product.col.day"),
                getTranslation("product.col.unit"), getTranslation("product.col.price"),
                getTranslation("profile.col.buyer"), getTranslation("profile.col.supplier")), p.newest().stream()
                .map(r -> java.util.Arrays.asList(r.code(), r.day(), unit(r.unit()), Formats.clp(Math.round(
                        r.unitPrice())), r.buyerName(), r.supplierName())).toList());
        g.setAllRowsVisible(true);
        g.setWidthFull();
        return ProfileParts.section("product-newest", getTranslation("product.newest"), g);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
