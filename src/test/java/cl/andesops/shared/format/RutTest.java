package cl.andesops.shared.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RutTest {

    @Test
    void parses_and_formats_valid_ruts_in_any_spelling() {
        assertThat(Rut.parse("76.012.551-2")).get().hasToString("76.012.551-2");
        assertThat(Rut.parse("76012551-2")).get().hasToString("76.012.551-2");
        assertThat(Rut.parse(" 760125512 ")).get().hasToString("76.012.551-2");
        assertThat(Rut.parse("70.017.820-k")).get().hasToString("70.017.820-K");
        assertThat(Rut.parse("61.608.006-7")).get().hasToString("61.608.006-7");
        assertThat(Rut.parse("1-9")).get().hasToString("1-9");
    }

    @Test
    void rejects_a_wrong_check_digit_or_garbage() {
        assertThat(Rut.parse("76.012.551-3")).isEmpty();
        assertThat(Rut.parse("70.017.820-1")).isEmpty();
        assertThat(Rut.parse("abc")).isEmpty();
        assertThat(Rut.parse("")).isEmpty();
        assertThat(Rut.parse(null)).isEmpty();
        assertThat(Rut.parse("0-0")).isEmpty();
        assertThatThrownBy(() -> new Rut(76012551, '3')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void check_digit_covers_zero_and_k() {
        assertThat(Rut.checkDigitOf(70017820)).isEqualTo('K');
        assertThat(Rut.checkDigitOf(76012551)).isEqualTo('2');
        assertThat(Rut.formatOrKeep("not a rut ")).isEqualTo("not a rut");
        assertThat(Rut.formatOrKeep("760125512")).isEqualTo("76.012.551-2");
    }
}
