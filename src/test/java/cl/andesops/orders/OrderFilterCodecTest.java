package cl.andesops.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The address form of an order filter: what is written reads back the same, what is malformed reads as absent. */
class OrderFilterCodecTest {

    @Test
    void every_field_goes_to_the_address_and_back_unchanged() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            OrderFilter f = new OrderFilter(r.nextBoolean() ? "jeringas \"tipo luer\" -vidrio" : null,
                    r.nextBoolean() ? Set.of(4, 6) : Set.of(), r.nextBoolean() ? Set.of("SE", "AG") : Set.of(),
                    r.nextBoolean() ? "7248" : null, r.nextBoolean() ? "76.111.111-1" : null,
                    r.nextBoolean() ? "Región de Valparaíso" : null, r.nextBoolean() ? (long) r.nextInt(1_000) : null,
                    r.nextBoolean() ? (long) r.nextInt(1_000_000) : null,
                    r.nextBoolean() ? LocalDate.of(2026, 1, 1 + r.nextInt(28)) : null,
                    r.nextBoolean() ? LocalDate.of(2026, 2, 1 + r.nextInt(28)) : null,
                    r.nextBoolean() ? Set.of("42142600", "43211500") : Set.of());
            assertThat(OrderFilterCodec.decode(OrderFilterCodec.encode(f))).isEqualTo(f);
        }
        assertThat(OrderFilterCodec.encode(OrderFilter.none().withCategories(Set.of("43211500", "42142600"))))
                .containsEntry("rubro", List.of("42142600,43211500"));
    }

    @Test
    void what_an_address_cannot_mean_reads_as_no_filter() {
        OrderFilter f = OrderFilterCodec.decode(Map.of("desde", List.of("+999999999-12-31"), "min", List.of("mucho"),
                "estado", List.of("6,x"), "tipo", List.of(" ,SE,"), "rubro", List.of("x".repeat(41))));
        assertThat(f.from()).isNull();
        assertThat(f.minAmount()).isNull();
        assertThat(f.states()).containsExactly(6);
        assertThat(f.types()).containsExactly("SE");
        assertThat(f.categories()).isEmpty();
        assertThat(OrderFilterCodec.decode(Map.of("tipo", List.of("SE", "AG"))).types())
                .as("a repeated key counts too").containsExactlyInAnyOrder("SE", "AG");
    }
}
