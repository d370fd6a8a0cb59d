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

    @Test
    void a_chart_reads_as_a_table_and_a_sentence_in_chile_numbers() {
        Map<String, Object> bars = ChartOptions.bar("Top compradores", List.of("A", "B", "C", "D", "E", "F", "G"),
                List.of(1_800_000_000L, 21_000_000L, 950_000L, 4L, 3L, 2L, 1L), "Monto (CLP)", true, ChartOptions.CLP);
        ChartTable table = ChartTable.of(bars);
        assertThat(table.labels()).containsExactly("A", "B", "C", "D", "E", "F", "G");
        assertThat(table.series()).containsExactly("Monto (CLP)");
        assertThat(table.cells().get(0)).containsExactly("$ 1,8 mil MM");
        assertThat(table.cells().get(2)).containsExactly("$ 950.000");
        assertThat(table.summary("y {0} más")).isEqualTo(
                "Top compradores: A $ 1,8 mil MM; B $ 21,0 MM; C $ 950.000; D $ 4; E $ 3; y 2 más");

        Map<String, Object> pie = ChartOptions.pie("Órdenes por estado", List.of("Aceptada", "Enviada"),
                List.of(21_000, 5), ChartOptions.COUNT);
        assertThat(ChartTable.of(pie).cells()).containsExactly(List.of("21.000"), List.of("5"));

        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("Monto", List.of(2_500_000L, 0L));
        series.put("Órdenes", List.of(21_000, 0));
        ChartTable lines = ChartTable.of(ChartOptions.line("Por día", List.of("01-11", "02-11"), series, true,
                List.of(ChartOptions.CLP, ChartOptions.COUNT)));
        assertThat(lines.cells()).containsExactly(List.of("$ 2,5 MM", "21.000"), List.of("$ 0", "0"));
    }
}
