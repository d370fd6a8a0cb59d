package cl.andesops.orders.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A KPI card: a label, a big figure and its change against the previous period. */
final class Kpi extends Div {

    final Span label = new Span();
    final Span value = new Span();
    final Span delta = new Span();

    Kpi(String id) {
        setId(id);
        addClassName("kpi");
        label.addClassName("kpi-label");
        value.addClassName("kpi-value");
        value.setId(id + "-value");
        delta.addClassName("kpi-delta");
        add(label, new Div(value), new Div(delta));
    }

    void set(String labelText, String valueText, Double changePercent, String deltaTemplate) {
        label.setText(labelText);
        value.setText(valueText);
        delta.removeClassNames("up", "down");
        if (changePercent == null) {
            delta.setText(" ");
        } else {
            String sign = changePercent >= 0 ? "▲ " : "▼ ";
            delta.setText(sign + String.format(java.util.Locale.ROOT, "%.1f", Math.abs(changePercent))
                    .replace('.', ',') + " % " + deltaTemplate);
            delta.addClassName(changePercent >= 0 ? "up" : "down");
        }
    }
}
