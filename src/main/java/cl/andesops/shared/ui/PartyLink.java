package cl.andesops.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

import cl.andesops.shared.format.PartyKeys;

/**
 * A buyer's or a supplier's name leading to its profile: a link when the record carries its key (the organism's
 * code, a valid RUT), the name alone when it does not. Every page builds its party names here.
 */
public final class PartyLink {

    private PartyLink() {
    }

    public static Component buyer(String code, String name) {
        return link(PartyKeys.buyerPath(code), name == null ? code : name);
    }

    public static Component supplier(String rut, String name) {
        return link(PartyKeys.supplierPath(rut), name == null ? rut : name);
    }

    /**
     * A buyer named by one of its units' RUTs (a Compra Ágil request): its profile resolves the organism. The RUT is
     * shown beside the name.
     */
    public static Component buyerByUnitRut(String rut, String name) {
        String path = PartyKeys.supplier(rut).map(k -> "buyers/" + k).orElse(null);
        Component link = link(path, name == null ? rut : name);
        return rut == null ? link : new Span(link, new Span(" · " + cl.andesops.shared.format.Rut.formatOrKeep(rut)));
    }

    private static Component link(String path, String text) {
        String shown = text == null ? "" : text;
        if (path == null) {
            return new Span(shown);
        }
        Anchor a = new Anchor(path, shown);
        a.getElement().setAttribute("router-link", true);
        a.addClassName("party-link");
        return a;
    }

    /** A profile's address for a grid's template: empty (the name alone) when there is none. */
    public static String href(String path) {
        return path == null ? "" : path;
    }

    /** A grid's Lit template for a name and its profile's address ({@code href} null: the name alone). */
    public static final String TEMPLATE = "${item.href ? html`<a href=\"${item.href}\" router-link>${item.name}</a>` "
            + ": item.name}";
}
