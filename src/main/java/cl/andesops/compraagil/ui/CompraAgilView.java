package cl.andesops.compraagil.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import cl.andesops.compraagil.CompraAgilFilter;
import cl.andesops.compraagil.CompraAgilRow;
import cl.andesops.compraagil.CompraAgilService;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.LiveUpdates;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;

/** Compra Ágil: requests as they change, with filters; the list updates itself as the sync stores them. */
@Route(value = "compra-agil", layout = MainLayout.class)
@Menu(title = "nav.compraagil", order = 3, icon = "vaadin:cart")
@AnonymousAllowed
public class CompraAgilView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    static final List<Integer> STATES = cl.andesops.compraagil.CompraAgilAddress.STATES;
    static final List<String> CLOSING = cl.andesops.compraagil.CompraAgilAddress.CLOSING;
    private final List<String> regions;
    final TextField search = new TextField();
    final Select<Integer> state = new Select<>();
    final ComboBox<String> region = new ComboBox<>();
    final NumberField minAmount = new NumberField();
    final Select<String> closing = new Select<>();
    final Grid<CompraAgilRow> grid = new Grid<>();
    private final Clock clock;
    private final LiveUpdates live;
    private final CompraAgilService service;
    private Runnable unsubscribe;
    /** The filters as the address bar shows them (q, estado, region, min, cierre), for sharing and reloading. */
    String urlQuery = "";
    private boolean applying;

    CompraAgilView(CompraAgilService service, LiveUpdates live, Clock clock, cl.andesops.shared.DataOrigin origin,
                   cl.andesops.shared.ui.RecordSignals signals, cl.andesops.shared.ui.Watching watching) {
        cl.andesops.shared.ui.RecordSignals.Rows marks = new cl.andesops.shared.ui.RecordSignals.Rows(signals,
                getLocale());
        this.service = service;
        this.live = live;
        this.clock = clock;
        setId("compra-agil-view");
        addClassName("view");
        setWidthFull();
        Div header = new Div(new H1(getTranslation("ca.title")), new Paragraph(getTranslation("ca.subtitle")));
        header.addClassName("view-header");
        search.setId("ca-search");
        search.setPlaceholder(getTranslation("ca.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 28em)");
        state.setId("ca-state");
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("ca.state.all"));
        state.setItems(STATES);
        state.setItemLabelGenerator(s -> s == null ? getTranslation("ca.state.all") : getTranslation("ca.state." + s));
        region.setId("ca-region");
        regions = service.regions();
        region.setItems(regions);
        region.setClearButtonVisible(true);
        region.setPlaceholder(getTranslation("ca.region.all"));
        region.setAriaLabel(getTranslation("monitor.filter.region"));
        region.setItemLabelGenerator(Formats::regionShort);
        minAmount.setId("ca-min");
        minAmount.setPlaceholder(getTranslation("monitor.filter.min"));
        minAmount.setPrefixComponent(new Span("$"));
        minAmount.setValueChangeMode(ValueChangeMode.LAZY);
        closing.setId("ca-closing");
        closing.setEmptySelectionAllowed(true);
        closing.setEmptySelectionCaption(getTranslation("ca.closing.any"));
        closing.setItems(CLOSING);
        closing.setItemLabelGenerator(c -> c == null ? getTranslation("ca.closing.any")
                : getTranslation("ca.closing." + c));
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(search, state, region, minAmount, closing)) {
            field.addValueChangeListener(e -> changed());
        }
        grid.setId("ca-grid");
        // names wrap rather than cut at seven characters; each is whole in its tooltip too (hover and focus)
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(r -> {
            RouterLink link = new RouterLink(r.code(), CompraAgilRequestView.class, new RouteParameters("code",
                    r.code()));
            String signal = marks.text(r.code());
            if (signal == null) {
                return link;
            }
            Span flag = new Span("⚠");
            flag.addClassName("flag");
            flag.getElement().setAttribute("title", signal);
            flag.getElement().setAttribute("aria-label", signal);
            flag.getElement().setAttribute("role", "img");
            return new Span(flag, link);
        }).setHeader(getTranslation("ca.col.code")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CompraAgilRow::name).setHeader(getTranslation("ca.col.name")).setWidth("15rem").setFlexGrow(3)
                .setResizable(true).setTooltipGenerator(CompraAgilRow::name);
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<CompraAgilRow>of(
                        cl.andesops.shared.ui.PartyLink.TEMPLATE)
                        .withProperty("href", r -> cl.andesops.shared.ui.PartyLink.href(r.buyerProfile()))
                        .withProperty("name", r -> r.organism() == null ? "" : r.organism())).setHeader(getTranslation("ca.col.organism")).setWidth("11rem")
                .setFlexGrow(2).setResizable(true).setTooltipGenerator(CompraAgilRow::organism);
        grid.addColumn(r -> r.region() == null ? "" : Formats.regionShort(r.region()))
                .setHeader(getTranslation("ca.col.region")).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(CompraAgilRow::state).setHeader(getTranslation("ca.col.state")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Span s = new Span(r.amountClp() == null ? "" : Formats.clp(r.amountClp()));
            s.addClassName("amount");
            return s;
        }).setHeader(getTranslation("ca.col.budget")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.offersReceived() == null ? "" : Integer.toString(r.offersReceived()))
                .setHeader(getTranslation("ca.col.offers")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<CompraAgilRow>of(
                        "<span class=\"nowrap\">${item.at}</span> <span class=\"nowrap\">${item.left}</span>")
                        .withProperty("at", r -> r.closesAt() == null ? "" : Formats.dateTime(r.closesAt()))
                        .withProperty("left", r -> r.closesAt() == null ? ""
                                : "(" + Formats.relative(r.closesAt(), clock.instant(), getLocale()) + ")"))
                .setHeader(getTranslation("ca.col.closes")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> marks.page(service.find(filter(), q.getOffset(), q.getLimit()), CompraAgilRow::code));
        grid.setHeight("720px");
        grid.setEmptyStateText(getTranslation("ca.empty"));
        HorizontalLayout exports = cl.andesops.shared.ui.ExportLinks.of(this, "ca-export",
                CompraAgilExport.of(service, this::filter, cl.andesops.shared.ui.TableExport.Format.CSV,
                        CompraAgilExport.MAX_ROWS, this::getTranslation, getLocale(), origin.simulated()),
                CompraAgilExport.of(service, this::filter, cl.andesops.shared.ui.TableExport.Format.XLSX,
                        CompraAgilExport.MAX_ROWS, this::getTranslation, getLocale(), origin.simulated()));
        var save = watching.saveSearch(() -> "/compra-agil?" + cl.andesops.shared.format.QueryValues.format(
                address().encode()));
        HorizontalLayout filters = new HorizontalLayout(search, state, region, minAmount, closing, save, exports);
        filters.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(header, filters, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var a = cl.andesops.compraagil.CompraAgilAddress.decode(event.getLocation().getQueryParameters()
                .getParameters());
        applying = true;
        try {
            search.setValue(a.text() == null ? "" : a.text());
            state.setValue(a.state());
            region.setValue(a.region() != null && regions.contains(a.region()) ? a.region() : null);
            minAmount.setValue(a.minAmount() == null || a.minAmount() >= 1e15 ? null : a.minAmount().doubleValue());
            closing.setValue(a.closing());
        } finally {
            applying = false;
        }
        grid.getDataProvider().refreshAll();
    }

    private void changed() {
        boolean broad = service.tooBroad(search.getValue());
        search.setInvalid(broad);
        search.setErrorMessage(broad ? getTranslation("ca.search.broad", Formats.count(service.textMatchLimit()))
                : null);
        grid.getDataProvider().refreshAll();
        if (applying) {
            return;
        }
        QueryParameters query = new QueryParameters(address().encode());
        urlQuery = query.getQueryString();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("compra-agil", query)));
    }

    /** What the fields say, as the address keeps it. */
    cl.andesops.compraagil.CompraAgilAddress address() {
        return new cl.andesops.compraagil.CompraAgilAddress(search.getValue(), state.getValue(), region.getValue(),
                minAmount.getValue() == null ? null : minAmount.getValue().longValue(), closing.getValue());
    }

    /** The filter the fields describe now; closing windows are counted in Chile time. */
    CompraAgilFilter filter() {
        CompraAgilFilter f = address().filter(clock.instant());
        // words too broad to search are left out (the field says so): the list, its count and its files agree
        return service.tooBroad(search.getValue()) ? new CompraAgilFilter(null, f.state(), f.region(), f.minAmount(),
                f.maxAmount(), f.closesAfter(), f.closesBefore()) : f;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        unsubscribe = live.onData(e -> {
            if (e.dataset() == DataChanged.Dataset.COMPRA_AGIL && !e.added().isEmpty()) {
                ui.access(() -> grid.getDataProvider().refreshAll());
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        super.onDetach(detachEvent);
    }

    /** The browser tab's title, in the page's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("title.ca") + " · AndesOps";
    }
}
