package cl.andesops.orders.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.OrderSort;
import cl.andesops.shared.format.Formats;

/** The Monitor's orders, paged by the database; code and amount cells are templates rendered in the browser. */
class OrderGrid extends Grid<OrderRow> {

    private final Div empty = new Div();
    private final Column<OrderRow> codeColumn;
    private final Column<OrderRow> nameColumn;
    private final Column<OrderRow> buyerColumn;
    private final Column<OrderRow> supplierColumn;
    private final Column<OrderRow> typeColumn;
    private final Column<OrderRow> stateColumn;
    private final Column<OrderRow> amountColumn;
    private final Column<OrderRow> dateColumn;
    private volatile int lastOffset;
    private boolean filtered;

    OrderGrid(OrderService orders, Supplier<OrderFilter> filter, cl.andesops.shared.ui.RecordSignals signals) {
        cl.andesops.shared.ui.RecordSignals.Rows marks = new cl.andesops.shared.ui.RecordSignals.Rows(signals,
                getLocale());
        setId("orders-grid");
        // names wrap rather than cut at ten characters; each is whole in its tooltip too (hover and focus)
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // templates rendered in the browser rather than two server-side components per row: a live refresh of the
        // page of rows sends data only
        codeColumn = addColumn(LitRenderer.<OrderRow>of("<a href=\"${item.href}\" router-link>${item.code}</a>")
                .withProperty("code", OrderRow::code)
                .withProperty("href", o -> RouteConfiguration.forApplicationScope()
                        .getUrl(OrderView.class, new RouteParameters("code", o.code()))))
                .setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        nameColumn = addColumn(OrderRow::name).setWidth("15rem").setFlexGrow(3).setResizable(true)
                .setTooltipGenerator(OrderRow::name);
        // each name leads to its profile (a record without the key shows the name alone)
        buyerColumn = addColumn(party(OrderRow::buyerName, OrderRow::buyerProfile)).setWidth("11rem").setFlexGrow(2)
                .setResizable(true).setTooltipGenerator(OrderRow::buyerName);
        supplierColumn = addColumn(party(OrderRow::supplierName, OrderRow::supplierProfile)).setWidth("11rem")
                .setFlexGrow(2).setResizable(true).setTooltipGenerator(OrderRow::supplierName);
        typeColumn = addColumn(OrderRow::type).setAutoWidth(true).setFlexGrow(0);
        stateColumn = addColumn(OrderRow::state).setAutoWidth(true).setFlexGrow(0);
        amountColumn = addColumn(LitRenderer.<OrderRow>of(
                        "<span class=\"amount\"><span class=\"flag\" ?hidden=${!item.flag} title=${item.flag} "
                                + "aria-label=${item.flag}>⚠</span>${item.amount}</span>")
                .withProperty("amount", o -> o.total() == null ? "…" : Formats.money(o.total(), o.currency()))
                .withProperty("flag", o -> flag(o.flag() == null ? null : flagText(o.flag()), marks.text(o.code()))))
                .setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty("amount");
        dateColumn = addColumn(LitRenderer.<OrderRow>of("<span class=\"nowrap\">${item.date}</span>")
                        .withProperty("date", o -> Formats.dateTime(o.createdAt()))).setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty("date");
        setItems(q -> {
            lastOffset = q.getOffset();
            return marks.page(orders.find(filter.get(), orderSort(q.getSortOrders()), q.getOffset(), q.getLimit()),
                    OrderRow::code);
        });
        setHeight("640px");
        setEmptyStateComponent(empty);
        empty.addClassName("empty-state");
    }

    /** A party's name linking to its profile, rendered in the browser. */
    static LitRenderer<OrderRow> party(java.util.function.Function<OrderRow, String> name,
                                       java.util.function.Function<OrderRow, String> profile) {
        return LitRenderer.<OrderRow>of(cl.andesops.shared.ui.PartyLink.TEMPLATE)
                .withProperty("name", o -> name.apply(o) == null ? "" : name.apply(o))
                .withProperty("href", o -> profile.apply(o) == null ? "" : profile.apply(o).substring(1));
    }

    /** Whether the person is looking at the first page (new orders can simply appear there). */
    boolean atTop() {
        return lastOffset == 0;
    }

    private static OrderSort orderSort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return OrderSort.NEWEST;
        }
        QuerySortOrder o = orders.getFirst();
        boolean asc = o.getDirection() == SortDirection.ASCENDING;
        return "amount".equals(o.getSorted()) ? (asc ? OrderSort.AMOUNT_ASC : OrderSort.AMOUNT_DESC)
                : (asc ? OrderSort.OLDEST : OrderSort.NEWEST);
    }

    /** The order's own price flag and the integrity signals that fired on it, as one warning (null: none). */
    private static String flag(String own, String signals) {
        return own == null ? signals : signals == null ? own : own + " · " + signals;
    }

    String flagText(String flag) {
        if (flag.startsWith("price:")) {
            return getTranslation("flag.price", flag.substring(6));
        }
        if (flag.equals("new-supplier")) {
            return getTranslation("flag.newsupplier");
        }
        return flag;
    }

    void localize() {
        codeColumn.setHeader(getTranslation("monitor.col.code"));
        nameColumn.setHeader(getTranslation("monitor.col.name"));
        buyerColumn.setHeader(getTranslation("monitor.col.buyer"));
        supplierColumn.setHeader(getTranslation("monitor.col.supplier"));
        typeColumn.setHeader(getTranslation("monitor.col.type"));
        stateColumn.setHeader(getTranslation("monitor.col.state"));
        amountColumn.setHeader(getTranslation("monitor.col.amount"));
        dateColumn.setHeader(getTranslation("monitor.col.date"));
        empty.setText(getTranslation(filtered ? "monitor.nomatch" : "monitor.empty"));
    }

    /** What an empty grid says: that the sync will bring orders, or, under a filter, that none matches. */
    void filtered(boolean narrowed) {
        if (narrowed != filtered) {
            filtered = narrowed;
            empty.setText(getTranslation(filtered ? "monitor.nomatch" : "monitor.empty"));
        }
    }
}
