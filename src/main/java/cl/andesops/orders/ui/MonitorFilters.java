package cl.andesops.orders.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.Party;
import cl.andesops.shared.format.Formats;

/**
 * The Monitor's filter fields: the main row and "more filters". A change a person makes fires {@link Changed} with
 * the filter the fields now describe; {@link #show} puts a filter into the fields without firing.
 */
class MonitorFilters extends Div {

    /** The person changed a filter field. */
    static final class Changed extends ComponentEvent<MonitorFilters> {
        private final OrderFilter filter;

        Changed(MonitorFilters source, OrderFilter filter) {
            super(source, true);
            this.filter = filter;
        }

        OrderFilter filter() {
            return filter;
        }
    }

    final TextField search = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final MultiSelectComboBox<String> types = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Integer> states = new MultiSelectComboBox<>();
    final ComboBox<String> region = new ComboBox<>();
    final ComboBox<Party> buyer = new ComboBox<>();
    final ComboBox<Party> supplier = new ComboBox<>();
    /** Rubros (UNSPSC categories of the order's first item), as Mercado Público's own alerts name a line of business. */
    final MultiSelectComboBox<String> categories = new MultiSelectComboBox<>();
    final NumberField minAmount = new NumberField();
    final NumberField maxAmount = new NumberField();
    final Button clear = new Button();
    final Details moreFilters = new Details();
    /** Everything above, folded away on a phone so the figures come first. */
    final Details panel;
    private final OrderService orders;
    private boolean showing;

