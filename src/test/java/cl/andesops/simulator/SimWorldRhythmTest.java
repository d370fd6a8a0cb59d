package cl.andesops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The demo market is quieter at weekends; the tests' market is not, so no test depends on the day it runs. */
class SimWorldRhythmTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 5);
    private static final LocalDate SUNDAY = LocalDate.of(2026, 12, 6);

    @Test
    void the_demo_market_publishes_a_fraction_of_a_weekday_at_weekends() {
        SimulatorSettings demo = SimulatorSettings.small(1).withVolume(0, 1_000, 100, 100);
        SimulatorSettings real = new SimulatorSettings(demo.seed(), demo.historyDays(), demo.ordersPerDay(),
                demo.tendersPerDay(), demo.compraAgilPerDay(), demo.suppliers(), demo.minSpacing(),
                demo.enforceRules(), demo.dailyQuota(), demo.ticket(), demo.port(), true);
        SimWorld world = new SimWorld(real);
        assertThat(world.ordersOn(WEDNESDAY)).isBetween(900, 1_100);
        assertThat(world.ordersOn(SATURDAY)).isEqualTo(150);
        assertThat(world.ordersOn(SUNDAY)).isEqualTo(80);
    }

    @Test
    void the_tests_market_publishes_a_weekdays_volume_every_day() {
        SimWorld world = new SimWorld(SimulatorSettings.small(1).withVolume(0, 1_000, 100, 100));
        for (LocalDate day = WEDNESDAY; !day.isAfter(SUNDAY.plusDays(1)); day = day.plusDays(1)) {
            assertThat(world.ordersOn(day)).as(day.getDayOfWeek().toString()).isBetween(900, 1_100);
        }
    }
}
