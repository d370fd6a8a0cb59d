package cl.andesops.flags.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.shared.DataOrigin;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.ui.ExportLinks;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.shared.ui.TableExport;

/**
 * Every integrity signal in a period ({@code /flags?meses=12}): its family and kind, the records it judged, could not
 * judge (and why) and fired on, its rate, and a warning when it fires so often that it is probably noise. Each leads
 * to its records. The table is also a CSV and an XLSX, with the same figures.
 */
@Route(value = "flags", layout = MainLayout.class)
@Menu(title = "nav.flags", order = 6, icon = "vaadin:flag-o")
@AnonymousAllowed
public class FlagsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<Flags.Coverage> grid = new Grid<>();
    private final Flags flags;
    private final Clock clock;
    private final DataOrigin origin;
    private Select<String> months;

    FlagsView(Flags flags, Clock clock, DataOrigin origin) {
        this.flags = flags;
        this.clock = clock;
        this.origin = origin;
        setId("flags-view");
        addClassName("view");
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("flags.title") + " · AndesOps";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var q = event.getLocation().getQueryParameters().getParameters();
        String m = FlagParts.first(q, "meses", "12");
        Period period = Period.of(FlagParts.first(q, "desde", null), FlagParts.first(q, "hasta", null), m,
                LocalDate.now(clock.withZone(Formats.CHILE)));
        removeAll();
        H1 h = new H1(getTranslation("flags.title"));
        Paragraph sub = new Paragraph(getTranslation("flags.sub", Formats.date(period.from()),
                Formats.date(period.to())));
        sub.addClassName("subtitle");
        sub.setId("flags-period");
        months = FlagParts.months(this, m, period, FlagParts.first(q, "desde", null) != null
                || FlagParts.first(q, "hasta", null) != null);
        months.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("flags", QueryParameters.of("meses", e.getValue())));
            }
        });
        Div header = new Div(h, sub, FlagParts.notice(this));
        header.addClassName("view-header");
        if (!flags.current()) {
            Paragraph catching = new Paragraph(getTranslation("flags.catching-up"));
            catching.setId("flags-catching-up");
            header.add(catching);
        }
        List<Flags.Coverage> rows = flags.coverage(period);
        Locale locale = FlagParts.locale();
        grid.removeAllColumns();
        grid.setId("flags-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        // the signal (with its family and what it judges beneath), its rate and how often it fired first: on a phone
        // those stay in view (the name frozen) and the rest scrolls
        grid.addComponentColumn(c -> {
            Anchor a = new Anchor("flags/" + c.indicator().id + "?meses=" + m, FlagWords.name(c.indicator(), locale));
            a.addClassName("party-link");
            Span what = new Span(getTranslation("flags.family." + c.indicator().family) + " · "
                    + getTranslation("flags.subject." + c.indicator().subject));
            what.addClassName("flag-what");
            return new Div(a, what);
        }).setHeader(getTranslation("flags.col.indicator")).setWidth("13rem").setFlexGrow(3).setFrozen(true);
        grid.addComponentColumn(c -> {
            Span s = new Span(FlagParts.rate(c.rate()));
            if (c.noisy()) {
                s.setText(FlagParts.rate(c.rate()) + " ⚠");
                s.getElement().setAttribute("title", FlagWords.noisy(flags.noiseRate(), locale));
                s.addClassName("flag-noisy");
                Span why = new Span(FlagWords.noisy(flags.noiseRate(), locale));
                why.addClassName("sr-only");
                return new Div(s, why);
            }
            return s;
        }).setHeader(getTranslation("flags.col.rate")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Formats.count(c.fired())).setHeader(getTranslation("flags.col.fired")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> Formats.count(c.applicable())).setHeader(getTranslation("flags.col.applicable"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> FlagParts.notJudged(c, locale)).setHeader(getTranslation("flags.col.notjudged"))
                .setWidth("12rem").setFlexGrow(2);
        grid.addColumn(c -> FlagParts.trend(this, c)).setHeader(getTranslation("flags.col.trend")).setWidth("10rem")
                .setFlexGrow(2);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        boolean noisy = rows.stream().anyMatch(Flags.Coverage::noisy);
        Div body = new Div();
        if (noisy) {
            Paragraph warn = new Paragraph(getTranslation("flags.noisy.some", FlagWords.percent(flags.noiseRate())));
            warn.setId("flags-noisy");
            body.add(warn);
        }
        List<TableExport.Column<Flags.Coverage>> columns = List.of(
                TableExport.Column.text(getTranslation("flags.col.id"), c -> c.indicator().id),
                TableExport.Column.text(getTranslation("flags.col.indicator"), c -> FlagWords.name(c.indicator(),
                        locale)),
                TableExport.Column.text(getTranslation("flags.col.family"),
                        c -> getTranslation("flags.family." + c.indicator().family)),
                TableExport.Column.text(getTranslation("flags.col.subject"),
                        c -> getTranslation("flags.subject." + c.indicator().subject)),
                TableExport.Column.number(getTranslation("flags.col.applicable"), Flags.Coverage::applicable),
                TableExport.Column.number(getTranslation("flags.col.notjudged"), Flags.Coverage::notJudged),
                TableExport.Column.text(getTranslation("flags.col.reasons"), c -> FlagParts.notJudged(c, locale)),
                TableExport.Column.number(getTranslation("flags.col.fired"), Flags.Coverage::fired),
                TableExport.Column.number(getTranslation("flags.col.rate"), Flags.Coverage::rate),
                TableExport.Column.text(getTranslation("flags.col.trend"), c -> FlagParts.trend(this, c)),
                TableExport.Column.text(getTranslation("flags.col.warning"), c -> c.noisy()
                        ? FlagWords.noisy(flags.noiseRate(), locale) : ""),
                TableExport.Column.text(getTranslation("flags.col.notice"), c -> FlagWords.notice(locale)));
        String file = getTranslation("flags.file") + "_" + period.from() + "_" + period.to();
        TableExport.Rows<Flags.Coverage> source = (limit, each) -> {
            rows.stream().limit(limit).forEach(each);
            return Math.min(limit, rows.size());
        };
        body.add(ExportLinks.of(this, "flags-export", new TableExport<>(file, file, columns, source,
                TableExport.Format.CSV, 1_000, locale, origin.simulated()), new TableExport<>(file, file, columns,
                source, TableExport.Format.XLSX, 1_000, locale, origin.simulated())), grid);
        add(header, months, body);
    }
}
