package cl.andesops.shared.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void daily_lines_are_drawn_straight_between_the_days_never_smoothed_below_them() {
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("Monto", List.of(10, 0, 10));
        series.put("Órdenes", List.of(1, 0, 1));
        Map<String, Object> option = ChartOptions.line(null, List.of("01-11", "02-11", "03-11"), series, true);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) option.get("series");
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l.getOrDefault("smooth", false)).isEqualTo(false));
    }
}
