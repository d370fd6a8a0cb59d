package cl.andesops.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Words agree with their numbers in both languages ("1 mes en cola", not "1 meses en cola"). */
class I18nTest {

    private static final Locale ES = Locale.of("es", "CL");
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void counts_of_one_take_the_singular_and_others_the_plural() {
        assertThat(I18n.text(ES, "admin.history.queued", 1)).isEqualTo("1 mes en cola");
        assertThat(I18n.text(ES, "admin.history.queued", 12)).isEqualTo("12 meses en cola");
        assertThat(I18n.text(ES, "admin.history.queued", 0)).isEqualTo("Ningún mes en cola");
        assertThat(I18n.text(EN, "admin.history.queued", 1)).isEqualTo("1 month queued");
        assertThat(I18n.text(EN, "admin.history.queued", 2)).isEqualTo("2 months queued");
        assertThat(I18n.text(ES, "tenders.total", 1, "1")).isEqualTo("1 licitación");
        assertThat(I18n.text(ES, "tenders.total", 1234, "1.234")).isEqualTo("1.234 licitaciones");
        assertThat(I18n.text(EN, "tenders.total", 1, "1")).isEqualTo("1 tender");
        assertThat(I18n.text(ES, "ca.days", 1)).isEqualTo("1 día");
        assertThat(I18n.text(ES, "ca.days", 10)).isEqualTo("10 días");
        assertThat(I18n.text(EN, "ca.days", 1)).isEqualTo("1 day");
        assertThat(I18n.text(ES, "monitor.new", 1)).isEqualTo("1 orden nueva");
        assertThat(I18n.text(ES, "monitor.new", 3)).isEqualTo("3 órdenes nuevas");
        assertThat(I18n.text(EN, "monitor.new", 1)).isEqualTo("1 new order");
        assertThat(I18n.text(ES, "admin.cluster.summary", "SQLite", "nodo-a", "lidera", 1)).endsWith("1 nodo activo");
    }
}
