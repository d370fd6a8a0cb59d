package cl.andesops.shared.chart;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

/**
 * A chart with its table: a "ver como tabla" toggle shows the same data as an HTML table (every row, every value),
 * and where a click on the chart filters, each row's name is a button that does the same from the keyboard.
 */
public class ChartCard extends Div implements com.vaadin.flow.i18n.LocaleChangeObserver {

    final EChart chart;
    final Button toggle = new Button();
    final Div table = new Div();
    private boolean showingTable;

    public ChartCard(EChart chart) {
        this.chart = chart;
        addClassName("card");
        addClassName("chart-card");
        String id = chart.getId().orElse("chart");
        table.setId(id + "-table");
        table.addClassName("chart-table");
        table.setVisible(false);
        toggle.setId(id + "-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("chart-toggle");
        toggle.addClickListener(e -> show(!showingTable));
        add(toggle, chart, table);
        chart.addOptionListener(this::fill);
        label();
    }

    @Override
    public void localeChange(com.vaadin.flow.i18n.LocaleChangeEvent event) {
        label();
        if (showingTable) {
            fill(chart.getOption());
        }
    }

    /** Shows the table instead of the chart, or the chart again. */
    public void show(boolean asTable) {
        showingTable = asTable;
        chart.setVisible(!asTable);
        table.setVisible(asTable);
        label();
        if (asTable) {
            fill(chart.getOption());
        }
    }

    private void label() {
        toggle.setText(getTranslation(showingTable ? "chart.show.chart" : "chart.show.table"));
        toggle.getElement().setAttribute("aria-pressed", Boolean.toString(showingTable));
    }

    private void fill(Map<String, Object> option) {
        if (!showingTable) {
            return; // built when it is shown
        }
        table.removeAll();
        table.getElement().removeAllChildren();
        ChartTable t = ChartTable.of(option);
        Element html = new Element("table");
        Element caption = new Element("caption");
        caption.setText(t.title());
        html.appendChild(caption);
        Element head = new Element("tr");
        head.appendChild(th("col", ""));
        t.series().forEach(s -> head.appendChild(th("col", s)));
        html.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        boolean clickable = chart.clickable();
        for (int i = 0; i < t.labels().size(); i++) {
            Element row = new Element("tr");
            Element name = new Element("th");
            name.setAttribute("scope", "row");
            if (clickable) {
                int index = i;
                String label = t.labels().get(i);
                Button filter = new Button(label, e -> chart.click(label, index));
                filter.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                filter.getElement().setAttribute("title", getTranslation("chart.filter", label));
                name.appendChild(filter.getElement());
            } else {
                name.setText(t.labels().get(i));
            }
            row.appendChild(name);
            for (String cell : t.cells().get(i)) {
                Element td = new Element("td");
                td.setText(cell);
                row.appendChild(td);
            }
            body.appendChild(row);
        }
        html.appendChild(body);
        table.getElement().appendChild(html);
    }

    private static Element th(String scope, String text) {
        Element th = new Element("th");
        th.setAttribute("scope", scope);
        th.setText(text);
        return th;
    }
}
