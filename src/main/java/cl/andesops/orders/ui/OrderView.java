package cl.andesops.orders.ui;

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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import cl.andesops.orders.OrderDetailView;
import cl.andesops.orders.OrderService;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Rut;
import cl.andesops.shared.ui.Facts;
import cl.andesops.shared.ui.MainLayout;

/** One purchase order, every field: {@code /orders/{code}}, a page that can be shared. */
@Route(value = "orders/:code", layout = MainLayout.class)
@AnonymousAllowed
public class OrderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final OrderService orders;
    private final cl.andesops.shared.DataOrigin origin;
    private String pageTitle = "AndesOps";

    private final java.util.List<cl.andesops.shared.ui.RecordSection> sections;

    OrderView(OrderService orders, cl.andesops.shared.DataOrigin origin,
              java.util.List<cl.andesops.shared.ui.RecordSection> sections) {
        this.sections = sections;
        this.origin = origin;
        this.orders = orders;
        setId("order-view");
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        OrderDetailView o = orders.detail(code).orElseThrow(() -> new NotFoundException(code));
        pageTitle = o.code() + " · AndesOps";
        removeAll();
        H1 title = new H1(o.name() == null ? o.code() : o.name());
        Paragraph sub = new Paragraph(o.code() + " · " + (o.state() == null ? "" : o.state())
                + (o.type() == null ? "" : " · " + o.type()));
        sub.addClassName("subtitle");
        var official = cl.andesops.shared.ui.OfficialLink.of(this, origin.simulated(o.fromOpenData()), o.officialUrl(),
                "order-official");
        RouterLink back = new RouterLink(getTranslation("order.back"), MarketMonitorView.class);
        Div header = new Div(back, title, sub, official);
        header.addClassName("view-header");
        add(header);
        // what other features say of the record (the integrity signals that fired on it)
        sections.forEach(x -> x.section(o.code()).ifPresent(this::add));
        if (o.flag() != null) {
            Div flag = new Div(new Span("⚠ " + flagText(o.flag())));
            flag.addClassName("flag-banner");
            flag.setId("order-flag");
            add(flag);
        }
        Facts facts = new Facts();
        facts.fact(getTranslation("order.total"), Formats.money(o.total(), o.currency()));
        facts.fact(getTranslation("order.net"), Formats.money(o.netTotal(), o.currency()));
        facts.fact(getTranslation("order.tax"), Formats.money(o.tax(), o.currency()));
        facts.fact(getTranslation("order.created"), Formats.dateTime(o.createdAt()));
        facts.fact(getTranslation("order.sent"), Formats.dateTime(o.sentAt()));
        facts.fact(getTranslation("order.accepted"), Formats.dateTime(o.acceptedAt()));
        facts.fact(getTranslation("order.cancelled"), Formats.dateTime(o.cancelledAt()));
        com.vaadin.flow.component.html.Span buyer = new com.vaadin.flow.component.html.Span(
                cl.andesops.shared.ui.PartyLink.buyer(o.buyerCode(), o.buyerName()));
        if (o.unitName() != null && !o.unitName().equals(o.buyerName())) {
            buyer.add(" · " + o.unitName());
        }
        facts.fact(getTranslation("order.buyer"), buyer, "order-buyer");
        facts.fact(getTranslation("order.buyer.rut"), Rut.formatOrKeep(o.unitRut()));
        if (o.supplierName() != null) {
            facts.fact(getTranslation("order.supplier"), cl.andesops.shared.ui.PartyLink.supplier(o.supplierRut(),
                    o.supplierName()), "order-supplier");
        }
        facts.fact(getTranslation("order.supplier.rut"), Rut.formatOrKeep(o.supplierRut()));
        facts.fact(getTranslation("order.region"), o.region());
        if (o.tenderCode() != null) {
            facts.fact(getTranslation("order.tender"), new Anchor("tenders/" + o.tenderCode(), o.tenderCode()),
                    "order-tender");
        }
        add(facts);
        add(new H2(getTranslation("order.items")));
        Grid<OrderDetailView.Item> items = new Grid<>();
        items.setId("order-items");
        items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.addColumn(OrderDetailView.Item::line).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        // the product leads to its price reference
        items.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<OrderDetailView.Item>of(
                        cl.andesops.shared.ui.PartyLink.TEMPLATE)
                .withProperty("name", i -> i.productCode() + " · " + (i.product() == null ? "" : i.product()))
                .withProperty("href", i -> cl.andesops.shared.ui.PartyLink.href(cl.andesops.shared.format.PartyKeys
                        .productPath(i.productCode()))))
                .setHeader(getTranslation("order.item.product")).setFlexGrow(2);
        items.addColumn(OrderDetailView.Item::supplierSpec).setHeader(getTranslation("order.item.spec")).setFlexGrow(3);
        items.addColumn(i -> i.quantity() == null ? "" : i.quantity().stripTrailingZeros().toPlainString()
                + (i.unit() == null ? "" : " " + i.unit())).setHeader(getTranslation("order.item.quantity"))
                .setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> Formats.money(i.netPrice(), o.currency())).setHeader(getTranslation("order.item.price"))
                .setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> Formats.money(i.total(), o.currency())).setHeader(getTranslation("order.item.total"))
                .setAutoWidth(true).setFlexGrow(0);
        items.setItems(o.items());
        items.setAllRowsVisible(true);
        add(items);
        if (!o.hasDetail()) {
            add(new Paragraph(getTranslation("order.pending")));
        }
    }


    private String flagText(String flag) {
        if (flag.startsWith("price:")) {
            return getTranslation("flag.price", flag.substring(6));
        }
        return flag.equals("new-supplier") ? getTranslation("flag.newsupplier") : flag;
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
