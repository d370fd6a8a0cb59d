package cl.andesops.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A grid of labelled facts on a detail page; blank values are left out rather than shown empty. */
public class Facts extends Div {

    public Facts() {
        addClassName("facts");
    }

    /** Adds "label: value" unless the value is blank. */
    public Facts fact(String label, String value) {
        if (value != null && !value.isBlank()) {
            Span l = new Span(label);
            l.addClassName("fact-label");
            Span v = new Span(value);
            v.addClassName("fact-value");
            Div d = new Div(l, v);
            d.addClassName("fact");
            add(d);
        }
        return this;
    }

    /** Adds a fact whose value is a component (a link). */
    public Facts fact(String label, Component value, String id) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Div d = new Div(l, value);
        d.addClassName("fact");
        d.setId(id);
        add(d);
        return this;
    }
}
