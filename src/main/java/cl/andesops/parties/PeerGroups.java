package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Service;

import cl.andesops.orders.OrderPartyQueries;
import cl.andesops.shared.format.PartyKeys;

/**
 * Who a party is compared with. A buyer's peers are the organisms of its sector: as the open-data files class it
 * (their {@code sector} column: Municipalidades, Salud, Gob. Central y Universidades, FFAA, ...), else as its name
 * says (the API gives no sector; "Municipalidad", "Hospital", "Servicio de Salud", "Ejército" are how organisms are
 * named). A group of fewer than {@link #MIN_PEERS} with orders in the period is too small to compare with, and the
 * profile says so. A supplier is placed among the suppliers that sold in its main category in the period.
 *
 * <p>The figures of every buyer in a period are one GROUP BY over the period's orders ({@code po_buyer_profile}
 * holds every column it reads): kept per period with the data version they were read at ({@link Kept}), read again
 * off the request once the data has moved and they are {@link #REFRESH} old (the sync commits every minute; a
 * position among hundreds of peers does not move with one more order). The default period's are read as the app
 * starts. The profile says when they were computed.
 */
@Service
public class PeerGroups {

    public static final int MIN_PEERS = 20;
    static final Duration REFRESH = Duration.ofMinutes(10);
    /** The procedures a buyer is compared on, as shares of its pesos. */
    static final List<String> COMPARED = List.of("LICITACION", "TRATO_DIRECTO", "CONVENIO_MARCO", "COMPRA_AGIL");

    /** The sectors the open-data files use, and the one a name alone cannot place. */
    static final String MUNICIPAL = "Municipalidades";
    static final String HEALTH = "Salud";
    static final String ARMED = "FFAA";
    static final String WORKS = "Obras Públicas";
    static final String JUSTICE = "Legislativo y Judicial";
    static final String CENTRAL = "Gob. Central, Universidades";

    private final OrderPartyQueries orders;
    private final java.time.Clock clock;
    private final Kept<Long, Buyers> buyers;
    private final Kept<String, long[]> categories;

    /** Every organism's sector and every buyer's pesos by procedure in a period, and when they were read. */
    record Buyers(Map<String, String> sectors, Map<String, Boolean> fromFiles, Map<String, long[]> byProcedure) {
    }

    PeerGroups(OrderPartyQueries orders, java.time.Clock clock, cl.andesops.shared.persistence.DataVersions versions) {
        this.orders = orders;
        this.clock = clock;
        LongSupplier version = () -> versions.current(cl.andesops.shared.events.DataChanged.Dataset.ORDERS);
        this.buyers = new Kept<>(8, REFRESH, this::readBuyers, b -> b.byProcedure().isEmpty(), version, clock);
        this.categories = new Kept<>(256, REFRESH, this::readCategory, c -> c.length == 0, version, clock);
    }

    /** The sector a buyer's name places it in, when the files did not say. */
    static String sectorByName(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        if (n.contains("MUNICIPAL")) {
            return MUNICIPAL;
        }
        if (n.matches(".*\\b(SALUD|HOSPITAL|HOSP|CESFAM|CONSULTORIO|CENTRO DE REFERENCIA|FONASA|CENABAST)\\b.*")) {
            return HEALTH;
        }
        if (n.matches(".*\\b(EJERCITO|ARMADA|FUERZA AEREA|CARABINEROS|POLICIA DE INVESTIGACIONES|GENDARMERIA"
                + "|DEFENSA NACIONAL|ESTADO MAYOR|MOVILIZACION NACIONAL)\\b.*")) {
            return ARMED;
        }
        if (n.matches(".*\\b(MOP|OBRAS PUBLICAS|VIALIDAD|OBRAS HIDRAULICAS|AEROPUERTOS|ARQUITECTURA)\\b.*")) {
            return WORKS;
        }
        if (n.matches(".*\\b(PODER JUDICIAL|CORTE|TRIBUNAL|SENADO|CAMARA DE DIPUTADOS|CONGRESO|FISCALIA"
                + "|DEFENSORIA|MINISTERIO PUBLICO)\\b.*")) {
            return JUSTICE;
        }
        return CENTRAL;
    }

    /**
     * Every organism's sector (as the files class it, else as its name places it), by organism code: the peer groups
     * the integrity indicators compare a buyer with, the same as its profile's.
     */
    public Map<String, String> sectors() {
        Map<String, String> out = new HashMap<>();
        orders.organisms(o -> out.put(o[0], o[2] != null ? o[2].strip() : sectorByName(o[1])));
        return out;
    }

    /** Forgets the kept figures (a test that wants those of the data as it is now, not as they were kept). */
    void forget() {
        buyers.forget();
        categories.forget();
    }

    /** How long the last read of every buyer's figures took, in ms: for the benchmark and the log. */
    private volatile long lastReadMillis = -1;

