package cl.andesops.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A list reads its rows' signals once per page fetched and keeps a bounded number of them. */
class RecordSignalsTest {

    @Test
    void a_page_fetched_reads_its_signals_once_and_keeps_at_most_two_thousand_rows() {
        List<List<String>> asked = new ArrayList<>();
        RecordSignals signals = (codes, locale) -> {
            asked.add(List.copyOf(codes));
            return codes.contains("A") ? Map.of("A", "Señales: compra fraccionada") : Map.of();
        };
        RecordSignals.Rows rows = new RecordSignals.Rows(signals, Locale.ROOT);
        assertThat(rows.page(List.of("A", "B"), s -> s)).containsExactly("A", "B");
        assertThat(asked).containsExactly(List.of("A", "B"));
        assertThat(rows.text("A")).isEqualTo("Señales: compra fraccionada");
        assertThat(rows.text("B")).isNull();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < RecordSignals.Rows.KEPT + 10; i++) {
            many.add("R" + i);
        }
        rows.page(many, s -> s).count();
        assertThat(rows.text("A")).as("the oldest rows are let go").isNull();
    }
}
