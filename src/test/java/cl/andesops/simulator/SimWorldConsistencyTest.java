package cl.andesops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.format.Formats;

/** The simulated market follows the rules a real tender follows: its type by amount, one subject, dates in order. */
class SimWorldConsistencyTest {

    private final SimWorld world = new SimWorld(SimulatorSettings.small(11).withVolume(0, 200, 120, 10));

    private List<SimWorld.Tender> tenders() {
        List<SimWorld.Tender> all = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 10, 1); d.isBefore(LocalDate.of(2025, 11, 15)); d = d.plusDays(1)) {
            all.addAll(world.tendersOf(d));
        }
        return all;
    }

    @Test
    void a_tenders_type_matches_its_estimated_amount_on_its_date() {
        for (SimWorld.Tender t : tenders()) {
            LocalDate day = SimWorld.day(t.publishedAt());
            if (t.plant() == SimPlants.Plant.TYPE_AMOUNT_MISMATCH) {
                assertThat(t.type()).as("planted: " + t.code() + " " + t.estimatedAmount())
                        .isNotEqualTo(SimTenders.typeFor(t.estimatedAmount().longValue(), day));
            } else if (Set.of("L1", "LE", "LP", "LQ", "LR").contains(t.type())) {
                assertThat(t.type()).as(t.code() + " " + t.estimatedAmount())
                        .isEqualTo(SimTenders.typeFor(t.estimatedAmount().longValue(), day));
            }
        }
        assertThat(SimTenders.typeFor(99 * 68_000L, LocalDate.of(2026, 1, 1))).isEqualTo("L1");
        assertThat(SimTenders.typeFor(3_000 * 68_000L, LocalDate.of(2025, 10, 21))).isEqualTo("LQ");
        assertThat(SimTenders.typeFor(3_000 * 68_000L, LocalDate.of(2025, 10, 22))).isEqualTo("LP");
        assertThat(SimTenders.typeFor(5_000 * 68_000L, LocalDate.of(2026, 1, 1))).isEqualTo("LR");
    }

    @Test
    void a_tenders_lines_are_of_one_subject_its_dates_in_order_and_its_code_as_real_ones() {
        List<SimWorld.Tender> all = tenders();
        for (SimWorld.Tender t : all) {
            String segment = t.lines().getFirst().product().categoryCode().substring(0, 2);
            assertThat(t.lines()).as(t.code()).allMatch(l -> l.product().categoryCode().startsWith(segment));
            assertThat(t.createdAt()).isBefore(t.publishedAt());
            assertThat(t.publishedAt()).isBefore(t.closesAt());
            assertThat(t.closesAt()).isBefore(t.awardAt());
            assertThat(t.code().split("-")[1]).as(t.code()).hasSizeLessThanOrEqualTo(5);
            assertThat(world.tender(t.code())).as(t.code()).contains(t);
        }
        // "medicos" no longer matches a third of all tenders: medical lines only in medical tenders
        long medical = all.stream().filter(t -> t.lines().stream().anyMatch(l -> l.product().categoryCode()
                .startsWith("42"))).count();
        assertThat(medical * 100 / all.size()).isLessThan(25);
    }

    @Test
    void an_order_is_public_once_sent_never_with_a_date_to_come() {
        LocalDate day = LocalDate.of(2026, 6, 10);
        Instant noon = day.atTime(12, 0).atZone(Formats.CHILE).toInstant();
        List<SimWorld.Order> visible = world.ordersVisible(day, noon);
        assertThat(visible).isNotEmpty().allMatch(o -> !o.sentAt().isAfter(noon));
    }

    @Test
    void one_tender_in_about_six_has_its_period_extended_once_half_way_and_none_planted() {
        List<SimWorld.Tender> all = tenders();
        List<SimWorld.Tender> extended = all.stream().filter(t -> t.extendedAt() != null).toList();
        assertThat(extended.size()).as("about one in six").isBetween(all.size() / 10, all.size() / 4);
        for (SimWorld.Tender t : extended) {
            assertThat(t.plant()).as(t.code()).isNull();
            assertThat(SimTenders.extended(t.code())).isTrue();
            Instant first = t.closesAt().minus(t.extension());
            assertThat(t.extension().toDays()).isBetween(3L, 5L);
            assertThat(t.extendedAt()).isAfter(t.publishedAt()).isBefore(first);
            assertThat(t.closesAt(t.extendedAt().minusSeconds(1))).as("before: the first closing").isEqualTo(first);
            assertThat(t.closesAt(t.extendedAt())).as("after: the last").isEqualTo(t.closesAt());
            assertThat(SimJson.listedTender(t, t.extendedAt().minusSeconds(1)).get("FechaCierre"))
                    .isNotEqualTo(SimJson.listedTender(t, t.extendedAt()).get("FechaCierre"));
        }
        assertThat(all.stream().filter(t -> t.extendedAt() == null)).allSatisfy(t ->
                assertThat(t.closesAt(t.publishedAt())).isEqualTo(t.closesAt()));
    }

    @Test
    void an_extension_may_be_set_to_come_soon_after_publication() {
        SimWorld soon = new SimWorld(new SimulatorSettings(11, 0, 200, 120, 10, 200, java.time.Duration.ofMillis(5),
                true, 1_000_000, "t", 0, false, java.time.Duration.ofSeconds(90)));
        SimWorld.Tender t = soon.tendersOf(LocalDate.of(2025, 10, 2)).stream().filter(x -> x.extendedAt() != null)
                .findFirst().orElseThrow();
        assertThat(java.time.Duration.between(t.publishedAt(), t.extendedAt())).hasSeconds(90);
    }
}