    public long lastReadMillis() {
        return lastReadMillis;
    }

    /**
     * The default period's figures (the last 12 months), read once the app is up, off any request: the first
     * profile opened after a start does not wait for them.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warm() {
        Period year = Period.lastYear(java.time.LocalDate.now(clock.withZone(cl.andesops.shared.format.Formats.CHILE)));
        Thread.ofVirtual().name("peer-figures").start(() -> {
            try {
                buyers.get(key(year));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PeerGroups.class).warn("Reading the peers' figures failed: {}",
                        e.toString());
            }
        });
    }

    private static long key(Period p) {
        return p.fromDay() * 100_000_000L + p.toDay();
    }

    private Buyers readBuyers(Long period) {
        long t0 = System.nanoTime();
        int from = (int) (period / 100_000_000L);
        int to = (int) (period % 100_000_000L);
        Map<String, String> sectors = new HashMap<>();
        Map<String, Boolean> fromFiles = new HashMap<>();
        orders.organisms(o -> {
            sectors.put(o[0], o[2] != null ? o[2].strip() : sectorByName(o[1]));
            fromFiles.put(o[0], o[2] != null);
        });
        Map<String, long[]> by = new HashMap<>();
        orders.procedureSums(from, to, r -> {
            long[] v = by.computeIfAbsent((String) r[0], k -> new long[COMPARED.size() + 1]);
            int i = COMPARED.indexOf((String) r[1]);
            long pesos = (Long) r[3];
            if (i >= 0) {
                v[i] += pesos;
            }
            v[COMPARED.size()] += pesos;
        });
        lastReadMillis = (System.nanoTime() - t0) / 1_000_000;
        return new Buyers(sectors, fromFiles, by);
    }

    /** A buyer's position among the buyers of its sector, or why it has none. */
    public BuyerProfile.Peers buyerPeers(String code, String name, Period p) {
        Kept.Value<Buyers> kept = buyers.get(key(p));
        Buyers all = kept.value();
        String sector = all.sectors().getOrDefault(code, sectorByName(name));
        boolean fromFiles = all.fromFiles().getOrDefault(code, false);
        List<long[]> peers = new ArrayList<>();
        all.byProcedure().forEach((c, v) -> {
            if (!c.equals(code) && v[COMPARED.size()] > 0
                    && sector.equals(all.sectors().getOrDefault(c, null))) {
                peers.add(v);
            }
        });
        long[] mine = all.byProcedure().getOrDefault(code, new long[COMPARED.size() + 1]);
        List<BuyerProfile.Peers.Row> rows = new ArrayList<>();
        if (peers.size() >= MIN_PEERS && mine[COMPARED.size()] > 0) {
            rows.add(row("AMOUNT", mine[COMPARED.size()], peers.stream().mapToDouble(v -> v[COMPARED.size()])
                    .toArray()));
            for (int i = 0; i < COMPARED.size(); i++) {
                int k = i;
                rows.add(row(COMPARED.get(i), share(mine, k), peers.stream().mapToDouble(v -> share(v, k)).toArray()));
            }
        }
        return new BuyerProfile.Peers(sector, fromFiles, peers.size(), peers.size() >= MIN_PEERS, rows, kept.at());
    }

    private static double share(long[] v, int i) {
        long total = v[COMPARED.size()];
        return total <= 0 ? 0 : (double) v[i] / total;
    }

    /** The value, the peers' median, and the share of peers below it (ties count half). */
    private static BuyerProfile.Peers.Row row(String metric, double value, double[] peers) {
        double[] sorted = peers.clone();
        Arrays.sort(sorted);
        double below = 0;
        for (double v : sorted) {
            below += v < value ? 1 : v == value ? 0.5 : 0;
        }
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new BuyerProfile.Peers.Row(metric, value, median, below / sorted.length);
    }

    private long[] readCategory(String key) {
        String[] k = key.split("\\|");
        Map<String, Long> byRut = new HashMap<>();
        orders.categorySales(k[0], Integer.parseInt(k[1]), Integer.parseInt(k[2]), r -> PartyKeys.supplier(
                (String) r[0]).ifPresent(rut -> byRut.merge(rut, (Long) r[1], Long::sum)));
        // the pesos of every supplier, largest first; the rank of a supplier is found by its own pesos
        return byRut.values().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** A supplier's place among those that sold in its main category in the period. */
    public SupplierProfile.Position supplierPosition(String category, String categoryName, long amount, Period p) {
        if (category == null) {
            return null;
        }
        long[] sales = categories.get(category + "|" + p.fromDay() + "|" + p.toDay()).value();
        long total = Arrays.stream(sales).sum();
        int above = 0;
        for (int i = sales.length - 1; i >= 0 && sales[i] > amount; i--) {
            above++;
        }
        return new SupplierProfile.Position(category, categoryName, sales.length, above + 1,
                total <= 0 ? 0 : (double) amount / total);
    }
}
