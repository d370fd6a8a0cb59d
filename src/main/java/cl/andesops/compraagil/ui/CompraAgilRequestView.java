package cl.andesops.compraagil.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import cl.andesops.compraagil.CompraAgilDetailView;
import cl.andesops.compraagil.CompraAgilService;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Rut;
import cl.andesops.shared.ui.PartyLink;
import cl.andesops.shared.ui.Facts;
import cl.andesops.shared.ui.MainLayout;

/** One Compra Ágil request: products, delivery, budget, and the quotes received with the one selected. */
@Route(value = "compra-agil/:code", layout = MainLayout.class)
@AnonymousAllowed
public class CompraAgilRequestView extends VerticalLayout implements BeforeEnterObserver,
        com.vaadin.flow.router.HasDynamicTitle {

    private final CompraAgilService service;
    private final cl.andesops.shared.ui.Watching watching;
    private final cl.andesops.shared.DataOrigin origin;
    private String pageTitle = "";

    private final java.util.List<cl.andesops.shared.ui.RecordSection> sections;

    CompraAgilRequestView(CompraAgilService service, cl.andesops.shared.DataOrigin origin,
                          java.util.List<cl.andesops.shared.ui.RecordSection> sections,
                          cl.andesops.shared.ui.Watching watching) {
        this.watching = watching;
        this.sections = sections;
        this.origin = origin;
        this.service = service;
        setId("compra-agil-request-view");
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        CompraAgilDetailView r = service.detail(code).orElseThrow(() -> new NotFoundException(code));
        removeAll();
        pageTitle = r.code() + " · " + getTranslation("title.ca") + " · AndesOps";
        var official = cl.andesops.shared.ui.OfficialLink.of(this, origin.simulated(r.fromOpenData()), r.officialUrl(),
                "ca-official");
        Div header = new Div(new RouterLink(getTranslation("ca.back"), CompraAgilView.class), new H1(r.name()),
                new Paragraph(r.code() + " · " + (r.state() == null ? "" : r.state())), official,
                watching.follow("/compra-agil/" + r.code()));
        header.addClassName("view-header");
        add(header);
        // what other features say of the record (the integrity signals that fired on it)
        sections.forEach(x -> x.section(r.code()).ifPresent(this::add));
        if (r.description() != null) {
            add(new Paragraph(r.description()));
        }
        Facts facts = new Facts();
        facts.fact(getTranslation("ca.organism"), PartyLink.buyerByUnitRut(r.organismRut(), r.organism()), "ca-organism");
        facts.fact(getTranslation("ca.budget"), Formats.money(r.budget() != null ? r.budget() : r.availableAmount(), r.currency())
                + (r.budgetType() == null ? "" : " (" + r.budgetType() + ")"));
        facts.fact(getTranslation("ca.delivery"), (r.deliveryAddress() == null ? "" : r.deliveryAddress())
                + (r.deliveryDays() == null ? "" : " · " + getTranslation("ca.days", r.deliveryDays())));
        facts.fact(getTranslation("ca.published"), Formats.dateTime(r.publishedAt()));
        facts.fact(getTranslation("ca.closes"), Formats.dateTime(r.closesAt()));
        facts.fact(getTranslation("ca.order"), r.orderCode());
        facts.fact(getTranslation("ca.reason"), r.cancelReason() != null ? r.cancelReason() : r.desertedReason());
        add(facts);
        add(new H2(getTranslation("ca.products")));
        Grid<CompraAgilDetailView.Product> products = new Grid<>();
        products.setId("ca-products");
        products.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        products.addColumn(CompraAgilDetailView.Product::productCode).setHeader("UNSPSC").setAutoWidth(true);
        products.addColumn(CompraAgilDetailView.Product::name).setHeader(getTranslation("order.item.product"));
        products.addColumn(p -> p.quantity() == null ? "" : p.quantity().stripTrailingZeros().toPlainString() + " "
                + (p.unit() == null ? "" : p.unit())).setHeader(getTranslation("order.item.quantity")).setAutoWidth(true);
        products.setItems(r.products());
        products.setAllRowsVisible(true);
        add(products);
        add(new H2(getTranslation("ca.quotes", r.quotes().size())));
        Grid<CompraAgilDetailView.Quote> quotes = new Grid<>();
        quotes.setId("ca-quotes");
        quotes.addThemeVariants(GridVariant.LUMO_COMPACT);
        quotes.addComponentColumn(q -> {
            var s = cl.andesops.shared.ui.PartyLink.supplier(q.supplierRut(), q.supplierName() == null ? ""
                    : q.supplierName());
            if (q.selected()) {
                Span badge = new Span(getTranslation("ca.selected"));
                badge.getElement().getThemeList().add("badge success small");
                return new Div(s, new Span(" "), badge);
            }
            return new Div(s);
        }).setHeader(getTranslation("order.supplier")).setFlexGrow(2);
        quotes.addColumn(q -> Rut.formatOrKeep(q.supplierRut())).setHeader("RUT").setAutoWidth(true);
        quotes.addColumn(q -> q.lines().stream().map(l -> (l.name() == null ? "" : l.name()) + ": "
                + Formats.clp(l.unitPrice())).reduce((a, b) -> a + " · " + b).orElse(""))
                .setHeader(getTranslation("ca.prices")).setFlexGrow(3);
        quotes.addColumn(q -> Formats.clp(q.total())).setHeader(getTranslation("order.total")).setAutoWidth(true);
        quotes.setItems(r.quotes());
        quotes.setAllRowsVisible(true);
        add(quotes);
    }


    /** The browser tab's title: the request's code, in the page's language. */
    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
