package cl.andesops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cl.andesops.flags.Judgement.Outcome;
import cl.andesops.orders.OrderFlagInputs.OrderCase;
import cl.andesops.rules.RuleTable;

/** Runs of direct awards and split purchases on hand-made orders of one buyer to one supplier. */
class OrderIndicatorsTest {

    static final RuleTable RULES = RuleTable.shipped();
    static int ids = 0;

    static OrderCase order(String type, String day, long clp) {
        LocalDate d = LocalDate.parse(day);
        ids++;
        return new OrderCase(ids, "100-" + ids + "-" + type + "25", "o", type, 6,
                TenderIndicatorsTest.at(day), Days.number(d), clp, "7248", "Municipalidad", "76.012.551-2",
                "Proveedor", null, "4311", null, null);
    }

    static List<Judgement> judge(List<OrderCase> pair) {
        return OrderIndicators.judge(pair, 0, 99_991_231, RULES);
    }

    static List<Judgement> of(List<Judgement> js, Indicator i, Outcome o) {
        return js.stream().filter(j -> j.indicator() == i && j.outcome() == o).toList();
    }

    @Test
    void the_eighth_direct_award_within_a_year_fires_and_its_evidence_lists_the_run() {
        List<OrderCase> pair = new ArrayList<>();
        for (int m = 1; m <= 8; m++) {
            pair.add(order("D1", String.format("2025-%02d-10", m), 50_000_000));
        }
        pair.add(order("D1", "2026-07-15", 50_000_000)); // more than a year after the first seven
        List<Judgement> js = judge(pair);
        List<Judgement> fired = of(js, Indicator.REPEATED_DIRECT_AWARD, Outcome.FIRED);
        assertThat(fired).singleElement().satisfies(j -> {
            assertThat(j.recordCode()).isEqualTo(pair.get(7).code());
            assertThat(j.records()).hasSize(8).startsWith(pair.get(0).code());
            assertThat(j.args()).startsWith(8, 365);
        });
        assertThat(of(js, Indicator.REPEATED_DIRECT_AWARD, Outcome.CLEAR)).hasSize(8);
    }

    @Test
    void what_the_file_says_of_an_order_wins_over_its_type_and_the_type_rules_where_it_says_nothing() {
        List<OrderCase> files = new ArrayList<>();
        List<OrderCase> types = new ArrayList<>();
        for (int m = 1; m <= 8; m++) {
            OrderCase o = order("SE", "2025-%02d-10".formatted(m), 12_000_000);
            // a common-type order the file calls a direct award; a D1 the file says is not one
            files.add(new OrderCase(o.id(), o.code(), o.name(), "SE", o.stateCode(), o.sentAt(), o.day(),
                    o.amountClp(), o.buyerCode(), o.buyerName(), o.supplierRut(), o.supplierName(), null, "4311",
                    true, false));
            OrderCase d = order("D1", "2025-%02d-10".formatted(m), 12_000_000);
            types.add(new OrderCase(d.id(), d.code(), d.name(), "D1", d.stateCode(), d.sentAt(), d.day(),
                    d.amountClp(), d.buyerCode(), d.buyerName(), d.supplierRut(), d.supplierName(), null, "4311",
                    false, false));
        }
        assertThat(of(judge(files), Indicator.REPEATED_DIRECT_AWARD, Outcome.FIRED)).hasSize(1);
        assertThat(judge(types)).as("the file says none is a direct award").isEmpty();
        assertThat(OrderIndicators.judged(order("AG", "2025-03-03", 1), OrderIndicators.directTypes(RULES)))
                .as("without the file, the type").isTrue();
    }

    @Test
    void compra_agil_orders_each_under_the_ceiling_that_pass_it_within_30_days_are_a_split_purchase() {
        long utm = 68_034; // March 2025: ceiling 100 UTM
        OrderCase a = order("AG", "2025-03-03", 60 * utm);
        OrderCase b = order("AG", "2025-03-20", 50 * utm);
        OrderCase c = order("AG", "2025-05-20", 60 * utm); // two months on: alone
        List<Judgement> js = judge(List.of(a, b, c));
        assertThat(of(js, Indicator.SPLIT_PURCHASE, Outcome.FIRED)).extracting(Judgement::recordCode)
                .containsExactly(a.code(), b.code());
        Judgement fa = of(js, Indicator.SPLIT_PURCHASE, Outcome.FIRED).getFirst();
        assertThat(fa.records()).containsExactly(a.code(), b.code());
        assertThat(fa.args()).startsWith(2, 18L, 110 * utm, 100 * utm, "AG");
        assertThat(of(js, Indicator.SPLIT_PURCHASE, Outcome.CLEAR)).extracting(Judgement::recordCode)
                .containsExactly(c.code());
    }

    @Test
    void an_order_above_its_cap_is_not_a_piece_of_a_split_and_channels_do_not_mix() {
        long utm = 68_034;
        OrderCase big = order("AG", "2025-03-03", 120 * utm);
        OrderCase small = order("AG", "2025-03-05", 60 * utm);
        OrderCase direct = order("D1", "2025-03-06", 60 * utm);
        List<Judgement> js = judge(List.of(big, small, direct));
        assertThat(of(js, Indicator.SPLIT_PURCHASE, Outcome.FIRED)).isEmpty();
        assertThat(js).filteredOn(j -> j.indicator() == Indicator.SPLIT_PURCHASE).extracting(Judgement::recordCode)
                .containsExactly(small.code(), direct.code());
    }
}
