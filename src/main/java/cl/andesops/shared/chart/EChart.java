package cl.andesops.shared.chart;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Apache ECharts chart as a Vaadin component (our own: Vaadin Charts is under a paid licence). The server sets
 * an ECharts option (see {@link ChartOptions} for bar, line and pie); a click on a bar, point or slice comes back
 * as a {@link ChartClickEvent}. It follows the app's light/dark theme by itself.
 */
@Tag("andes-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./andes-chart.js")
public class EChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private String optionJson = "";
    private Map<String, Object> option = Map.of();
    private final java.util.List<java.util.function.Consumer<Map<String, Object>>> optionListeners =
            new java.util.ArrayList<>();

    public EChart() {
        setWidthFull();
        setHeight("320px");
        // a picture to assistive technology, named by its summary (the table beside it gives every value)
        getElement().setAttribute("role", "img");
    }

    /** Draws this option; the same option as the last one sends nothing (a live refresh often changes no chart). */
    public void setOption(Map<String, Object> option) {
        String json = JSON.writeValueAsString(option);
        if (!json.equals(optionJson)) {
            optionJson = json;
            this.option = option;
            getElement().setProperty("option", json);
            getElement().setAttribute("aria-label", ChartTable.of(option).summary(getTranslation("chart.more")));
            optionListeners.forEach(l -> l.accept(option));
        }
    }

    /** The option last set (its data feed the chart's table). */
    public Map<String, Object> getOption() {
        return option;
    }

    /** Called with each new option: the chart's table follows it. */
    void addOptionListener(java.util.function.Consumer<Map<String, Object>> listener) {
        optionListeners.add(listener);
    }

    /** Whether a click on a data item does something here: the table then offers the same as buttons. */
    boolean clickable() {
        return hasListener(ChartClickEvent.class);
    }

    /** What a click on the {@code index}-th item does, from the keyboard (the table's buttons). */
    void click(String name, int index) {
        fireEvent(new ChartClickEvent(this, false, name, "", index));
    }

    /** The option last sent, as JSON: what the browser draws (tests read it). */
    public String getOptionJson() {
        return optionJson;
    }

    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** A click on a data item: its category or slice name, its series and its position. */
    @DomEvent("andes-chart-click")
    public static class ChartClickEvent extends ComponentEvent<EChart> {
        private final String name;
        private final String seriesName;
        private final int dataIndex;

        public ChartClickEvent(EChart source, boolean fromClient,
                               @EventData("event.detail.name") String name,
                               @EventData("event.detail.seriesName") String seriesName,
                               @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.name = name;
            this.seriesName = seriesName;
            this.dataIndex = dataIndex;
        }

        public String getName() {
            return name;
        }

        public String getSeriesName() {
            return seriesName;
        }

        public int getDataIndex() {
            return dataIndex;
        }
    }
}
