package cl.andesops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cl.andesops.flags.Judgement.Outcome;
import cl.andesops.rules.RuleTable;
import cl.andesops.tenders.TenderFlagInputs.Offer;
import cl.andesops.tenders.TenderFlagInputs.TenderCase;

/** Each tender indicator on hand-made tenders: one that fires, one that does not, and one it cannot judge. */
class TenderIndicatorsTest {

    static final RuleTable RULES = RuleTable.shipped();
    static final ZoneId CHILE = ZoneId.of("America/Santiago");

    static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(CHILE).toInstant();
    }

    static TenderCase tender(String type, int state, String published, String closes, Long estimate,
            List<Offer> offers) {
        return tender(type, null, state, published, closes, estimate, offers);
    }

    static TenderCase tender(String type, Boolean openCall, int state, String published, String closes, Long estimate,
            List<Offer> offers) {
        return new TenderCase(1, "1-1-" + type + "25", "t", type, 1, state, at(published), at(closes), "CLP",
                estimate == null ? null : BigDecimal.valueOf(estimate), estimate, true, "7248", "Municipalidad",
                openCall, offers);
    }

    static Offer offer(int line, String supplier, String state, long unit, long total, boolean selected,
            Long awarded) {
        return new Offer(line, supplier, "7601255" + supplier.charAt(0) + "-2", "Proveedor " + supplier, state,
                "Peso Chileno", BigDecimal.ONE, BigDecimal.valueOf(unit), BigDecimal.valueOf(total),
                awarded == null ? null : BigDecimal.valueOf(awarded), selected);
    }

    static Judgement only(List<Judgement> js, Indicator i) {
        List<Judgement> of = js.stream().filter(j -> j.indicator() == i).toList();
        assertThat(of).as(i.id).hasSizeLessThanOrEqualTo(1);
        return of.isEmpty() ? null : of.getFirst();
    }

    static Judgement judge(TenderCase t, Indicator i) {
        return only(TenderIndicators.judge(t, RULES), i);
    }

    @Test
    void single_bid_fires_on_an_awarded_open_tender_with_one_bidder_and_not_on_a_private_one() {
        List<Offer> one = List.of(offer(1, "A", "Aceptada", 100, 100, true, 100L));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, one), Indicator.SINGLE_BID)
                .outcome()).isEqualTo(Outcome.FIRED);
        assertThat(judge(tender("CO", 8, "2025-03-03", "2025-03-20", 10_000_000L, one), Indicator.SINGLE_BID))
                .as("a private tender invites: one bid is not the same signal").isNull();
        List<Offer> two = List.of(one.getFirst(), offer(1, "B", "Aceptada", 120, 120, false, null));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, two), Indicator.SINGLE_BID)
                .outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(judge(tender("LE", 6, "2025-03-03", "2025-03-20", 10_000_000L, one), Indicator.SINGLE_BID))
                .as("not awarded yet").isNull();
        Judgement none = judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, List.of()),
                Indicator.SINGLE_BID);
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_JUDGED);
        assertThat(none.outcomeCode()).isEqualTo("N:missing-offers");
    }

    @Test
    void single_bid_takes_whether_the_call_was_open_from_the_file_before_the_type() {
        List<Offer> one = List.of(offer(1, "A", "Aceptada", 100, 100, true, 100L));
        assertThat(judge(tender("LE", false, 8, "2025-03-03", "2025-03-20", 10_000_000L, one), Indicator.SINGLE_BID))
                .as("a public type called closed (TipoConvocatoria 0) invited its bidders").isNull();
        assertThat(judge(tender("CO", true, 8, "2025-03-03", "2025-03-20", 10_000_000L, one), Indicator.SINGLE_BID)
                .outcome()).as("the file says anyone could bid").isEqualTo(Outcome.FIRED);
    }

    @Test
    void rivals_rejected_fires_when_every_other_bidder_was_turned_away() {
        List<Offer> offers = List.of(offer(1, "A", "Aceptada", 100, 100, true, 100L),
                offer(1, "B", "Rechazada", 90, 90, false, null), offer(1, "C", "Rechazada", 95, 95, false, null));
        Judgement j = judge(tender("LP", 8, "2025-03-03", "2025-03-30", 100_000_000L, offers),
                Indicator.RIVALS_REJECTED);
        assertThat(j.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(j.args()).containsExactly(2L, "Proveedor A");
        List<Offer> oneKept = List.of(offers.get(0), offers.get(1), offer(1, "C", "Aceptada", 95, 95, false, null));
        assertThat(judge(tender("LP", 8, "2025-03-03", "2025-03-30", 100_000_000L, oneKept),
                Indicator.RIVALS_REJECTED).outcome()).isEqualTo(Outcome.CLEAR);
    }

    @Test
    void winner_over_cheapest_fires_past_half_again_the_cheapest_accepted_unit_price() {
        List<Offer> dear = List.of(offer(1, "A", "Aceptada", 160, 160, true, 160L),
                offer(1, "B", "Aceptada", 100, 100, false, null), offer(1, "C", "Rechazada", 10, 10, false, null));
        Judgement j = judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, dear),
                Indicator.WINNER_OVER_CHEAPEST);
        assertThat(j.outcome()).as("the rejected 10 is not the cheapest accepted").isEqualTo(Outcome.FIRED);
        assertThat(j.args()).startsWith(60L, 1);
        assertThat(j.score()).isEqualTo(1.6);
        List<Offer> close = List.of(offer(1, "A", "Aceptada", 149, 149, true, 149L),
                offer(1, "B", "Aceptada", 100, 100, false, null));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, close),
                Indicator.WINNER_OVER_CHEAPEST).outcome()).isEqualTo(Outcome.CLEAR);
    }

    @Test
    void identical_bids_fire_on_the_same_odd_total_from_two_suppliers_never_on_round_or_small_ones() {
        List<Offer> same = List.of(offer(1, "A", "Aceptada", 1, 1_234_567, true, 1L),
                offer(1, "B", "Aceptada", 1, 1_234_567, false, null));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, same),
                Indicator.IDENTICAL_BIDS).outcome()).isEqualTo(Outcome.FIRED);
        List<Offer> round = List.of(offer(1, "A", "Aceptada", 1, 1_235_000, true, 1L),
                offer(1, "B", "Aceptada", 1, 1_235_000, false, null));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, round),
                Indicator.IDENTICAL_BIDS).outcome()).isEqualTo(Outcome.CLEAR);
        List<Offer> small = List.of(offer(1, "A", "Aceptada", 1, 99_999, true, 1L),
                offer(1, "B", "Aceptada", 1, 99_999, false, null));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, small),
                Indicator.IDENTICAL_BIDS).outcome()).isEqualTo(Outcome.CLEAR);
    }

    @Test
    void a_type_is_judged_by_its_band_on_its_own_day_with_the_vat_margin() {
        long utm = 68_034; // March 2025
        // LQ in June 2025: 2,000-5,000 UTM; 3,000 UTM fits
        assertThat(judge(tender("LQ", 6, "2025-06-02", "2025-06-30", 3_000 * 68_785L, List.of()),
                Indicator.TYPE_AMOUNT_MISMATCH).outcome()).isEqualTo(Outcome.CLEAR);
        // an L1 of 110 UTM is within the net/gross margin; one of 200 UTM is not
        assertThat(judge(tender("L1", 6, "2025-03-03", "2025-03-12", 110 * utm, List.of()),
                Indicator.TYPE_AMOUNT_MISMATCH).outcome()).isEqualTo(Outcome.CLEAR);
        Judgement big = judge(tender("L1", 6, "2025-03-03", "2025-03-12", 200 * utm, List.of()),
                Indicator.TYPE_AMOUNT_MISMATCH);
        assertThat(big.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(big.args()).containsExactly("L1", BigDecimal.valueOf(200), "0–100", "LE / CO", utm);
        // LP of 3,000 UTM: fits after 2025-10-23 (LP to 5,000), not before (LP to 2,000, +19 %)
        assertThat(judge(tender("LP", 6, "2025-11-03", "2025-12-01", 3_000 * 69_542L, List.of()),
                Indicator.TYPE_AMOUNT_MISMATCH).outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(judge(tender("LP", 6, "2025-06-02", "2025-06-30", 3_000 * 68_785L, List.of()),
                Indicator.TYPE_AMOUNT_MISMATCH).outcome()).isEqualTo(Outcome.FIRED);
        assertThat(judge(tender("LE", 6, "2025-06-02", "2025-06-30", null, List.of()),
                Indicator.TYPE_AMOUNT_MISMATCH).outcomeCode()).isEqualTo("N:missing-amount");
    }

    @Test
    void a_publication_period_is_short_below_its_types_reduced_minimum_less_a_day() {
        assertThat(judge(tender("LE", 6, "2025-03-03", "2025-03-07", 10_000_000L, List.of()),
                Indicator.SHORT_PUBLICATION).outcome()).as("4 days is 5 less one").isEqualTo(Outcome.CLEAR);
        Judgement j = judge(tender("LE", 6, "2025-03-03", "2025-03-05", 10_000_000L, List.of()),
                Indicator.SHORT_PUBLICATION);
        assertThat(j.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(j.args()).containsExactly(2L, "LE", 10, 5);
        assertThat(judge(tender("LR", 6, "2025-03-03", "2025-04-01", 10_000_000_000L, List.of()),
                Indicator.SHORT_PUBLICATION).outcome()).as("29 days is 30 less one").isEqualTo(Outcome.CLEAR);
        assertThat(judge(tender("LR", 6, "2025-03-03", "2025-03-31", 10_000_000_000L, List.of()),
                Indicator.SHORT_PUBLICATION).outcome()).as("28 days against 30").isEqualTo(Outcome.FIRED);
    }

    @Test
    void an_award_above_the_estimate_fires_past_20_percent_and_unit_price_contracts_are_left_out() {
        List<Offer> won = new ArrayList<>(List.of(offer(1, "A", "Aceptada", 1, 1, true, 13_000_000L)));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, won),
                Indicator.AWARD_OVER_ESTIMATE).args()).containsExactly(30L, BigDecimal.valueOf(13_000_000),
                10_000_000L);
        List<Offer> fair = List.of(offer(1, "A", "Aceptada", 1, 1, true, 11_900_000L));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, fair),
                Indicator.AWARD_OVER_ESTIMATE).outcome()).isEqualTo(Outcome.CLEAR);
        List<Offer> unit = List.of(offer(1, "A", "Aceptada", 1, 1, true, 900_000L));
        assertThat(judge(tender("LE", 8, "2025-03-03", "2025-03-20", 10_000_000L, unit),
                Indicator.AWARD_OVER_ESTIMATE).outcomeCode()).isEqualTo("N:unit-price-contract");
    }
}
