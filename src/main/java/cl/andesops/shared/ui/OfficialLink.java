package cl.andesops.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

import cl.andesops.shared.DataOrigin;

/**
 * A record's link to its public page on mercadopublico.cl, or, for a simulated record, a badge saying it is one:
 * a simulated code has no page there (or, worse, the page of a real and unrelated record).
 */
public final class OfficialLink {

    private OfficialLink() {
    }

    public static Component of(Component owner, DataOrigin origin, String url, String id) {
        return of(owner, origin.simulated(), url, id);
    }

    /** For one record, simulated or not by where it came from ({@link DataOrigin#simulated(boolean)}). */
    public static Component of(Component owner, boolean simulated, String url, String id) {
        if (simulated) {
            Span demo = new Span(owner.getTranslation("record.simulated"));
            demo.getElement().getThemeList().add("badge contrast");
            demo.getElement().setAttribute("title", owner.getTranslation("record.simulated.tooltip"));
            if (id != null) {
                demo.setId(id);
            }
            demo.addClassName("simulated-record");
            return demo;
        }
        Anchor official = new Anchor(url, owner.getTranslation("order.official"));
        official.setTarget("_blank");
        if (id != null) {
            official.setId(id);
        }
        return official;
    }
}
