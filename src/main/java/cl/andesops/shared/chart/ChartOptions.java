package cl.andesops.shared.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options for the three shapes the screens use. Values are numbers (BigDecimal is written exactly);
 * labels are already formatted by the caller, in the user's language. Value axes and series carry their unit
 * ({@code andesUnit}: {@link #CLP} or {@link #COUNT}) so the browser writes their numbers as the page does
 * ({@code 21.000}, {@code $ 1,8 mil MM}), and so does the chart's table.
 */
public final class ChartOptions {

    /** Pesos, written compact ({@code $ 1,8 mil MM}). */
    public static final String CLP = "clp";
    /** A count, written grouped ({@code 21.000}). */
    public static final String COUNT = "count";

    private ChartOptions() {
    }

    /** Bars, one per category; horizontal bars suit long names (buyers, suppliers), cut with the full name kept. */
    public static Map<String, Object> bar(String title, List<String> categories, List<? extends Number> values,
                                          String seriesName, boolean horizontal, String unit) {
        Map<String, Object> category = map("type", "category", "data", categories);
        Map<String, Object> value = map("type", "value", "andesUnit", unit);
        if (COUNT.equals(unit)) {
            value.put("minInterval", 1); // whole orders: never a tick at 0,2 órdenes
        }
        if (horizontal) {
            category.put("inverse", true);
            // every name shown (one per bar), cut at 150 px; the tooltip and the table give it whole
            category.put("axisLabel", map("width", 150, "overflow", "truncate", "interval", 0));
            value.put("splitNumber", 3); // a few amounts across a narrow card, never written over each other
        }
        value.put("axisLabel", map("hideOverlap", true));
        Map<String, Object> option = base(title);
        option.put("tooltip", map("trigger", "axis"));
        option.put("grid", map("left", 8, "right", 16, "top", title == null ? 16 : 40, "bottom", 8,
                "containLabel", true));
        option.put(horizontal ? "yAxis" : "xAxis", category);
        option.put(horizontal ? "xAxis" : "yAxis", value);
        option.put("series", List.of(map("type", "bar", "name", seriesName, "data", values, "andesUnit", unit,
                "itemStyle", map("borderRadius", horizontal ? List.of(0, 4, 4, 0) : List.of(4, 4, 0, 0)))));
        return option;
    }

    /** One or more lines over the same categories (hours, days); each series is name → values. */
    public static Map<String, Object> line(String title, List<String> categories,
                                           Map<String, List<? extends Number>> series, boolean area) {
        return line(title, categories, series, area, List.of());
    }

    /** With each series' unit, in order ({@link #COUNT} where none is given); each series has its own axis. */
    public static Map<String, Object> line(String title, List<String> categories,
                                           Map<String, List<? extends Number>> series, boolean area,
                                           List<String> units) {
        Map<String, Object> option = base(title);
        option.put("tooltip", map("trigger", "axis"));
        option.put("legend", map("bottom", 0));
        option.put("grid", map("left", 8, "right", 16, "top", title == null ? 16 : 48, "bottom", 32,
                "containLabel", true));
        option.put("xAxis", map("type", "category", "data", categories, "boundaryGap", false));
        List<Object> axes = new ArrayList<>();
        List<Object> lines = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<? extends Number>> s : series.entrySet()) {
            String unit = index < units.size() ? units.get(index) : COUNT;
            Map<String, Object> axis = map("type", "value", "position", index == 0 ? "left" : "right",
                    "splitLine", map("show", index == 0), "andesUnit", unit);
            if (COUNT.equals(unit)) {
                axis.put("minInterval", 1); // whole orders: never a tick at 0,2 órdenes
            }
            axes.add(axis);
            Map<String, Object> line = map("type", "line", "name", s.getKey(), "data", s.getValue(),
                    "yAxisIndex", index, "showSymbol", false, "andesUnit", unit); // straight: a smoothed curve dips below real days
            if (area && index == 0) {
                line.put("areaStyle", map("opacity", 0.15));
            }
            lines.add(line);
            index++;
        }
        option.put("yAxis", axes);
        option.put("series", lines);
        return option;
    }

    /** A ring of slices, for mixes (order types, states). */
    public static Map<String, Object> pie(String title, List<String> names, List<? extends Number> values,
                                          String unit) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            data.add(map("name", names.get(i), "value", values.get(i)));
        }
        Map<String, Object> option = base(title);
        option.put("tooltip", map("trigger", "item"));
        option.put("legend", map("type", "scroll", "bottom", 0));
        option.put("series", List.of(map("type", "pie", "andesUnit", unit, "radius", List.of("40%", "68%"),
                "center", List.of("50%", "48%"), "data", data, "label", map("show", false),
                "itemStyle", map("borderRadius", 4, "borderWidth", 2))));
        return option;
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        if (title != null) {
            option.put("title", map("text", title, "left", 0, "textStyle", map("fontSize", 14, "fontWeight", 600)));
        }
        option.put("animationDuration", 300);
        return option;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
