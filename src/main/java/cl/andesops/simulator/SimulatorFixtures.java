package cl.andesops.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's records as the wire bytes its HTTP endpoints would send, without HTTP: for benchmarks and bulk
 * loads that must not pay the API's spacing.
 */
public final class SimulatorFixtures {

    private final SimWorld world;

    public SimulatorFixtures(SimulatorSettings settings) {
        this.world = new SimWorld(settings);
    }

    /** Every order detail of a day, each as the complete v1 answer to {@code ordenesdecompra.json?codigo=}. */
    public List<byte[]> orderDetails(LocalDate day, Instant now) {
        List<byte[]> out = new ArrayList<>();
        for (SimWorld.Order o : world.ordersOf(day)) {
            out.add(SimJson.write(SimJson.envelope(now, List.of(SimJson.order(o, now)))));
        }
        return out;
    }

    /** A tender as a search benchmark needs it: its text, its facets and its dates. */
    public record TenderText(String code, String name, String description, String items, String buyer,
                             String region, int stateCode, String type, long amount, long closesAt,
                             long publishedAt, String category) {
    }

    /** Every tender published on a day, with its state at {@code now}. */
    public List<TenderText> tenders(LocalDate day, Instant now) {
        List<TenderText> out = new ArrayList<>();
        for (SimWorld.Tender t : world.tendersOf(day)) {
            StringBuilder items = new StringBuilder();
            for (SimWorld.TenderLine l : t.lines()) {
                items.append(l.product().name()).append(". ").append(l.description()).append('\n');
            }
            out.add(new TenderText(t.code(), t.name(), t.description(), items.toString(), t.buyer().name(),
                    t.buyer().region().name(), t.stateCode(now), t.type(), t.estimatedAmount().longValue(),
                    t.closesAt().toEpochMilli(), t.publishedAt().toEpochMilli(),
                    t.lines().getFirst().product().categoryCode()));
        }
        return out;
    }

    public int ordersOn(LocalDate day) {
        return world.ordersOn(day);
    }
}
