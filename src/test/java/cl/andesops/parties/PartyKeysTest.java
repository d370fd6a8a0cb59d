package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import cl.andesops.shared.format.PartyKeys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A supplier is its RUT whatever its spelling; a wrong check digit is no key; a buyer is its organism's code. */
class PartyKeysTest {

    @Test
    void any_spelling_of_a_rut_is_one_supplier_and_a_wrong_check_digit_is_none() {
        for (String spelling : new String[]{"77.740.881-K", "77740881-k", " 77740881K ", "77.740.881-k"}) {
            assertThat(PartyKeys.supplier(spelling)).as(spelling).contains("77740881-K");
            assertThat(PartyKeys.supplierPath(spelling)).isEqualTo("suppliers/77740881-K");
        }
        assertThat(PartyKeys.supplier("77.740.881-5")).isEmpty();
        assertThat(PartyKeys.supplierPath("77.740.881-5")).isNull();
        assertThat(PartyKeys.supplierPath(null)).isNull();
        assertThat(Parties.spellings(cl.andesops.shared.format.Rut.parse("77740881-K").orElseThrow()))
                .containsExactlyInAnyOrder("77.740.881-K", "77740881-K", "77.740.881-k", "77740881-k");
    }

    @Test
    void a_buyer_is_its_organism_code_digits_only() {
        assertThat(PartyKeys.buyerPath(" 6980 ")).isEqualTo("buyers/6980");
        assertThat(PartyKeys.buyerPath("69a80")).isNull();
        assertThat(PartyKeys.buyerPath("")).isNull();
        assertThat(PartyKeys.buyerPath("../admin")).isNull();
    }

    @Test
    void concentration_is_the_sum_of_squared_percent_shares() {
        assertThat(Figures.hhi(new long[]{100})).isEqualTo(10_000);
        assertThat(Figures.hhi(new long[]{50, 50})).isEqualTo(5_000);
        assertThat(Figures.hhi(new long[]{25, 25, 25, 25})).isEqualTo(2_500);
        assertThat(Figures.hhi(new long[]{})).isZero();
    }

    @Test
    void a_period_comes_from_the_address_twelve_months_by_default() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 6);
        assertThat(Period.of(null, null, null, today)).isEqualTo(new Period(java.time.LocalDate.of(2025, 12, 7),
                today));
        assertThat(Period.of(null, null, "todo", today).from()).isEqualTo(java.time.LocalDate.of(2007, 1, 1));
        assertThat(Period.of("2026-01-01", "2026-03-31", "24", today)).isEqualTo(new Period(
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 3, 31)));
        assertThat(Period.of("ayer", "hoy", "x", today)).isEqualTo(Period.lastYear(today));
    }
}
