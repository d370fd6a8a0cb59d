package cl.andesops.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cl.andesops.rules.RuleBook.Rule;

/** Chile's rules applied as in force on the record's own day, from the shipped file and the months added to it. */
class RuleTableTest {

    final RuleTable rules = RuleTable.shipped();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void the_lp_band_widens_and_lq_ends_on_the_23rd_of_october_2025() {
        assertThat(rules.band("LP", d("2025-10-22")).orElseThrow().max()).isEqualByComparingTo("2000");
        assertThat(rules.band("LP", d("2025-10-23")).orElseThrow().max()).isEqualByComparingTo("5000");
        assertThat(rules.band("LQ", d("2025-10-22"))).isPresent();
        assertThat(rules.band("LQ", d("2025-10-23"))).isEmpty();
        assertThat(rules.band("B2", d("2025-10-23"))).as("the private LP band is not widened").isEmpty();
        assertThat(types(rules.bandsHolding(new BigDecimal("3000"), d("2025-06-01")))).containsExactly("LQ", "H2");
        assertThat(types(rules.bandsHolding(new BigDecimal("3000"), d("2025-11-01")))).containsExactly("LP");
        assertThat(types(rules.bandsHolding(new BigDecimal("99.99"), d("2025-11-01")))).containsExactly("L1", "E2");
        assertThat(types(rules.bandsHolding(new BigDecimal("100"), d("2025-11-01")))).containsExactly("LE", "CO");
        assertThat(types(rules.bandsHolding(new BigDecimal("5000"), d("2020-01-01")))).containsExactly("LR", "I2");
        assertThat(rules.band("SE", d("2025-01-01"))).as("an order type has no band").isEmpty();
    }

    @Test
    void compra_agil_ceiling_and_the_published_intention_start_on_the_12th_of_december_2024() {
        assertThat(rules.compraAgilCeiling(d("2024-12-11")).max()).isEqualByComparingTo("30");
        assertThat(rules.compraAgilCeiling(d("2024-12-12")).max()).isEqualByComparingTo("100");
        assertThat(rules.directAwardIntention(d("2024-12-11"))).isEmpty();
        assertThat(rules.directAwardIntention(d("2024-12-12")).orElseThrow().min()).isEqualByComparingTo("1000");
    }

    @Test
    void minimum_publication_days_by_type_with_what_they_may_be_reduced_to() {
        Rule le = rules.minPublication("LE", d("2025-05-05")).orElseThrow();
        assertThat(le.days()).isEqualTo(10);
        assertThat(le.reducibleTo()).isEqualTo(5);
        assertThat(rules.minPublication("L1", d("2025-05-05")).orElseThrow().days()).isEqualTo(5);
        assertThat(rules.minPublication("L1", d("2025-05-05")).orElseThrow().reducibleTo()).isNull();
        assertThat(rules.minPublication("LQ", d("2025-05-05")).orElseThrow().days()).isEqualTo(20);
        assertThat(rules.minPublication("LR", d("2025-05-05")).orElseThrow().days()).isEqualTo(30);
        assertThat(rules.minPublication("CO", d("2025-05-05")).orElseThrow().days()).isEqualTo(10);
    }

    @Test
    void the_utm_is_the_value_of_the_records_month_and_a_month_without_one_says_it_assumes_the_last() {
        assertThat(rules.utm(d("2025-03-15")).pesos()).isEqualTo(68_034);
        assertThat(rules.utm(d("2025-03-15")).assumed()).isFalse();
        UtmValue nov = rules.utm(d("2026-11-02"));
        assertThat(nov.pesos()).isEqualTo(71_721);
        assertThat(nov.assumed()).isTrue();
        assertThat(nov.knownMonth()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(rules.clp(new BigDecimal("100"), d("2024-12-20"))).isEqualTo(6_729_400);
        assertThat(rules.inUtm(6_729_400, d("2024-12-20"))).isEqualByComparingTo("100");
    }

    @Test
    void a_month_added_by_hand_wins_and_changes_the_fingerprint() {
        YearMonth oct = YearMonth.of(2026, 10);
        RuleTable added = new RuleTable(RuleBook.shipped(),
                Map.of(oct, new UtmValue(oct, 71_900, UtmValue.Source.MANUAL, oct)));
        assertThat(added.utm(d("2026-10-10")).pesos()).isEqualTo(71_900);
        assertThat(added.utm(d("2026-10-10")).source()).isEqualTo(UtmValue.Source.MANUAL);
        assertThat(added.utm(d("2026-11-10")).pesos()).as("carried forward").isEqualTo(71_900);
        assertThat(added.fingerprint()).isNotEqualTo(rules.fingerprint()).startsWith(rules.fingerprint());
    }

    @Test
    void every_shipped_value_names_its_source_and_every_utm_month_follows_the_one_before_within_5_percent() {
        assertThat(rules.book().rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(rules.book().rules()).extracting(Rule::id).doesNotHaveDuplicates();
        List<UtmValue> months = rules.utmMonths();
        for (int i = 1; i < months.size(); i++) {
            UtmValue a = months.get(i - 1);
            UtmValue b = months.get(i);
            assertThat(b.month()).isEqualTo(a.month().plusMonths(1));
            assertThat(Math.abs(b.pesos() - a.pesos())).as("%s after %s", b, a).isLessThanOrEqualTo(a.pesos() / 20);
        }
        for (String p : List.of("param.winner-over-cheapest", "param.award-over-estimate", "param.peers-min",
                "param.noise-rate", "param.repeated-direct-awards", "param.split-window-days")) {
            assertThat(rules.parameter(p).value()).as(p).isNotNull();
        }
    }

    @Test
    void a_rules_file_with_a_rule_without_source_is_refused() {
        String json = """
                {"version": "x", "utm": {"source": "s", "months": {}},
                 "rules": [{"id": "band.L1", "kind": "band", "min": 0, "max": 100}]}""";
        assertThatThrownBy(() -> RuleBook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("source");
    }

    @Test
    void an_amount_in_utm_is_in_pesos_at_its_own_months_value() {
        Rules fixed = new Rules(null, null, null) {
            @Override
            public RuleTable table() {
                return rules;
            }
        };
        Pesos pesos = new Pesos(new cl.andesops.shared.config.FxRates(new BigDecimal("39500"),
                new BigDecimal("950"), new BigDecimal("1030")), fixed);
        assertThat(pesos.toClp(new BigDecimal("10"), "UTM", Instant.parse("2024-01-15T15:00:00Z")))
                .isEqualTo(646_660);
        assertThat(pesos.toClp(new BigDecimal("10"), "UTM", Instant.parse("2025-01-15T15:00:00Z")))
                .isEqualTo(674_290);
        assertThat(pesos.toClp(new BigDecimal("2"), "UF", Instant.parse("2025-01-15T15:00:00Z"))).isEqualTo(79_000);
    }

    static List<String> types(List<Rule> bands) {
        return bands.stream().flatMap(r -> r.types().stream()).toList();
    }
}
