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

    public int ordersOn(LocalDate day) {
        return world.ordersOn(day);
    }
}
