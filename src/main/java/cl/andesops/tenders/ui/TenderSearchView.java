package cl.andesops.tenders.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.tenders.TenderHit;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderResults;
import cl.andesops.tenders.TenderSearch;

/** Buscador de licitaciones: instant full-text search with facets; the query and facets live in the URL. */
@Route(value = "tenders", layout = MainLayout.class)
@Menu(title = "nav.tenders", order = 2, icon = "vaadin:search")
@AnonymousAllowed
public class TenderSearchView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    static final List<String> DIMS = List.copyOf(cl.andesops.tenders.TenderQueryCodec.FACETS.keySet());

    final TextField search = new TextField();
    final Select<TenderQuery.Order> order = new Select<>();
    final Map<String, CheckboxGroup<String>> facets = new LinkedHashMap<>();
    /** The facets, folded away on a phone so the results come first. */
    Details facetFold;
    final RadioButtonGroup<String> closing = new RadioButtonGroup<>();
    final RadioButtonGroup<String> amount = new RadioButtonGroup<>();
    final Grid<TenderHit> results = new Grid<>();
    private final cl.andesops.shared.DataOrigin origin;
    final Span total = new Span();
    String urlQuery = "";
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final TenderSearch engine;
    private final Clock clock;
    private boolean applying;
    private long lastTotal;

    private final cl.andesops.shared.ui.RecordSignals.Rows marks;

    TenderSearchView(TenderSearch engine, Clock clock, cl.andesops.shared.DataOrigin origin,
                     cl.andesops.shared.ui.RecordSignals signals, cl.andesops.shared.ui.Watching watching) {
        this.marks = new cl.andesops.shared.ui.RecordSignals.Rows(signals, getLocale());
        this.origin = origin;
        this.engine = engine;
        this.clock = clock;
        setId("tender-search-view");
        addClassName("view");
        setWidthFull();
        H1 title = new H1(getTranslation("tenders.title"));
        Paragraph subtitle = new Paragraph(getTranslation("tenders.subtitle"));
        Div header = new Div(title, subtitle);
        header.addClassName("view-header");

        search.setId("tender-search");
        search.setPlaceholder(getTranslation("tenders.search.placeholder"));
        search.setLabel(getTranslation("tenders.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.setWidth("min(100%, 36em)");
        search.addValueChangeListener(e -> changed());
        order.setId("tender-order");
        order.setItems(TenderQuery.Order.values());
        order.setItemLabelGenerator(o -> getTranslation("tenders.order." + o.name().toLowerCase()));
        order.setValue(TenderQuery.Order.RELEVANCE);
        order.setLabel(getTranslation("tenders.order"));
        order.addValueChangeListener(e -> changed());
        total.setId("tender-total");
        total.addClassName("result-count");
        HorizontalLayout exports = cl.andesops.shared.ui.ExportLinks.of(this, "tender-export",
                TenderExport.of(engine, this::query, cl.andesops.shared.ui.TableExport.Format.CSV,
                        this::getTranslation, getLocale(), origin.simulated()),
                TenderExport.of(engine, this::query, cl.andesops.shared.ui.TableExport.Format.XLSX,
                        this::getTranslation, getLocale(), origin.simulated()));
        var save = watching.saveSearch(() -> "/tenders?" + cl.andesops.shared.format.QueryValues.format(
                cl.andesops.tenders.TenderQueryCodec.encode(query())));
        HorizontalLayout bar = new HorizontalLayout(search, order, total, save, exports);
        bar.setWidthFull();
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassName("search-bar");

        Div facetPanel = new Div();
        facetPanel.addClassName("facets");
        facetPanel.setId("tender-facets");
        closing.setId("facet-closing");
        closing.addValueChangeListener(e -> changed());
        amount.setId("facet-amount");
        amount.addValueChangeListener(e -> changed());
        facetPanel.add(facetBox("tenders.facet.closing", closing));
        for (String dim : DIMS) {
            CheckboxGroup<String> group = new CheckboxGroup<>();
            group.setId("facet-" + dim);
            group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            group.addValueChangeListener(e -> changed());
            group.setItemLabelGenerator(v -> label(dim, v) + " (" + Formats.count(counts.getOrDefault(dim, Map.of())
                    .getOrDefault(v, 0L)) + ")");
            facets.put(dim, group);
            facetPanel.add(facetBox("tenders.facet." + dim, group));
        }
        facetPanel.add(facetBox("tenders.facet.amount", amount));

        results.setId("tender-results");
        results.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.addColumn(new ComponentRenderer<>(this::hitCard)).setHeader(getTranslation("tenders.results"));
        results.setItems(q -> marks.page(engine.search(query(), q.getOffset(), q.getLimit()).hits(), TenderHit::code),
                q -> (int) Math.min(lastTotal, 10_000));
        results.setHeight("900px");
        results.setEmptyStateText(getTranslation("tenders.empty"));
        facetFold = cl.andesops.shared.ui.PhoneFold.of("tender-facets-fold", facetPanel);
        facetFold.setSummaryText(getTranslation("tenders.facets"));
        HorizontalLayout body = new HorizontalLayout(facetFold, results);
        body.setWidthFull();
        body.setFlexGrow(1, results);
        body.addClassName("search-body");
        add(header, bar, body);
    }

    private Details facetBox(String key, com.vaadin.flow.component.Component content) {
        Details d = new Details(getTranslation(key), content);
        d.setOpened(true);
        d.addClassName("facet");
        return d;
    }

    private String label(String dim, String value) {
        return switch (dim) {
            case "region" -> Formats.regionShort(value);
            case "type" -> typeLabel(value, this::getTranslation);
            default -> value;
        };
    }

    /** The tender types ChileCompra defines; O1, R1 and the older codes the API still sends have no official text. */
    static final Set<String> DEFINED_TYPES = Set.of("L1", "LE", "LP", "LQ", "LR", "LS", "E2", "CO", "B2", "H2", "I2");

    /** "LE · Licitación pública 100 a 1.000 UTM": the code as users know it, and what it means when that is defined. */
    static String typeLabel(String code, java.util.function.Function<String, String> translate) {
        return DEFINED_TYPES.contains(code) ? code + " · " + translate.apply("tender.type." + code) : code;
    }

    /** The query the fields describe now. */
    TenderQuery query() {
        return new TenderQuery(search.getValue(), facets.get("state").getValue(), facets.get("type").getValue(),
                facets.get("region").getValue(), facets.get("buyer").getValue(), facets.get("category").getValue(),
                closing.getValue(), amount.getValue(), order.getValue());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TenderQuery q = cl.andesops.tenders.TenderQueryCodec.decode(
                event.getLocation().getQueryParameters().getParameters());
        applying = true;
        try {
            search.setValue(q.text());
            for (String dim : DIMS) {
                Set<String> values = new LinkedHashSet<>(cl.andesops.tenders.TenderQueryCodec.values(q, dim));
                facets.get(dim).setItems(values);
                facets.get(dim).setValue(values);
            }
            closing.setItems(TenderSearch.CLOSING);
            closing.setValue(q.closing());
            amount.setItems(cl.andesops.tenders.TenderQueryCodec.AMOUNTS);
            amount.setValue(q.amount());
            order.setValue(q.order());
        } finally {
            applying = false;
        }
        refresh();
    }

    private void changed() {
        if (!applying) {
            refresh();
            QueryParameters query = new QueryParameters(cl.andesops.tenders.TenderQueryCodec.encode(query()));
            urlQuery = query.getQueryString();
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("tenders", query)));
        }
    }

    /** Runs the query once for the total and the facet counts, then lets the grid page through the hits. */
    void refresh() {
        TenderResults r = engine.search(query(), 0, 1);
        lastTotal = r.total();
        total.setText(getTranslation("tenders.total", r.total(), Formats.count(r.total())));
        applying = true;
        try {
            for (String dim : DIMS) {
                CheckboxGroup<String> group = facets.get(dim);
                Set<String> selected = new LinkedHashSet<>(group.getValue());
                Map<String, Long> c = new LinkedHashMap<>();
                for (TenderResults.FacetCount fc : r.facets().getOrDefault(dim, List.of())) {
                    c.put(fc.value(), fc.count());
                }
                selected.forEach(v -> c.putIfAbsent(v, 0L));
                counts.put(dim, c);
                group.setItems(c.keySet());
                group.setValue(selected);
            }
            Map<String, Long> closingCounts = new HashMap<>();
            r.facets().getOrDefault("closing", List.of()).forEach(f -> closingCounts.put(f.value(), f.count()));
            closing.setItemLabelGenerator(v -> getTranslation("tenders.closing." + v) + " ("
                    + Formats.count(closingCounts.getOrDefault(v, 0L)) + ")");
            Map<String, Long> amountCounts = new HashMap<>();
            r.facets().getOrDefault("amount", List.of()).forEach(f -> amountCounts.put(f.value(), f.count()));
            amount.setItemLabelGenerator(v -> getTranslation("tenders.amount." + v) + " ("
                    + Formats.count(amountCounts.getOrDefault(v, 0L)) + ")");
        } finally {
            applying = false;
        }
        results.getDataProvider().refreshAll();
    }

    private Div hitCard(TenderHit h) {
        StringBuilder meta = new StringBuilder(esc(h.code()));
        if (h.buyer() != null && !h.buyer().isBlank()) {
            meta.append(" · ").append(h.buyerProfile() == null ? esc(h.buyer()) : "<a class=\"party-link\" href=\""
                    + esc(h.buyerProfile()) + "\">" + esc(h.buyer()) + "</a>");
        }
        if (h.region() != null && !h.region().isBlank()) {
            meta.append(" · ").append(esc(label("region", h.region())));
        }
        Div card = new Div();
        card.addClassName("hit");
        card.add(new Html("<a class=\"hit-title\" href=\"tenders/" + esc(h.code()) + "\">" + h.nameHtml() + "</a>"));
        Div metaLine = new Div(new Html("<span>" + meta + "</span>"));
        metaLine.addClassName("hit-meta");
        Span state = new Span(h.state() == null ? "" : h.state());
        state.getElement().getThemeList().add("badge pill small" + ("Publicada".equals(h.state()) ? " success" : ""));
        metaLine.add(state);
        if (h.type() != null) {
            Span type = new Span(typeLabel(h.type(), this::getTranslation));
            type.getElement().getThemeList().add("badge pill small contrast");
            metaLine.add(type);
        }
        if (h.amount() != null) {
            metaLine.add(new Span(Formats.clp(h.amount())));
        }
        String signal = marks.text(h.code());
        if (signal != null) {
            Span flag = new Span("⚠ " + signal);
            flag.addClassName("hit-signal");
            metaLine.add(flag);
        }
        if (h.closesAt() != null) {
            Span closes = new Span((h.closesAt().isAfter(clock.instant()) ? getTranslation("tenders.closes")
                    : getTranslation("tenders.closed")) + " " + Formats.relative(h.closesAt(), clock.instant(),
                    getLocale()));
            closes.addClassName("hit-closes");
            metaLine.add(closes);
        }
        card.add(metaLine);
        if (!h.snippetHtml().isBlank()) {
            card.add(new Html("<div class=\"hit-snippet\">" + h.snippetHtml() + "</div>"));
        }
        return card;
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        search.focus();
        cl.andesops.shared.ui.PhoneFold.foldIfNarrow(facetFold, () -> facets.values().stream()
                .anyMatch(g -> !g.getValue().isEmpty()) || closing.getValue() != null || amount.getValue() != null);
    }

    /** The browser tab's title, in the page's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("title.tenders") + " · AndesOps";
    }
}
