package cl.andesops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cl.andesops.flags.Judgement.Outcome;
import cl.andesops.orders.OrderPriceInputs.Line;
import cl.andesops.orders.OrderPriceInputs.Price;
import cl.andesops.rules.RuleTable;

/** A line far above its homogeneous product's median fires; a wide-spread or seldom-bought product is not judged. */
class UnitPricesTest {

    static final RuleTable RULES = RuleTable.shipped();

    static Map<String, UnitPrices.Norm> norms() {
        UnitPrices.Norms n = new UnitPrices.Norms();
        List<Price> prices = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            prices.add(new Price("42142609", "Caja", 18_000 + k * 100)); // syringes: 18,000 to 21,900
            prices.add(new Price("43211508", "Unidad", 100_000 * Math.pow(1 + k % 8, 2))); // computers: wide
        }
        for (int k = 0; k < 10; k++) {
            prices.add(new Price("30221001", "Unidad", 50_000)); // tents: seldom bought
        }
        prices.sort(java.util.Comparator.comparing(Price::productCode).thenComparing(Price::unit)
                .thenComparingDouble(Price::price));
        prices.forEach(n::accept);
        return n.finish();
    }

    static Line line(String product, String unit, double price) {
        return new Line(1, "100-1-SE25", 20250610, "7248", "76.012.551-2", product, "Producto", unit, price, true);
    }

    @Test
    void the_quartiles_are_those_of_each_product_and_unit() {
        UnitPrices.Norm syringes = norms().get(UnitPrices.key("42142609", "Caja"));
        assertThat(syringes.n()).isEqualTo(40);
        assertThat(syringes.median()).isEqualTo(19_950);
        assertThat(syringes.spread()).isLessThan(1.2);
        assertThat(norms().get(UnitPrices.key("43211508", "Unidad")).spread()).isGreaterThan(2.5);
    }

    @Test
    void a_line_over_five_times_its_homogeneous_products_median_fires_with_its_figures() {
        Judgement j = UnitPrices.judge(List.of(line("42142609", "Caja", 19_000),
                line("42142609", "Caja", 120_000)), norms(), RULES);
        assertThat(j.outcome()).isEqualTo(Outcome.FIRED);
        assertThat(j.recordCode()).isEqualTo("100-1-SE25");
        assertThat(j.args().get(1)).hasToString("120000");
        assertThat(j.args().get(2)).hasToString("19950");
        assertThat(j.args().get(3)).hasToString("6.0");
        assertThat(UnitPrices.judge(List.of(line("42142609", "Caja", 90_000)), norms(), RULES).outcome())
                .as("4.5 times the median").isEqualTo(Outcome.CLEAR);
        Flags.Hit hit = new Flags.Hit(j.indicator(), j.recordCode(), Days.date(j.day()), null, null, j.score(),
                j.args(), j.records(), null, null);
        assertThat(FlagWords.why(hit, cl.andesops.shared.I18n.SPANISH)).contains("$ 120.000 por Caja, 6 veces");
        // a line that names no unit is said per unit, not "per ,"
        UnitPrices.Norms none = new UnitPrices.Norms();
        for (int k = 0; k < 30; k++) {
            none.accept(new cl.andesops.orders.OrderPriceInputs.Price("15101505", "", 1_000 + k));
        }
        Judgement bare = UnitPrices.judge(List.of(line("15101505", "", 9_000)), none.finish(), RULES);
        String words = FlagWords.why(new Flags.Hit(bare.indicator(), bare.recordCode(), Days.date(bare.day()), null,
                null, bare.score(), bare.args(), bare.records(), null, null), java.util.Locale.ENGLISH);
        assertThat(words).contains("CLP 9,000 a unit").doesNotContain("per ,");
    }

    @Test
    void a_wide_spread_a_seldom_bought_product_or_no_price_in_pesos_is_not_judged_and_says_why() {
        assertThat(UnitPrices.judge(List.of(line("43211508", "Unidad", 9_000_000)), norms(), RULES).reason())
                .isEqualTo(UnitPrices.MIXED);
        assertThat(UnitPrices.judge(List.of(line("30221001", "Unidad", 900_000)), norms(), RULES).reason())
                .isEqualTo(UnitPrices.FEW);
        assertThat(UnitPrices.judge(List.of(line("42142609", "Pallet", 900_000)), norms(), RULES).reason())
                .as("the same product in another unit has no prices of its own").isEqualTo(UnitPrices.FEW);
        Line dollars = new Line(1, "100-1-SE25", 20250610, "7248", null, "42142609", "Producto", "Caja", 500.0,
                false);
        assertThat(UnitPrices.judge(List.of(dollars), norms(), RULES).reason()).isEqualTo(UnitPrices.NO_PRICE);
    }
}
