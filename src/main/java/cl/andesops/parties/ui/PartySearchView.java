package cl.andesops.parties.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.parties.PartyIndex;
import cl.andesops.shared.format.PartyKeys.Kind;
import cl.andesops.shared.format.Rut;
import cl.andesops.shared.ui.MainLayout;

/**
 * Finds buyers, suppliers and products ({@code /parties?q=…&tipo=…}): by name with the tender search's analysis,
 * by a RUT in any spelling or by a code; each hit leads to its profile. The address keeps the words.
 */
@Route(value = "parties", layout = MainLayout.class)
@Menu(title = "nav.parties", order = 5, icon = "vaadin:users")
@AnonymousAllowed
public class PartySearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int LIMIT = 50;
    private final PartyIndex index;
    private final TextField words = new TextField();
    private final Select<String> kind = new Select<>();
    private final Div results = new Div();
    private boolean navigating;

    PartySearchView(PartyIndex index) {
        this.index = index;
        setId("party-search-view");
        addClassName("view");
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
        words.setId("party-search");
        words.setPrefixComponent(VaadinIcon.SEARCH.create());
        words.setClearButtonVisible(true);
        words.setValueChangeMode(ValueChangeMode.LAZY);
        words.setMaxLength(cl.andesops.shared.search.UserText.MAX_INPUT);
        words.addValueChangeListener(e -> update());
        kind.setId("party-kind");
        kind.setItems("", Kind.BUYER.name(), Kind.SUPPLIER.name(), Kind.PRODUCT.name());
        kind.setValue("");
        kind.addValueChangeListener(e -> update());
        results.setId("party-results");
        results.getElement().setAttribute("aria-live", "polite");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        removeAll();
        H1 h = new H1(getTranslation("parties.title"));
        Paragraph sub = new Paragraph(getTranslation("parties.sub"));
        sub.addClassName("subtitle");
        words.setLabel(getTranslation("parties.words"));
        words.setPlaceholder(getTranslation("parties.placeholder"));
        kind.setLabel(getTranslation("parties.kind"));
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("parties.kind.all")
                : getTranslation("parties.kind." + k.toLowerCase(java.util.Locale.ROOT)));
        com.vaadin.flow.component.orderedlayout.FlexLayout form = new com.vaadin.flow.component.orderedlayout
                .FlexLayout(words, kind);
        form.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        form.addClassName("party-form");
        form.setFlexGrow(1, words);
        add(new Div(h, sub), form, results);
        navigating = true;
        words.setValue(first(q, "q"));
        String k = first(q, "tipo").toUpperCase(java.util.Locale.ROOT);
        kind.setValue(List.of("BUYER", "SUPPLIER", "PRODUCT").contains(k) ? k : "");
        navigating = false;
        show();
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst();
    }

    /** A change of the words or the kind: shown, and kept in the address so the search can be shared. */
    private void update() {
        if (navigating) {
            return;
        }
        show();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (!words.getValue().isBlank()) {
            params.put("q", words.getValue().strip());
        }
        if (!kind.getValue().isEmpty()) {
            params.put("tipo", kind.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new com.vaadin.flow.router.Location(
                "parties", QueryParameters.simple(params))));
    }

    private void show() {
        results.removeAll();
        String text = words.getValue();
        if (text.isBlank()) {
            results.add(new Paragraph(getTranslation("parties.empty")));
            return;
        }
        Kind k = kind.getValue().isEmpty() ? null : Kind.valueOf(kind.getValue());
        List<PartyIndex.Hit> hits = index.search(text, k, LIMIT);
        Paragraph count = new Paragraph(hits.isEmpty() ? getTranslation("parties.none", text)
                : hits.size() >= LIMIT ? getTranslation("parties.many", LIMIT)
                : getTranslation("parties.found", hits.size()));
        count.setId("party-count");
        results.add(count);
        if (index.building()) {
            Paragraph building = new Paragraph(getTranslation("parties.building"));
            building.addClassName("notice");
            results.add(building);
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("party-hits");
        for (PartyIndex.Hit hit : hits) {
            Anchor a = new Anchor(hit.path(), hit.name());
            a.addClassName("party-hit");
            Span what = new Span(" · " + getTranslation("parties.kind." + hit.kind().name().toLowerCase(
                    java.util.Locale.ROOT)) + " · " + (hit.kind() == Kind.SUPPLIER ? Rut.formatOrKeep(hit.key())
                    : getTranslation("profile.code", hit.key())));
            what.addClassName("party-hit-key");
            list.add(new ListItem(a, what));
        }
        results.add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("parties.title") + " · AndesOps";
    }
}
