package cl.andesops.shared.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void clp_uses_dots_for_thousands_and_no_decimals() {
        assertThat(Formats.clp(new BigDecimal("1234567"))).isEqualTo("$ 1.234.567");
        assertThat(Formats.clp(new BigDecimal("41650.0"))).isEqualTo("$ 41.650");
        assertThat(Formats.clp(new BigDecimal("999.5"))).isEqualTo("$ 1.000");
        assertThat(Formats.clp(0)).isEqualTo("$ 0");
        assertThat(Formats.clp(new BigDecimal("-2500"))).isEqualTo("-$ 2.500");
        assertThat(Formats.clp((BigDecimal) null)).isEmpty();
    }

    @Test
    void compact_clp_reads_as_millions() {
        assertThat(Formats.clpCompact(new BigDecimal("1250000"))).isEqualTo("$ 1,3 MM");
        assertThat(Formats.clpCompact(new BigDecimal("3400000000"))).isEqualTo("$ 3,4 mil MM");
        assertThat(Formats.clpCompact(new BigDecimal("950000"))).isEqualTo("$ 950.000");
    }

    @Test
    void uf_and_usd_keep_two_decimals_with_a_comma() {
        assertThat(Formats.uf(new BigDecimal("1234.5"))).isEqualTo("UF 1.234,50");
        assertThat(Formats.usd(new BigDecimal("99999.999"))).isEqualTo("US$ 100.000,00");
        assertThat(Formats.money(new BigDecimal("12.3"), "CLF")).isEqualTo("UF 12,30");
        assertThat(Formats.money(new BigDecimal("12"), " CLP ")).isEqualTo("$ 12");
        assertThat(Formats.money(new BigDecimal("12"), "XYZ")).isEqualTo("XYZ 12,00");
    }

    @Test
    void dates_are_shown_in_chile_time_across_daylight_saving() {
        // 2026-01-15 is summer time in Chile (UTC-3), 2026-07-15 winter time (UTC-4)
        assertThat(Formats.dateTime(Instant.parse("2026-01-15T12:00:00Z"))).isEqualTo("15-01-2026 09:00");
        assertThat(Formats.dateTime(Instant.parse("2026-07-15T12:00:00Z"))).isEqualTo("15-07-2026 08:00");
        // English writes numbers as English does
        assertThat(Formats.in(java.util.Locale.ENGLISH, () -> Formats.clp(1_234_567))).isEqualTo("$ 1,234,567");
        assertThat(Formats.in(java.util.Locale.ENGLISH, () -> Formats.count(12_345))).isEqualTo("12,345");
        assertThat(Formats.in(java.util.Locale.ENGLISH, () -> Formats.clpCompact(new java.math.BigDecimal("3400000000"))))
                .isEqualTo("$ 3.4 B");
        assertThat(Formats.in(java.util.Locale.ENGLISH, () -> Formats.uf(new java.math.BigDecimal("1234.5"))))
                .isEqualTo("UF 1,234.50");
        assertThat(Formats.clp(1_234_567)).isEqualTo("$ 1.234.567");
        assertThat(Formats.clpCompact(new java.math.BigDecimal("3400000000"))).isEqualTo("$ 3,4 mil MM");
        // a day from the open-data files has no time of day: the date alone, not "00:00"
        assertThat(Formats.dateTime(Instant.parse("2026-01-15T03:00:00Z"))).isEqualTo("15-01-2026");
        assertThat(Formats.dateTime(Instant.parse("2026-01-15T03:00:01Z"))).isEqualTo("15-01-2026 00:00");
        assertThat(Formats.date(Instant.parse("2026-07-16T02:00:00Z"))).isEqualTo("15-07-2026");
        assertThat(Formats.fromChileLocal(LocalDateTime.parse("2026-07-15T08:00:00")))
                .isEqualTo(Instant.parse("2026-07-15T12:00:00Z"));
    }

    @Test
    void relative_times_in_spanish_and_english() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        assertThat(Formats.relative(now.minusSeconds(300), now, Formats.ES_CL)).isEqualTo("hace 5 min");
        assertThat(Formats.relative(now.minusSeconds(10), now, Formats.ES_CL)).isEqualTo("recién");
        assertThat(Formats.relative(now.plusSeconds(2 * 86_400), now, Formats.ES_CL)).isEqualTo("en 2 días");
        assertThat(Formats.relative(now.minusSeconds(3 * 3600), now, Formats.ES_CL)).isEqualTo("hace 3 h");
        assertThat(Formats.relative(now.minusSeconds(300), now, Locale.ENGLISH)).isEqualTo("5 min ago");
        assertThat(Formats.relative(now.plusSeconds(86_400), now, Locale.ENGLISH)).isEqualTo("in 1 day");
    }
}
