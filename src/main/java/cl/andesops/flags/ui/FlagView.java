package cl.andesops.flags.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.flags.Indicator;
import cl.andesops.rules.Rules;
import cl.andesops.shared.DataOrigin;
import cl.andesops.shared.chart.ChartCard;
import cl.andesops.shared.chart.ChartOptions;
import cl.andesops.shared.chart.EChart;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.ui.ExportLinks;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.shared.ui.PartyLink;
import cl.andesops.shared.ui.TableExport;

/**
 * One integrity signal ({@code /flags/{id}?meses=12}): what it judges and by which rules (with their sources), its
 * coverage in the period, its rate by month, the buyers and suppliers where it fires most, and every record it fired
 * on with why in words and links to the record, its parties and the records of its evidence.
 */
@Route(value = "flags/:id", layout = MainLayout.class)
@AnonymousAllowed
public class FlagView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Rows a records file holds at most. */
    static final int MAX_FILE = 100_000;
    /** Records a page shows at a time, and at most (the files hold the rest). */
    static final int PAGE = 50;
    static final int MAX_SHOWN = 1_000;
    final Div records = new Div();
    private final Flags flags;
    private final Rules rules;
    private final Clock clock;
    private final DataOrigin origin;
    private String title = "AndesOps";

    FlagView(Flags flags, Rules rules, Clock clock, DataOrigin origin) {
        this.flags = flags;
        this.rules = rules;
        this.clock = clock;
        this.origin = origin;
        setId("flag-view");
        addClassName("view");
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Indicator indicator = Indicator.of(id).orElseThrow(() -> new cl.andesops.shared.ui.Missing(
                getTranslation("flags.unknown", id), id, false));
        var q = event.getLocation().getQueryParameters().getParameters();
        String m = FlagParts.first(q, "meses", "12");
        Period period = Period.of(FlagParts.first(q, "desde", null), FlagParts.first(q, "hasta", null), m,
                LocalDate.now(clock.withZone(Formats.CHILE)));
        // the records of one party (from its profile): a buyer's organism code, a supplier's RUT
        String buyer = FlagParts.first(q, "comprador", null);
        String supplier = FlagParts.first(q, "proveedor", null);
        PartyKeys.Kind kind = buyer != null ? PartyKeys.Kind.BUYER : supplier != null ? PartyKeys.Kind.SUPPLIER
                : null;
        String key = buyer != null ? buyer : supplier;
        List<String> keys = kind == null ? List.of() : flags.keysOf(kind, key);
        Locale locale = FlagParts.locale();
        title = FlagWords.name(indicator, locale) + " · AndesOps";
        removeAll();
        Flags.Coverage c = flags.coverage(period).stream().filter(x -> x.indicator() == indicator).findFirst()
                .orElseThrow();
        H1 h = new H1(FlagWords.name(indicator, locale));
        Paragraph sub = new Paragraph(getTranslation("flags.family." + indicator.family) + " · "
                + getTranslation("flags.kind." + indicator.kind) + " · " + getTranslation("flags.subject."
                + indicator.subject) + " · " + getTranslation("flags.sub", Formats.date(period.from()),
                Formats.date(period.to())));
        sub.addClassName("subtitle");
        Anchor back = new Anchor("flags?meses=" + m, getTranslation("flags.back"));
        back.setId("flag-back");
        var months = FlagParts.months(this, m, period, FlagParts.first(q, "desde", null) != null
                || FlagParts.first(q, "hasta", null) != null);
        months.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("flags/" + indicator.id, QueryParameters.of("meses",
                        e.getValue())));
            }
        });
        Paragraph definition = new Paragraph(FlagWords.definition(indicator, locale));
        definition.setId("flag-definition");
        Div header = new Div(h, sub, FlagParts.notice(this), definition, rulesList(indicator, locale), back);
        header.addClassName("view-header");
        add(header, months);
        if (kind != null) {
            // the figures stay the signal's own; only the list of records is the party's: say so above both
            Paragraph scope = new Paragraph(getTranslation("flags.party.scope"));
            scope.setId("flag-party-scope");
            add(scope);
        }
        add(figures(c, locale));
        if (c.noisy()) {
            Paragraph warn = new Paragraph(FlagWords.noisy(flags.noiseRate(), locale));
            warn.setId("flag-noisy");
            warn.addClassName("flag-noisy");
            add(warn);
        }
        add(indicator.subject.party() ? judgedOver(indicator) : monthly(indicator, period),
                parties(indicator, period));
        if (kind != null) {
            Flags.Hits mine = flags.hits(indicator, period, kind, keys, 0, 1);
            Paragraph only = new Paragraph(getTranslation("flags.party.only"));
            only.setId("flag-party");
            only.add(new com.vaadin.flow.component.html.Span(" "), kind == PartyKeys.Kind.BUYER
                    ? PartyLink.buyer(key, flags.name(kind, key)) : PartyLink.supplier(key, flags.name(kind,
                    PartyKeys.supplier(key).orElse(key))));
            add(only, hits(indicator, period, mine.total(), locale, (offset, limit) -> flags.hits(indicator, period,
                    kind, keys, offset, limit)));
        } else {
            add(hits(indicator, period, c.fired(), locale, (offset, limit) -> flags.hits(indicator, period, offset,
                    limit)));
        }
    }

    private Component rulesList(Indicator indicator, Locale locale) {
        UnorderedList list = new UnorderedList();
        list.setId("flag-rules");
        var table = rules.table();
        for (String rid : indicator.rules) {
            table.book().rules().stream().filter(r -> r.id().equals(rid)).findFirst().ifPresent(r -> {
                String when = r.from() == null && r.to() == null ? "" : " (" + (r.from() == null ? "…"
                        : Formats.date(r.from())) + " – " + (r.to() == null ? "…" : Formats.date(r.to())) + ")";
                list.add(new ListItem(r.name(locale.getLanguage()) + when + " · " + getTranslation("flags.source")
                        + ": " + r.source()));
            });
        }
        com.vaadin.flow.component.details.Details d = new com.vaadin.flow.component.details.Details(
                getTranslation("flags.rules", indicator.rules.size()), list);
        d.setId("flag-rules-details");
        return d;
    }

    private Div figures(Flags.Coverage c, Locale locale) {
        Div d = new Div(figure("flag-applicable", getTranslation("flags.col.applicable"), Formats.count(c.applicable())),
                figure("flag-notjudged", getTranslation("flags.col.notjudged"), FlagParts.notJudged(c, locale)),
                figure("flag-fired", getTranslation("flags.col.fired"), Formats.count(c.fired())),
                figure("flag-rate", getTranslation("flags.col.rate"), FlagParts.rate(c.rate()) + " · "
                        + getTranslation("flags.target", FlagParts.rate(c.target()))));
        d.addClassName("kpis");
        return d;
    }

    private static Div figure(String id, String label, String value) {
        return cl.andesops.shared.ui.Kpi.figure(id, label, value, null);
    }

    /** A party's conduct is judged once over its last 12 months, not month by month: say over which. */
    private Component judgedOver(Indicator indicator) {
        Paragraph p = new Paragraph(flags.judgedOn(indicator).map(d -> getTranslation("flags.party.window",
                getTranslation("flags.subject." + indicator.subject).toLowerCase(FlagParts.locale()),
                Formats.date(d.minusYears(1).plusDays(1)), Formats.date(d)))
                .orElse(getTranslation("flags.party.unjudged")));
        p.setId("flag-window");
        return p;
    }

    private Component monthly(Indicator indicator, Period period) {
        List<Flags.Month> all = flags.months(indicator, period);
        // "all the history" starts in 2007: the chart starts at the first month with a record judged
        int first = 0;
        while (first < all.size() - 1 && all.get(first).applicable() == 0 && all.get(first).fired() == 0) {
            first++;
        }
        List<Flags.Month> months = all.subList(first, all.size());
        EChart chart = new EChart();
        chart.setId("flag-months");
        chart.setHeight("260px");
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(getTranslation("flags.col.fired"), months.stream().map(Flags.Month::fired).toList());
        series.put(getTranslation("flags.col.applicable"), months.stream().map(Flags.Month::applicable).toList());
        chart.setOption(ChartOptions.line(getTranslation("flags.months"), months.stream().map(Flags.Month::month)
                .toList(), series, true));
        return new ChartCard(chart);
    }

    private Component parties(Indicator indicator, Period period) {
        Div d = new Div(table("flag-buyers", getTranslation("flags.top.buyers"),
                        flags.top(indicator, PartyKeys.Kind.BUYER, period, 10)),
                table("flag-suppliers", getTranslation("flags.top.suppliers"),
                        flags.top(indicator, PartyKeys.Kind.SUPPLIER, period, 10)));
        d.addClassName("flag-parties");
        return d;
    }

    private Component table(String id, String heading, List<Flags.Party> rows) {
        Grid<Flags.Party> g = new Grid<>();
        g.setId(id);
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.addComponentColumn(p -> p.kind() == PartyKeys.Kind.BUYER ? PartyLink.buyer(p.key(), p.name())
                : PartyLink.supplier(p.key(), p.name())).setHeader(getTranslation("flags.col.party")).setFlexGrow(1);
        g.addColumn(p -> Formats.count(p.fired())).setHeader(getTranslation("flags.col.fired")).setAutoWidth(true);
        g.setItems(rows);
        g.setAllRowsVisible(true);
        Div d = new Div(new H2(heading));
        if (rows.isEmpty()) {
            d.add(new Paragraph(getTranslation("flags.none")));
        } else {
            d.add(g);
        }
        d.addClassName("card");
        return d;
    }

    /** A page of an indicator's hits: from an offset, at most a limit. */
    interface HitPages {
        Flags.Hits page(long offset, int limit);
    }

    private Component hits(Indicator indicator, Period period, long total, Locale locale, HitPages pages) {
        records.removeAll();
        records.setId("flag-records");
        records.addClassName("flag-records");
        List<Flags.Hit> first = pages.page(0, PAGE).hits();
        first.forEach(h -> records.add(item(h, indicator, locale)));
        int[] shown = {first.size()};
        com.vaadin.flow.component.button.Button more = new com.vaadin.flow.component.button.Button();
        more.setId("flag-records-more");
        Runnable label = () -> {
            more.setText(getTranslation("flags.more", Formats.count(shown[0]), Formats.count(total)));
            more.setVisible(shown[0] < total && shown[0] < MAX_SHOWN);
        };
        label.run();
        more.addClickListener(e -> {
            List<Flags.Hit> next = pages.page(shown[0], PAGE).hits();
            next.forEach(h -> records.add(item(h, indicator, locale)));
            shown[0] += next.size();
            label.run();
        });
        List<TableExport.Column<Flags.Hit>> columns = List.of(
                TableExport.Column.text(getTranslation("flags.col.record"), Flags.Hit::recordCode),
                TableExport.Column.text(getTranslation("flags.col.day"), h -> h.day().toString()),
                TableExport.Column.text(getTranslation("flags.col.buyercode"), Flags.Hit::buyerCode),
                TableExport.Column.text(getTranslation("flags.col.buyer"), Flags.Hit::buyerName),
                TableExport.Column.text(getTranslation("flags.col.suppliercode"), Flags.Hit::supplier),
                TableExport.Column.text(getTranslation("flags.col.supplier"), Flags.Hit::supplierName),
                TableExport.Column.number(getTranslation("flags.col.score"), Flags.Hit::score),
                TableExport.Column.text(getTranslation("flags.col.why"), h -> FlagWords.why(h, locale)),
                TableExport.Column.text(getTranslation("flags.col.evidence"), h -> String.join(" ", h.records())),
                TableExport.Column.text(getTranslation("flags.col.notice"), h -> FlagWords.notice(locale)));
        TableExport.Rows<Flags.Hit> source = (limit, each) -> {
            long n = 0;
            while (n < limit) {
                List<Flags.Hit> page = pages.page(n, (int) Math.min(1_000, limit - n)).hits();
                page.forEach(each);
                n += page.size();
                if (page.size() < 1_000) {
                    break;
                }
            }
            return n;
        };
        String file = getTranslation("flags.file.records", indicator.id) + "_" + period.from() + "_" + period.to();
        Div d = new Div(new H2(getTranslation("flags.records", Formats.count(total))),
                ExportLinks.of(this, "flag-records-export", new TableExport<>(file, file, columns, source,
                        TableExport.Format.CSV, MAX_FILE, locale, origin.simulated()), new TableExport<>(file, file,
                        columns, source, TableExport.Format.XLSX, MAX_FILE, locale, origin.simulated())));
        if (total == 0) {
            d.add(new Paragraph(getTranslation("flags.none")));
        } else {
            d.add(records, more);
        }
        return d;
    }

    /** One record the signal fired on: its code and date, its buyer and supplier, and why. */
    private Component item(Flags.Hit h, Indicator indicator, Locale locale) {
        if (indicator.subject.party()) {
            // the record is the party: its name leads to its profile, then the other party of the evidence
            boolean buyer = indicator.subject == Indicator.Subject.BUYER;
            Component self = buyer ? PartyLink.buyer(h.buyerCode(), h.buyerName())
                    : PartyLink.supplier(h.supplier(), h.supplierName().equals(h.supplier())
                    ? cl.andesops.shared.format.Rut.formatOrKeep(h.supplier()) : h.supplierName());
            Div head = new Div(self);
            if (buyer && h.supplier() != null) {
                head.add(new Span(" · " + getTranslation("flags.party.supplier") + " "), PartyLink.supplier(
                        h.supplier(), h.supplierName().equals(h.supplier())
                                ? cl.andesops.shared.format.Rut.formatOrKeep(h.supplier()) : h.supplierName()));
            } else if (!buyer && h.buyerCode() != null) {
                head.add(new Span(" · " + getTranslation("flags.party.buyer") + " "), PartyLink.buyer(h.buyerCode(),
                        h.buyerName()));
            }
            Div item = new Div(head, why(h, indicator, locale));
            item.addClassName("flag-record");
            return item;
        }
        Anchor code = new Anchor(indicator.subject.path(h.recordCode()), h.recordCode());
        code.addClassName("flag-record-code");
        Div head = new Div(code, new Span(" · " + Formats.date(h.day())));
        if (h.buyerCode() != null) {
            head.add(new Span(" · "), indicator.subject == Indicator.Subject.COMPRA_AGIL
                    ? PartyLink.buyerByUnitRut(h.buyerCode(), h.buyerName().equals(h.buyerCode()) ? null
                    : h.buyerName()) : PartyLink.buyer(h.buyerCode(), h.buyerName()));
        }
        if (h.supplier() != null) {
            head.add(new Span(" · "), PartyLink.supplier(h.supplier(), h.supplierName().equals(h.supplier())
                    ? cl.andesops.shared.format.Rut.formatOrKeep(h.supplier()) : h.supplierName()));
        }
        Div item = new Div(head, why(h, indicator, locale));
        item.addClassName("flag-record");
        return item;
    }

    /** Why, in words, and the records of its evidence as links. */
    private Component why(Flags.Hit h, Indicator indicator, Locale locale) {
        Div d = new Div(new Paragraph(FlagWords.why(h, locale)));
        if (!h.records().isEmpty()) {
            Div links = new Div();
            links.addClassName("flag-evidence");
            for (String code : h.records()) {
                links.add(new Anchor(indicator.subject.path(code), code), new Span(" "));
            }
            d.add(links);
        }
        return d;
    }
}
