package cl.andesops.shared.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cl.andesops.shared.format.Formats;

/**
 * A chart's data as a table: one row per category (or slice), one column per series, values written as the page
 * writes them. It is the chart's text alternative (its first rows summarised as the chart's name) and what
 * "ver como tabla" shows.
 *
 * @param labels the rows' names, in the chart's order (a click on row i is a click on item i)
 * @param series the columns' names
 * @param cells  per row, the formatted value of each series
 */
record ChartTable(String title, List<String> labels, List<String> series, List<List<String>> cells) {

    /** How many rows the summary names before saying how many more there are. */
    static final int SUMMARISED = 5;

    @SuppressWarnings("unchecked")
    static ChartTable of(Map<String, Object> option) {
        String title = option.get("title") instanceof Map<?, ?> t && t.get("text") != null
                ? String.valueOf(t.get("text")) : "";
        List<Map<String, Object>> series = option.get("series") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.of();
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        if (!series.isEmpty() && "pie".equals(series.getFirst().get("type"))) {
            Map<String, Object> pie = series.getFirst();
            names.add(String.valueOf(pie.getOrDefault("name", "")));
            for (Object d : (List<Object>) pie.getOrDefault("data", List.of())) {
                Map<String, Object> item = (Map<String, Object>) d;
                labels.add(String.valueOf(item.get("name")));
                cells.add(List.of(format(item.get("value"), (String) pie.get("andesUnit"))));
            }
            return new ChartTable(title, labels, names, cells);
        }
        for (String axis : List.of("xAxis", "yAxis")) {
            if (option.get(axis) instanceof Map<?, ?> a && "category".equals(a.get("type"))) {
                ((List<Object>) a.get("data")).forEach(c -> labels.add(String.valueOf(c)));
            }
        }
        for (Map<String, Object> s : series) {
            names.add(String.valueOf(s.getOrDefault("name", "")));
        }
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new ArrayList<>();
            for (Map<String, Object> s : series) {
                List<Object> data = (List<Object>) s.getOrDefault("data", List.of());
                row.add(i < data.size() ? format(data.get(i), (String) s.get("andesUnit")) : "");
            }
            cells.add(row);
        }
        return new ChartTable(title, labels, names, cells);
    }

    static String format(Object value, String unit) {
        if (!(value instanceof Number n)) {
            return value == null ? "" : String.valueOf(value);
        }
        java.math.BigDecimal v = new java.math.BigDecimal(n.toString());
        if (ChartOptions.CLP.equals(unit)) {
            return Formats.clpCompact(v);
        }
        return v.stripTrailingZeros().scale() <= 0 ? Formats.count(v.longValue())
                : v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** The chart in words: its title, then its first rows and their values ({@code more} says how many are left). */
    String summary(String more) {
        StringBuilder b = new StringBuilder(title);
        int shown = Math.min(SUMMARISED, labels.size());
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? (title.isEmpty() ? "" : ": ") : "; ").append(labels.get(i)).append(' ')
                    .append(String.join(" / ", cells.get(i)));
        }
        if (labels.size() > shown) {
            b.append("; ").append(more.replace("{0}", Integer.toString(labels.size() - shown)));
        }
        return b.toString();
    }
}
