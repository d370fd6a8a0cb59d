package cl.andesops.simulator;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The records of the simulated world that carry a planted pattern, by the indicator that should find it: what a
 * benchmark measures the indicators' precision and recall against. Never read by the app.
 */
public final class SimGroundTruth {

    private SimGroundTruth() {
    }

    /**
     * The planted records created from {@code from} to {@code to} (both included). A direct award is planted to be
     * found once its pair's run within a year, counted from {@code firstDay} (the first day the app holds), reaches
     * the rules' eight. A pattern counts once it can show at {@code now}: on an awarded tender, a decided request.
     */
    public static Map<String, Set<String>> planted(SimulatorSettings settings, LocalDate from, LocalDate to,
            LocalDate firstDay, java.time.Instant now) {
        SimWorld world = new SimWorld(settings);
        Map<String, Set<String>> out = new TreeMap<>();
        for (SimPlants.Plant p : SimPlants.Plant.values()) {
            out.put(p.indicator, new HashSet<>());
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (SimWorld.Order o : world.ordersOf(day)) {
                // a line far above its homogeneous product's usual price, whatever else the order carries
                if (o.lines().stream().anyMatch(l -> l.outlier() && SimPlants.homogeneous(l.product().productCode()))) {
                    out.get(SimPlants.Plant.UNIT_PRICE.indicator).add(o.code());
                }
                if (o.plant() == SimPlants.Plant.REPEATED_DIRECT_AWARD) {
                    if (SimPlants.directRunFires(day, firstDay)) {
                        out.get(o.plant().indicator).add(o.code());
                    }
                } else if (o.plant() == SimPlants.Plant.CAPTIVE_SUPPLIER) {
                    out.get(o.plant().indicator).add(o.supplier().rut()); // a party: its RUT as the files give it
                } else if (o.plant() == SimPlants.Plant.BUNCHING) {
                    out.get(o.plant().indicator).add(o.buyer().code()); // a party: its organism code
                } else if (o.plant() != null) {
                    out.get(o.plant().indicator).add(o.code());
                }
            }
            for (SimWorld.Tender t : world.tendersOf(day)) {
                // a pattern of bids or of the award shows once the tender is awarded; the others once published
                boolean shows = t.plant() == SimPlants.Plant.TYPE_AMOUNT_MISMATCH
                        || t.plant() == SimPlants.Plant.SHORT_PUBLICATION || t.stateCode(now) == 8;
                if (t.plant() != null && shows) {
                    out.get(t.plant().indicator).add(t.code());
                }
            }
            for (SimWorld.CompraAgil c : world.compraAgilOf(day)) {
                if (c.plant() != null && c.stateId(now) == 4) {
                    out.get(c.plant().indicator).add(c.code());
                }
            }
        }
        return out;
    }
}
