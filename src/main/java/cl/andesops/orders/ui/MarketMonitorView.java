package cl.andesops.orders.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;

@Route(value = "", layout = MainLayout.class)
@PageTitle("Monitor de mercado · AndesOps")
@Menu(title = "nav.monitor", order = 1, icon = "vaadin:dashboard")
public class MarketMonitorView extends VerticalLayout implements LocaleChangeObserver {

    final TextField search = new TextField();
    final Grid<OrderRow> grid = new Grid<>();
    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final Grid.Column<OrderRow> codeColumn;
    private final Grid.Column<OrderRow> nameColumn;
    private final Grid.Column<OrderRow> buyerColumn;
    private final Grid.Column<OrderRow> supplierColumn;
    private final Grid.Column<OrderRow> typeColumn;
    private final Grid.Column<OrderRow> stateColumn;
    private final Grid.Column<OrderRow> amountColumn;
    private final Grid.Column<OrderRow> dateColumn;
    private final Div empty = new Div();

    MarketMonitorView(OrderService orders) {
        setId("monitor-view");
        addClassName("view");
        setSizeFull();
        Div header = new Div(title, subtitle);
        header.addClassName("view-header");

        search.setId("monitor-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 28em)");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("orders-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        codeColumn = grid.addColumn(OrderRow::code).setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        nameColumn = grid.addColumn(OrderRow::name).setFlexGrow(3).setResizable(true);
        buyerColumn = grid.addColumn(OrderRow::buyerName).setFlexGrow(2).setResizable(true);
        supplierColumn = grid.addColumn(OrderRow::supplierName).setFlexGrow(2).setResizable(true);
        typeColumn = grid.addColumn(OrderRow::type).setAutoWidth(true).setFlexGrow(0);
        stateColumn = grid.addColumn(OrderRow::state).setAutoWidth(true).setFlexGrow(0);
        amountColumn = grid.addComponentColumn(o -> {
            Span s = new Span(Formats.money(o.total(), o.currency()));
            s.addClassName("amount");
            return s;
        }).setAutoWidth(true).setFlexGrow(0);
        dateColumn = grid.addColumn(o -> Formats.dateTime(o.createdAt())).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> orders.find(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> orders.count(filter()));
        grid.setSizeFull();
        grid.setEmptyStateComponent(empty);
        empty.addClassName("empty-state");

        add(header, search, grid);
        setFlexGrow(1, grid);
    }

    OrderFilter filter() {
        return OrderFilter.text(search.getValue());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        localize();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        localize();
    }

    private void localize() {
        title.setText(getTranslation("monitor.title"));
        subtitle.setText(getTranslation("monitor.subtitle"));
        search.setPlaceholder(getTranslation("monitor.search.placeholder"));
        search.setAriaLabel(getTranslation("monitor.search"));
        codeColumn.setHeader(getTranslation("monitor.col.code"));
        nameColumn.setHeader(getTranslation("monitor.col.name"));
        buyerColumn.setHeader(getTranslation("monitor.col.buyer"));
        supplierColumn.setHeader(getTranslation("monitor.col.supplier"));
        typeColumn.setHeader(getTranslation("monitor.col.type"));
        stateColumn.setHeader(getTranslation("monitor.col.state"));
        amountColumn.setHeader(getTranslation("monitor.col.amount"));
        dateColumn.setHeader(getTranslation("monitor.col.date"));
        empty.setText(getTranslation("monitor.empty"));
    }
}
