package cl.andesops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cl.andesops.flags.Judgement.Outcome;
import cl.andesops.orders.OrderPeerInputs.Amount;
import cl.andesops.orders.OrderPeerInputs.Pair;
import cl.andesops.orders.OrderPeerInputs.Share;
import cl.andesops.rules.RuleTable;
import cl.andesops.shared.format.Rut;
import cl.andesops.tenders.TenderFlagInputs.Rejections;

/** The party indicators on hand-made sums: a party that stands out fires, its peers do not, too few is not judged. */
class PartyIndicatorsTest {

    static final RuleTable RULES = RuleTable.shipped();
    static final int DAY = 20250630;

    static String rut(int n) {
        return n + "-" + Rut.checkDigitOf(n);
    }

    static Judgement of(List<Judgement> js, Indicator i, String code) {
        return js.stream().filter(j -> j.indicator() == i && j.recordCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void a_quantile_leaves_out_the_party_itself() {
        double[] v = {1, 2, 3, 4, 100};
        assertThat(PartyIndicators.quantile(v, 0.5, Double.NaN)).isEqualTo(3);
        assertThat(PartyIndicators.quantile(v, 1.0, 100)).isEqualTo(4);
        assertThat(PartyIndicators.quantile(v, 0.5, 100)).isEqualTo(2.5);
    }

    @Test
    void a_binomial_tail_is_exact_on_small_cases() {
        assertThat(PartyIndicators.binomialTail(0, 10, 0.3)).isEqualTo(1);
        assertThat(PartyIndicators.binomialTail(3, 3, 0.5)).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PartyIndicators.binomialTail(2, 3, 0.5)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(PartyIndicators.binomialTail(240, 240, 1 / 3.0)).isLessThan(1e-100);
    }

    @Test
    void a_buyer_rejecting_far_more_offers_than_its_sector_fires_and_a_small_or_lonely_one_is_not_judged() {
        Map<String, String> sectors = new HashMap<>();
        List<Rejections> all = new ArrayList<>();
        for (int b = 0; b < 25; b++) {
            sectors.put("S" + b, "Salud");
            all.add(new Rejections("S" + b, 40, 1 + b % 3));
        }
        sectors.put("HIGH", "Salud");
        all.add(new Rejections("HIGH", 40, 20));
        sectors.put("SMALL", "Salud");
        all.add(new Rejections("SMALL", 10, 9));
        sectors.put("ALONE", "FFAA");
        all.add(new Rejections("ALONE", 50, 40));
        List<Judgement> js = PartyIndicators.rejections(all, sectors, DAY, RULES);

        Judgement high = of(js, Indicator.BUYER_REJECTS_BIDS, "HIGH");
        assertThat(high.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(high.buyerCode()).isEqualTo("HIGH");
        assertThat(high.args()).startsWith(20L, 40L);
        assertThat(high.args()).contains(25, "Salud"); // the peers counted leave the buyer itself out
        assertThat(of(js, Indicator.BUYER_REJECTS_BIDS, "SMALL").outcome()).isEqualTo(Outcome.NOT_JUDGED);
        assertThat(of(js, Indicator.BUYER_REJECTS_BIDS, "SMALL").reason()).isEqualTo(PartyIndicators.TOO_FEW);
        assertThat(of(js, Indicator.BUYER_REJECTS_BIDS, "ALONE").reason()).isEqualTo(PartyIndicators.NO_PEERS);
        assertThat(js.stream().filter(j -> j.outcome() == Outcome.FIRED)).hasSize(1);
    }

    @Test
    void compra_agil_orders_piling_up_just_below_the_ceiling_fire_and_a_smooth_spread_does_not() {
        LocalDate day = LocalDate.of(2025, 6, 10);
        double cap = RULES.compraAgilCeiling(day).max().doubleValue() * RULES.utm(day).pesos();
        Bunching bunching = new Bunching(RULES);
        Map<String, String> sectors = new HashMap<>();
        for (int b = 0; b < 25; b++) {
            sectors.put("M" + b, "Municipalidades");
            for (int k = 0; k < 20; k++) {
                bunching.accept(new Amount("M" + b, 20250610, "AG", (long) (cap * (0.72 + k * 0.008))));
            }
            for (int k = 0; k < 2 + b % 3; k++) {
                bunching.accept(new Amount("M" + b, 20250610, "AG", (long) (cap * 0.95)));
            }
        }
        sectors.put("PILED", "Municipalidades");
        for (int k = 0; k < 20; k++) {
            bunching.accept(new Amount("PILED", 20250610, "AG", (long) (cap * 0.97)));
        }
        // as many just below, but few enough that chance explains them: not judged a pile
        sectors.put("CHANCE", "Municipalidades");
        for (int k = 0; k < 14; k++) {
            bunching.accept(new Amount("CHANCE", 20250610, "AG", (long) (cap * 0.97)));
        }
        for (int k = 0; k < 12; k++) {
            bunching.accept(new Amount("CHANCE", 20250610, "AG", (long) (cap * 0.8)));
        }
        for (int k = 0; k < 10; k++) {
            bunching.accept(new Amount("PILED", 20250610, "AG", (long) (cap * 0.8)));
        }
        // the same amounts on orders that are not Compra Ágil are far from their caps (100 and 1,000 UTM)
        sectors.put("OTHER", "Municipalidades");
        for (int k = 0; k < 30; k++) {
            bunching.accept(new Amount("OTHER", 20250610, "SE", (long) (cap * 0.5)));
        }
        List<Judgement> js = bunching.judge(sectors, DAY);

        Judgement piled = of(js, Indicator.BUNCHING, "PILED");
        assertThat(piled.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(piled.args()).startsWith(20L, 10L);
        assertThat(of(js, Indicator.BUNCHING, "CHANCE").outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(js.stream().filter(j -> j.outcome() == Outcome.FIRED)).hasSize(1);
        assertThat(js.stream().filter(j -> j.recordCode().equals("OTHER"))).isEmpty();
        long[] range = bunching.range(day, day);
        assertThat(range[0]).isLessThanOrEqualTo((long) (cap * 0.7));
        assertThat(range[1]).isGreaterThanOrEqualTo((long) (1000 * RULES.utm(day).pesos() - 1));
    }

    @Test
    void a_buyer_whose_top_supplier_holds_most_of_a_category_fires_against_the_buyers_of_that_category() {
        Concentration c = new Concentration(RULES);
        // read by buyer and category, as the database gives them
        List<Share> rows = new ArrayList<>();
        for (int b = 0; b < 25; b++) {
            for (int s = 0; s < 4; s++) {
                rows.add(new Share("B" + (100 + b), "43211500", rut(76_000_000 + s), 3, 1_000_000 + b * 1000L));
            }
        }
        rows.add(new Share("CONC", "43211500", rut(77_000_001), 11, 9_000_000));
        rows.add(new Share("CONC", "43211500", rut(77_000_002), 1, 1_000_000));
        rows.add(new Share("CONC", "90101500", rut(77_000_003), 12, 5_000_000));
        rows.add(new Share("FEW", "43211500", rut(77_000_009), 4, 5_000_000));
        rows.sort(java.util.Comparator.comparing(Share::buyerCode).thenComparing(Share::category));
        rows.forEach(c::accept);
        List<Judgement> js = c.judge(DAY);

        Judgement conc = of(js, Indicator.SUPPLIER_CONCENTRATION, "CONC");
        assertThat(conc.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(conc.args().getFirst()).isEqualTo("43211500");
        assertThat(conc.supplier()).isEqualTo(rut(77_000_001));
        assertThat(of(js, Indicator.SUPPLIER_CONCENTRATION, "FEW").reason()).isEqualTo(PartyIndicators.TOO_FEW);
        assertThat(of(js, Indicator.SUPPLIER_CONCENTRATION, "B100").outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(js.stream().filter(j -> j.outcome() == Outcome.FIRED)).hasSize(1);
    }

    @Test
    void a_supplier_of_one_buyer_only_is_captive_and_one_across_many_segments_of_a_buyer_stands_out() {
        long utm = RULES.utm(Days.date(DAY)).pesos();
        List<Pair> pairs = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            pairs.add(new Pair(rut(78_000_000 + s), "B1", 6, 300 * utm, 1 + s % 2));
            pairs.add(new Pair(rut(78_000_000 + s), "B2", 6, 300 * utm, 1));
        }
        pairs.add(new Pair(rut(79_000_001), "B1", 12, 600 * utm, 1)); // captive
        pairs.add(new Pair(rut(79_000_002), "B1", 12, 300 * utm, 1)); // one buyer, but small
        pairs.add(new Pair(rut(79_000_003), "B3", 8, 1_000_000, 6)); // many segments of one buyer
        pairs.add(new Pair(rut(79_000_003), "B4", 2, 1_000_000, 1));
        pairs.add(new Pair(rut(79_000_004), "B3", 3, 1_000_000, 6)); // too few orders with that buyer
        pairs.add(new Pair("not a rut", "B3", 30, 900 * utm, 9));
        pairs.sort(java.util.Comparator.comparing(Pair::supplierRut).thenComparing(Pair::buyerCode));
        SupplierIndicators.Widest widest = new SupplierIndicators.Widest(RULES);
        pairs.forEach(widest::accept);
        double[] line = SupplierIndicators.segmentsLine(widest.histogram(), RULES);
        assertThat(line[0]).isEqualTo(2);
        assertThat(line[1]).as("one per supplier with a pair of five orders or more").isEqualTo(64);
        List<Judgement> js = new ArrayList<>();
        SupplierIndicators judge = new SupplierIndicators(RULES, DAY, line[0], (long) line[1], js::add);
        pairs.forEach(judge::accept);
        judge.finish();

        Judgement captive = of(js, Indicator.CAPTIVE_SUPPLIER, rut(79_000_001));
        assertThat(captive.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(captive.buyerCode()).isEqualTo("B1");
        assertThat(of(js, Indicator.CAPTIVE_SUPPLIER, rut(79_000_002)).reason()).isEqualTo(PartyIndicators.TOO_FEW);
        assertThat(of(js, Indicator.CAPTIVE_SUPPLIER, rut(78_000_000)).outcome()).isEqualTo(Outcome.CLEAR);
        Judgement many = of(js, Indicator.MANY_CATEGORIES, rut(79_000_003));
        assertThat(many.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(many.buyerCode()).isEqualTo("B3");
        assertThat(of(js, Indicator.MANY_CATEGORIES, rut(79_000_004)).reason()).isEqualTo(PartyIndicators.TOO_FEW);
        assertThat(of(js, Indicator.MANY_CATEGORIES, rut(78_000_001)).outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(js.stream().filter(j -> j.recordCode().equals("not a rut"))).isEmpty();
        assertThat(js.stream().filter(j -> j.outcome() == Outcome.FIRED)).hasSize(2);
    }
}
