package cl.andesops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cl.andesops.compraagil.CompraAgilFlagInputs.Quote;
import cl.andesops.compraagil.CompraAgilFlagInputs.RequestCase;
import cl.andesops.flags.Judgement.Outcome;
import cl.andesops.rules.RuleTable;

/** The Compra Ágil indicators on hand-made requests. */
class CompraAgilIndicatorsTest {

    static final RuleTable RULES = RuleTable.shipped();

    static RequestCase request(String published, Long amount, List<Quote> quotes) {
        return new RequestCase(1, "1079967-350-COT25", "r", 6, "OC emitida", TenderIndicatorsTest.at(published),
                TenderIndicatorsTest.at(published).plusSeconds(86_400 * 3), "CLP",
                amount == null ? null : BigDecimal.valueOf(amount), amount, "Carabineros", "60.505.102-2", null, null,
                quotes);
    }

    static Quote quote(long id, String rut, long total, boolean selected) {
        return new Quote(id, rut, "Proveedor " + id, BigDecimal.valueOf(total), selected, null);
    }

    static Judgement judge(RequestCase r, Indicator i) {
        return TenderIndicatorsTest.only(CompraAgilIndicators.judge(r, RULES), i);
    }

    @Test
    void a_purchase_on_fewer_than_three_quotes_fires_and_one_not_decided_is_not_judged() {
        List<Quote> two = List.of(quote(1, "1-9", 1_000_000, true), quote(2, "2-7", 1_100_000, false));
        Judgement j = judge(request("2025-03-03", 2_000_000L, two), Indicator.CA_FEW_QUOTES);
        assertThat(j.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(j.args()).containsExactly(2L, 3);
        List<Quote> three = List.of(two.get(0), two.get(1), quote(3, "3-5", 1_200_000, false));
        assertThat(judge(request("2025-03-03", 2_000_000L, three), Indicator.CA_FEW_QUOTES).outcome())
                .isEqualTo(Outcome.CLEAR);
        assertThat(judge(request("2025-03-03", 2_000_000L, List.of(quote(1, "1-9", 1, false))),
                Indicator.CA_FEW_QUOTES)).isNull();
    }

    @Test
    void the_cheapest_quote_not_chosen_fires_with_both_totals() {
        List<Quote> dear = List.of(quote(1, "1-9", 1_300_000, true), quote(2, "2-7", 1_000_000, false));
        Judgement j = judge(request("2025-03-03", 2_000_000L, dear), Indicator.CA_CHEAPEST_NOT_CHOSEN);
        assertThat(j.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(j.args()).containsExactly(BigDecimal.valueOf(1_300_000), BigDecimal.valueOf(1_000_000),
                "Proveedor 2", 30L, "");
        // the buyer's stated reason (NombreCriterio, from the file) is shown beside the figures
        List<Quote> reasoned = List.of(new Quote(1, "1-9", "Proveedor 1", BigDecimal.valueOf(1_300_000), true,
                " Plazos de entrega, el proveedor ofreció el plazo de entrega más conveniente "), quote(2, "2-7",
                1_000_000, false));
        Judgement why = judge(request("2025-03-03", 2_000_000L, reasoned), Indicator.CA_CHEAPEST_NOT_CHOSEN);
        assertThat(why.args().get(4)).isEqualTo("Plazos de entrega, el proveedor ofreció el plazo de entrega más "
                + "conveniente");
        Flags.Hit hit = new Flags.Hit(why.indicator(), why.recordCode(), Days.date(why.day()), why.buyerCode(),
                why.supplier(), why.score(), why.args(), why.records(), null, null);
        assertThat(FlagWords.why(hit, cl.andesops.shared.I18n.SPANISH)).contains("Motivo indicado por el comprador: "
                + "«Plazos de entrega");
        assertThat(FlagWords.why(hit, java.util.Locale.ENGLISH)).contains("The buyer's stated reason: \"Plazos");
        List<Quote> cheap = List.of(quote(1, "1-9", 1_000_000, true), quote(2, "2-7", 1_300_000, false));
        assertThat(judge(request("2025-03-03", 2_000_000L, cheap), Indicator.CA_CHEAPEST_NOT_CHOSEN).outcome())
                .isEqualTo(Outcome.CLEAR);
    }

    @Test
    void the_ceiling_is_30_utm_before_the_12th_of_december_2024_and_100_after() {
        long forty = 40 * 66_628L; // 40 UTM of November 2024
        assertThat(judge(request("2024-11-20", forty, List.of()), Indicator.CA_OVER_CEILING).outcome())
                .isEqualTo(Outcome.FIRED);
        assertThat(judge(request("2024-12-12", 40 * 67_294L, List.of()), Indicator.CA_OVER_CEILING).outcome())
                .isEqualTo(Outcome.CLEAR);
        Judgement over = judge(request("2025-03-03", 2_000_000L,
                List.of(quote(1, "1-9", 101 * 68_034L, true))), Indicator.CA_OVER_CEILING);
        assertThat(over.outcome()).as("the chosen quote, not the budget, is what was bought")
                .isEqualTo(Outcome.FIRED);
        assertThat(judge(request("2025-03-03", null, List.of()), Indicator.CA_OVER_CEILING).outcomeCode())
                .isEqualTo("N:missing-amount");
    }
}
