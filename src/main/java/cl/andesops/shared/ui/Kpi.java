package cl.andesops.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A figure card in the Monitor's KPI look: its label, its value ({@code ID-value}) and an optional note. */
public final class Kpi {

    private Kpi() {
    }

    public static Div figure(String id, String label, String value, String note) {
        Span l = new Span(label);
        l.addClassName("kpi-label");
        Span v = new Span(value);
        v.addClassName("kpi-value");
        v.setId(id + "-value");
        Div d = new Div(l, new Div(v));
        if (note != null) {
            Span n = new Span(note);
            n.addClassName("kpi-delta");
            d.add(new Div(n));
        }
        d.setId(id);
        d.addClassName("kpi");
        return d;
    }
}
