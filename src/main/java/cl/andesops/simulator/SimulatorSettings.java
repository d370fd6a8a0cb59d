package cl.andesops.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Mercado Público: how big its market is (days of history the sync backfills, records per day), its
 * seed, and whether it enforces the real rules (burst rejection at its spacing, daily quota, the ticket). In
 * demo mode the client uses the same short spacing, so the last days appear within a minute. With
 * {@code weekdayRhythm} a Saturday has 15 % and a Sunday 8 % of a weekday's records, as the real market; tests turn
 * it off so that what they wait for does not depend on the day they run. {@code extensionAfter} is when, after its
 * publication, a tender whose period is extended sees its closing moved (unset: half-way through its first period).
 */
@ConfigurationProperties("andesops.simulator")
public record SimulatorSettings(
        @DefaultValue("20260101") long seed,
        @DefaultValue("10") int historyDays,
        @DefaultValue("1200") int ordersPerDay,
        @DefaultValue("120") int tendersPerDay,
        @DefaultValue("150") int compraAgilPerDay,
        @DefaultValue("3000") int suppliers,
        @DefaultValue("10ms") Duration minSpacing,
        @DefaultValue("true") boolean enforceRules,
        @DefaultValue("1000000") int dailyQuota,
        @DefaultValue("andesops-demo-ticket") String ticket,
        @DefaultValue("0") int port,
        @DefaultValue("true") boolean weekdayRhythm,
        Duration extensionAfter) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public SimulatorSettings {
    }

    public SimulatorSettings(long seed, int historyDays, int ordersPerDay, int tendersPerDay, int compraAgilPerDay,
                             int suppliers, Duration minSpacing, boolean enforceRules, int dailyQuota, String ticket,
                             int port, boolean weekdayRhythm) {
        this(seed, historyDays, ordersPerDay, tendersPerDay, compraAgilPerDay, suppliers, minSpacing, enforceRules,
                dailyQuota, ticket, port, weekdayRhythm, null);
    }

    /** Small and fast: for tests. */
    public static SimulatorSettings small(long seed) {
        return new SimulatorSettings(seed, 2, 40, 12, 12, 200, Duration.ofMillis(5), true, 1_000_000,
                "test-ticket", 0, false);
    }

    public SimulatorSettings withSpacing(Duration spacing) {
        return new SimulatorSettings(seed, historyDays, ordersPerDay, tendersPerDay, compraAgilPerDay, suppliers,
                spacing, enforceRules, dailyQuota, ticket, port, weekdayRhythm, extensionAfter);
    }

    public SimulatorSettings withQuota(int quota) {
        return new SimulatorSettings(seed, historyDays, ordersPerDay, tendersPerDay, compraAgilPerDay, suppliers,
                minSpacing, enforceRules, quota, ticket, port, weekdayRhythm, extensionAfter);
    }

    public SimulatorSettings withVolume(int days, int orders, int tenders, int compraAgil) {
        return new SimulatorSettings(seed, days, orders, tenders, compraAgil, suppliers, minSpacing, enforceRules,
                dailyQuota, ticket, port, weekdayRhythm, extensionAfter);
    }
}
