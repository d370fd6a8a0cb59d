package cl.andesops.shared.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options for the three shapes the screens use. Values are numbers (BigDecimal is written exactly);
 * labels are already formatted by the caller, in the user's language.
 */
public final class ChartOptions {

    private ChartOptions() {
    }

    /** Bars, one per category; horizontal bars suit long names (buyers, suppliers). */
    public static Map<String, Object> bar(String title, List<String> categories, List<? extends Number> values,
                                          String seriesName, boolean horizontal) {
        Map<String, Object> category = map("type", "category", "data", categories);
        Map<String, Object> value = map("type", "value");
        if (horizontal) {
            category.put("inverse", true);
            category.put("axisLabel", map("width", 160, "overflow", "truncate"));
        }
        Map<String, Object> option = base(title);
        option.put("tooltip", map("trigger", "axis"));
        option.put("grid", map("left", 8, "right", 16, "top", title == null ? 16 : 40, "bottom", 8,
                "containLabel", true));
        option.put(horizontal ? "yAxis" : "xAxis", category);
        option.put(horizontal ? "xAxis" : "yAxis", value);
        option.put("series", List.of(map("type", "bar", "name", seriesName, "data", values,
                "itemStyle", map("borderRadius", horizontal ? List.of(0, 4, 4, 0) : List.of(4, 4, 0, 0)))));
        return option;
    }

    /** One or more lines over the same categories (hours, days); each series is name → values. */
    public static Map<String, Object> line(String title, List<String> categories,
                                           Map<String, List<? extends Number>> series, boolean area) {
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
            axes.add(map("type", "value", "position", index == 0 ? "left" : "right",
                    "splitLine", map("show", index == 0)));
            Map<String, Object> line = map("type", "line", "name", s.getKey(), "data", s.getValue(),
                    "yAxisIndex", index, "showSymbol", false); // straight segments: a smoothed curve dips below real days
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
    public static Map<String, Object> pie(String title, List<String> names, List<? extends Number> values) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            data.add(map("name", names.get(i), "value", values.get(i)));
        }
        Map<String, Object> option = base(title);
        option.put("tooltip", map("trigger", "item"));
        option.put("legend", map("type", "scroll", "bottom", 0));
        option.put("series", List.of(map("type", "pie", "radius", List.of("40%", "68%"),
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
