package cl.andesops.analysis.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;

import cl.andesops.analysis.AnalysisKind;
import cl.andesops.analysis.FactsService;
import cl.andesops.analysis.Subject;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.Party;
import cl.andesops.tenders.TenderHit;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderSearch;

/**
 * What to analyse: a tender, a buyer, a supplier or a market slice (category, region, period), and the buttons that
 * start and stop it. Fires {@link Analyse} and {@link Cancel}.
 */
class SubjectPicker extends HorizontalLayout {

    /** A tender in the picker. */
    record TenderOption(String code, String name) {
    }

    /** "Analizar" was pressed. */
    static final class Analyse extends ComponentEvent<SubjectPicker> {
        Analyse(SubjectPicker source) {
            super(source, true);
        }
    }

    /** "Cancelar" was pressed. */
    static final class Cancel extends ComponentEvent<SubjectPicker> {
        Cancel(SubjectPicker source) {
            super(source, true);
        }
    }

    final Select<AnalysisKind> kind = new Select<>();
    final ComboBox<TenderOption> tender = new ComboBox<>(getTranslation("analysis.field.tender"));
    final ComboBox<Party> buyer = new ComboBox<>(getTranslation("analysis.field.buyer"));
    final ComboBox<Party> supplier = new ComboBox<>(getTranslation("analysis.field.supplier"));
    final ComboBox<String[]> category = new ComboBox<>(getTranslation("analysis.field.category"));
    final ComboBox<String> region = new ComboBox<>(getTranslation("analysis.field.region"));
    final DatePicker from = new DatePicker(getTranslation("analysis.field.from"));
    final DatePicker to = new DatePicker(getTranslation("analysis.field.to"));
    final Button analyse = new Button(getTranslation("analysis.analyse"), VaadinIcon.MAGIC.create());
    final Button cancel = new Button(getTranslation("analysis.cancel"), VaadinIcon.STOP.create());

    SubjectPicker(FactsService facts, TenderSearch search, OrderService orders, LocalDate today) {
        kind.setLabel(getTranslation("analysis.field.kind"));
        kind.setItems(AnalysisKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("analysis.kind." + k.param()));
        kind.setValue(AnalysisKind.TENDER);
        kind.addValueChangeListener(e -> showPickers());

        tender.setItemLabelGenerator(t -> t.code() + " · " + t.name());
        tender.setItems(q -> search.search(TenderQuery.text(q.getFilter().orElse("")), q.getOffset(), q.getLimit())
                .hits().stream().map(SubjectPicker::option));
        tender.setPlaceholder(getTranslation("analysis.field.tender.placeholder"));
        buyer.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        buyer.setItems(q -> orders.buyers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        supplier.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        supplier.setItems(q -> orders.suppliers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        for (ComboBox<?> c : List.of(tender, buyer, supplier)) {
            c.setWidth("min(28rem, 100%)");
            c.setClearButtonVisible(true);
        }
        category.setItemLabelGenerator(c -> c[0] + " " + c[1]);
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("analysis.field.all"));
        category.setWidth("min(20rem, 100%)");
        region.setClearButtonVisible(true);
        region.setPlaceholder(getTranslation("analysis.field.all"));
        category.setItems(facts.knownCategories());
        region.setItems(facts.knownRegions());
        from.setValue(today.minusDays(89));
        to.setValue(today);
        from.setMax(today);
        to.setMax(today);

        analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        analyse.setId("analyse");
        analyse.addClickListener(e -> fireEvent(new Analyse(this)));
        cancel.setId("cancel-analysis");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.setVisible(false);
        cancel.addClickListener(e -> fireEvent(new Cancel(this)));

        add(kind, tender, buyer, supplier, category, region, from, to, analyse, cancel);
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        addClassName("analysis-pickers");
        showPickers();
    }

    Registration addAnalyseListener(ComponentEventListener<Analyse> listener) {
        return addListener(Analyse.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<Cancel> listener) {
        return addListener(Cancel.class, listener);
    }

    private static TenderOption option(TenderHit h) {
        return new TenderOption(h.code(), h.name());
    }

    private void showPickers() {
        AnalysisKind k = kind.getValue();
        tender.setVisible(k == AnalysisKind.TENDER);
        buyer.setVisible(k == AnalysisKind.BUYER);
        supplier.setVisible(k == AnalysisKind.SUPPLIER);
        for (Component c : List.of(category, region, from, to)) {
            c.setVisible(k == AnalysisKind.MARKET);
        }
    }

    /** The subject the pickers describe; empty when one is missing or the period is not valid. */
    Optional<Subject> subject() {
        AnalysisKind k = kind.getValue();
        return switch (k) {
            case TENDER -> Optional.ofNullable(tender.getValue()).map(t -> new Subject(k, t.code()));
            case BUYER -> Optional.ofNullable(buyer.getValue()).map(p -> new Subject(k, p.code()));
            case SUPPLIER -> Optional.ofNullable(supplier.getValue()).map(p -> new Subject(k, p.code()));
            case MARKET -> {
                if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
                    yield Optional.empty();
                }
                yield Optional.of(Subject.market(new Subject.Slice(
                        category.getValue() == null ? null : category.getValue()[0], region.getValue(),
                        from.getValue(), to.getValue())));
            }
        };
    }

    /** Puts a subject into the pickers, with the title its facts gave it. */
    void show(Subject s, String title) {
        kind.setValue(s.kind());
        switch (s.kind()) {
            case TENDER -> tender.setValue(new TenderOption(s.key(), title));
            case BUYER -> buyer.setValue(new Party(s.key(), title));
            case SUPPLIER -> supplier.setValue(new Party(s.key(), title));
            case MARKET -> s.slice().ifPresent(slice -> {
                from.setValue(slice.from());
                to.setValue(slice.to());
                region.setValue(slice.region());
                category.getListDataView().getItems().filter(c -> c[0].equals(slice.category())).findFirst()
                        .ifPresent(category::setValue);
            });
        }
    }

    /** While a narrative streams: "Cancelar" shows, "Analizar" waits. */
    void running(boolean running) {
        cancel.setVisible(running);
        analyse.setEnabled(!running);
    }
}