    MonitorFilters(OrderService orders) {
        this.orders = orders;
        search.setId("monitor-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        from.setId("filter-from");
        to.setId("filter-to");
        types.setId("filter-type");
        types.setItems(MpCodes.ORDER_TYPES);
        states.setId("filter-state");
        states.setItems(MpCodes.ORDER_STATES);
        states.setItemLabelGenerator(MpCodes::order);
        region.setId("filter-region");
        region.setItems(orders.regions());
        region.setClearButtonVisible(true);
        buyer.setId("filter-buyer");
        buyer.setItems(q -> orders.buyers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        buyer.setItemLabelGenerator(Party::name);
        buyer.setClearButtonVisible(true);
        supplier.setId("filter-supplier");
        supplier.setItems(q -> orders.suppliers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        supplier.setItemLabelGenerator(Party::name);
        supplier.setClearButtonVisible(true);
        categories.setId("filter-category");
        java.util.Map<String, String> names = orders.categories();
        categories.setItems(names.keySet());
        categories.setItemLabelGenerator(c -> c + " · " + names.getOrDefault(c, c));
        minAmount.setId("filter-min");
        maxAmount.setId("filter-max");
        for (NumberField f : List.of(minAmount, maxAmount)) {
            f.setMin(0);
            f.setPrefixComponent(new Span("$"));
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        List<Component> fields = List.of(search, from, to, types, states, region, buyer, supplier, categories,
                minAmount, maxAmount);
        for (Component field : fields) {
            field.getElement().getThemeList().add("small");
        }
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> fireEvent(new Changed(this, OrderFilter.none())));
        search.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        types.addValueChangeListener(e -> changed());
        states.addValueChangeListener(e -> changed());
        region.addValueChangeListener(e -> changed());
        buyer.addValueChangeListener(e -> changed());
        supplier.addValueChangeListener(e -> changed());
        categories.addValueChangeListener(e -> changed());
        minAmount.addValueChangeListener(e -> changed());
        maxAmount.addValueChangeListener(e -> changed());

        Div more = new Div(region, buyer, supplier, categories, minAmount, maxAmount);
        more.addClassName("filters");
        moreFilters.add(more);
        moreFilters.setId("more-filters");
        moreFilters.addClassName("more-filters");
        Div main = new Div(search, from, to, types, states, clear);
        main.setId("monitor-filters");
        main.addClassName("filters");
        panel = cl.andesops.shared.ui.PhoneFold.of("filters-panel", main, moreFilters);
        add(panel);
    }

    Registration addChangedListener(ComponentEventListener<Changed> listener) {
        return addListener(Changed.class, listener);
    }

    private void changed() {
        if (!showing) {
            fireEvent(new Changed(this, filter()));
        }
    }

    /** The filter the fields describe now. */
    OrderFilter filter() {
        return new OrderFilter(search.getValue(), states.getValue(), types.getValue(),
                buyer.getValue() == null ? null : buyer.getValue().code(),
                supplier.getValue() == null ? null : supplier.getValue().code(), region.getValue(),
                minAmount.getValue() == null ? null : minAmount.getValue().longValue(),
                maxAmount.getValue() == null ? null : maxAmount.getValue().longValue(), from.getValue(), to.getValue(),
                categories.getValue());
    }

    /** Puts a filter into the fields without firing {@link Changed}. */
    void show(OrderFilter f) {
        showing = true;
        try {
            search.setValue(f.text() == null ? "" : f.text());
            from.setValue(f.from());
            to.setValue(f.to());
            types.setValue(f.types());
            states.setValue(f.states());
            region.setValue(f.region());
            buyer.setValue(f.buyerCode() == null ? null : orders.buyer(f.buyerCode())
                    .orElse(new Party(f.buyerCode(), f.buyerCode())));
            supplier.setValue(f.supplierCode() == null ? null : orders.supplier(f.supplierCode())
                    .orElse(new Party(f.supplierCode(), f.supplierCode())));
            categories.setValue(f.categories());
            minAmount.setValue(f.minAmount() == null ? null : f.minAmount().doubleValue());
            maxAmount.setValue(f.maxAmount() == null ? null : f.maxAmount().doubleValue());
        } finally {
            showing = false;
        }
    }

    /** Says how many "more filters" are set (and opens them then) and shows the default period as placeholders. */
    /** The pickers offer only days that can hold data: from the first day held to today. */
    void limits(java.time.LocalDate first, java.time.LocalDate today) {
        from.setMin(first);
        to.setMin(first);
        from.setMax(today);
        to.setMax(today);
    }

    /**
     * A period typed beyond what the data holds ({@code ?desde=0001-01-01}) is shown as the period the figures use,
     * without firing {@link Changed}: the pickers never show a day the charts do not cover.
     */
    void clampTo(OrderFilter period) {
        showing = true;
        try {
            if (from.getValue() != null && !from.getValue().equals(period.from())) {
                from.setValue(period.from());
            }
            if (to.getValue() != null && !to.getValue().equals(period.to())) {
                to.setValue(period.to());
            }
        } finally {
            showing = false;
        }
    }

    /**
     * Says what the filter is, from the one the screen shows; {@code tooBroad} when its words match more orders than
     * a text filter may: the field says so, and the figures are the period's without them.
     */
    void describe(OrderFilter period, boolean tooBroad, int matchLimit) {
        OrderFilter f = filter();
        search.setInvalid(tooBroad);
        search.setErrorMessage(tooBroad ? getTranslation("monitor.search.broad", Formats.count(matchLimit)) : null);
        int n = (f.region() == null ? 0 : 1) + (f.buyerCode() == null ? 0 : 1) + (f.supplierCode() == null ? 0 : 1)
                + (f.categories().isEmpty() ? 0 : 1) + (f.minAmount() == null ? 0 : 1) + (f.maxAmount() == null ? 0 : 1);
        moreFilters.setSummaryText(getTranslation("monitor.filter.more") + (n == 0 ? "" : " (" + n + ")"));
        int all = n + (f.hasText() ? 1 : 0) + (f.types().isEmpty() ? 0 : 1) + (f.states().isEmpty() ? 0 : 1)
                + (f.from() == null && f.to() == null ? 0 : 1);
        panel.setSummaryText(getTranslation("monitor.filters") + (all == 0 ? "" : " (" + all + ")"));
        if (n > 0) {
            moreFilters.setOpened(true);
        }
        from.setPlaceholder(Formats.date(period.from().atStartOfDay(Formats.CHILE).toInstant()));
        to.setPlaceholder(Formats.date(period.to().atStartOfDay(Formats.CHILE).toInstant()));
    }

    void localize() {
        search.setPlaceholder(getTranslation("monitor.search.placeholder"));
        search.setAriaLabel(getTranslation("monitor.search"));
        search.setLabel(getTranslation("monitor.search"));
        from.setLabel(getTranslation("monitor.filter.from"));
        to.setLabel(getTranslation("monitor.filter.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        types.setLabel(getTranslation("monitor.filter.type"));
        states.setLabel(getTranslation("monitor.filter.state"));
        region.setLabel(getTranslation("monitor.filter.region"));
        buyer.setLabel(getTranslation("monitor.filter.buyer"));
        supplier.setLabel(getTranslation("monitor.filter.supplier"));
        categories.setLabel(getTranslation("monitor.filter.category"));
        categories.setPlaceholder(getTranslation("monitor.filter.all"));
        // an empty choice says what it means: no filter
        types.setPlaceholder(getTranslation("monitor.filter.all"));
        states.setPlaceholder(getTranslation("monitor.filter.all"));
        region.setPlaceholder(getTranslation("monitor.filter.all.f"));
        buyer.setPlaceholder(getTranslation("monitor.filter.all"));
        supplier.setPlaceholder(getTranslation("monitor.filter.all"));
        minAmount.setLabel(getTranslation("monitor.filter.min"));
        maxAmount.setLabel(getTranslation("monitor.filter.max"));
        clear.setText(getTranslation("monitor.filter.clear"));
    }
}
