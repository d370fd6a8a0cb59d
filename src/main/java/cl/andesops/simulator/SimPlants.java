package cl.andesops.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The integrity patterns the simulated world plants, and where: its ground truth. The world's records follow
 * Chile's rules (enough bidders and quotes, the cheapest quote chosen, amounts under their ceilings, publication
 * periods at their minimum, types that match their amounts) except where a pattern is planted here. Whether a
 * record carries a pattern is decided from its day and index alone, with a random stream of its own, so the rest of
 * the world is what it was. The app never reads this: a benchmark compares what the indicators find with it.
 */
public final class SimPlants {

    /** The patterns, named as the indicators that should find them. */
    public enum Plant {
        SINGLE_BID("single-bid"), RIVALS_REJECTED("rivals-rejected"), WINNER_OVER_CHEAPEST("winner-over-cheapest"),
        IDENTICAL_BIDS("identical-bids"), TYPE_AMOUNT_MISMATCH("type-amount-mismatch"),
        SHORT_PUBLICATION("short-publication"), AWARD_OVER_ESTIMATE("award-over-estimate"),
        SPLIT_PURCHASE("split-purchase"), REPEATED_DIRECT_AWARD("repeated-direct-award"),
        CA_FEW_QUOTES("ca-few-quotes"), CA_CHEAPEST_NOT_CHOSEN("ca-cheapest-not-chosen"),
        CA_OVER_CEILING("ca-over-ceiling"), CAPTIVE_SUPPLIER("captive-supplier"), BUNCHING("bunching"),
        UNIT_PRICE("unit-price");

        public final String indicator;

        Plant(String indicator) {
            this.indicator = indicator;
        }
    }

    /** One tender in this many carries a tender pattern; one request in this many a Compra Ágil one. */
    static final int TENDER_EVERY = 12;
    static final int CA_EVERY = 10;
    /** One day in this many ends with a split purchase (its last three orders). */
    static final int SPLIT_DAY_EVERY = 3;
    /** Pairs of a buyer and a supplier that take turns, three days each, at the day's first order: a direct award. */
    static final int DIRECT_PAIRS = 4;
    /** A run of direct awards fires from this one on, within a year (the rules' 8 in 12 months). */
    static final int DIRECT_RUN = 8;
    /** Pesos a Compra Ágil quote stays under when clean (below 100 UTM of any month since 2024), and above planted. */
    static final long CA_CLEAN_MAX = 5_500_000;
    static final long CA_PLANTED_TOTAL = 11_000_000;
    /** Pesos an unplanted Compra Ágil order stays under (a pair needs many within 30 days to pass the ceiling). */
    static final long AG_CLEAN_MAX = 1_200_000;
    /** Pesos of each order of a planted split: three pass 100 UTM together, each is under it. */
    static final long SPLIT_EACH = 3_300_000;
    /** Pesos of each planted direct award: at 150 UTM and more, none is a piece of a split. */
    static final long DIRECT_EACH = 12_000_000;

    /**
     * Suppliers that sell to one buyer only, at the day's second order in turn (one product each, so that only their
     * dependence stands out): the suppliers just before the split ones, reserved from every other order.
     */
    static final int CAPTIVES = 3;
    /** Buyers whose Compra Ágil orders, at the day's third and fourth orders in turn, pile up just below 100 UTM. */
    static final int BUNCHERS = 3;
    /** The first of the captive suppliers' buyers, then the bunchers, in the catalogue (after the split buyers). */
    static final int CAPTIVE_BUYER = DIRECT_PAIRS + 20;
    static final int BUNCHING_BUYER = CAPTIVE_BUYER + CAPTIVES;
    /** Net pesos of a bunched order: with 19 % VAT, 6.60 to 6.72 million, just below 100 UTM since 2025 (6.8 to 7.0). */
    static final long BUNCHED_NET = 5_550_000;
    /** Net pesos of a captive supplier's order: a dozen pass 500 UTM, none is near a cap. */
    static final long CAPTIVE_NET = 3_000_000;

    private SimPlants() {
    }

    /** The index of the captive supplier {@code k} among {@code size} suppliers. */
    static int captive(int k, int size) {
        return size - 1 - DIRECT_PAIRS - 20 - k;
    }

    /**
     * Suppliers of the bunched orders, one a day in turn (the third and fourth orders half a pool apart): a buyer's
     * bunched orders never repeat a supplier within 30 days, so that bunching is not also a split purchase.
     */
    static final int BUNCH_POOL = 90;

    /** The supplier of a bunched order, the {@code i}th of its day. */
    static int bunchSupplier(LocalDate day, int i, int size) {
        int j = (int) Math.floorMod(day.toEpochDay() + (i == 3 ? BUNCH_POOL / 2 : 0), BUNCH_POOL);
        return captive(CAPTIVES - 1, size) - 1 - j;
    }

    /** A supplier index any other order may take: a captive or bunching one's is moved past them. */
    static int free(int index, int size) {
        int last = captive(0, size);
        int first = captive(CAPTIVES - 1, size) - BUNCH_POOL;
        int reserved = last - first + 1;
        return index >= first && index <= last ? Math.floorMod(index - reserved, first) : index;
    }

    /** Which captive pair (or buncher) has a day's order in turn. */
    static int turn(LocalDate day, int of) {
        return (int) Math.floorMod(day.toEpochDay(), of);
    }

    private static SplittableRandom stream(long seed, char kind, LocalDate day, int i) {
        return new SplittableRandom(seed * 0x2545F4914F6CDD1DL + kind * 7_777_777L + day.toEpochDay() * 104_729L + i);
    }

    /**
     * The pattern a tender carries, if any: a competition or price pattern only on an awarded tender with bidders
     * enough to show it, and single bids only on open procedures.
     */
    static Plant tender(long seed, LocalDate day, int i, boolean awarded, boolean open, int bidders) {
        SplittableRandom r = stream(seed, 'T', day, i);
        if (r.nextInt(TENDER_EVERY) != 0) {
            return null;
        }
        Plant p = switch (r.nextInt(7)) {
            case 0 -> Plant.SINGLE_BID;
            case 1 -> Plant.RIVALS_REJECTED;
            case 2 -> Plant.WINNER_OVER_CHEAPEST;
            case 3 -> Plant.IDENTICAL_BIDS;
            case 4 -> Plant.TYPE_AMOUNT_MISMATCH;
            case 5 -> Plant.SHORT_PUBLICATION;
            default -> Plant.AWARD_OVER_ESTIMATE;
        };
        boolean needsAward = p == Plant.SINGLE_BID || p == Plant.RIVALS_REJECTED || p == Plant.WINNER_OVER_CHEAPEST
                || p == Plant.IDENTICAL_BIDS || p == Plant.AWARD_OVER_ESTIMATE;
        if (needsAward && !awarded || p == Plant.SINGLE_BID && !open || (p == Plant.RIVALS_REJECTED
                || p == Plant.WINNER_OVER_CHEAPEST || p == Plant.IDENTICAL_BIDS) && bidders < 2) {
            return null;
        }
        return p;
    }

    /** The pattern a Compra Ágil request carries, if any (only on a request decided with a quote chosen). */
    static Plant compraAgil(long seed, LocalDate day, int i, boolean decided) {
        SplittableRandom r = stream(seed, 'C', day, i);
        if (!decided || r.nextInt(CA_EVERY) != 0) {
            return null;
        }
        return switch (r.nextInt(3)) {
            case 0 -> Plant.CA_FEW_QUOTES;
            case 1 -> Plant.CA_CHEAPEST_NOT_CHOSEN;
            default -> Plant.CA_OVER_CEILING;
        };
    }

    /** An order as the world makes it, after the planted patterns had their say. */
    record Planted(String type, SimCatalog.Buyer buyer, SimCatalog.Supplier supplier, long target, Plant plant) {
    }

    /**
     * The pattern the day's {@code i}-th of {@code n} orders carries, if any, and what it makes of the order's type,
     * buyer and supplier; {@code target} the net pesos it must come to (0: as drawn). Draws from {@code r} only for
     * a bunched amount, after everything the world drew before.
     */
    static Planted order(SimCatalog catalog, long seed, LocalDate day, int i, int n, String type,
            SimCatalog.Buyer buyer, SimCatalog.Supplier supplier, java.util.SplittableRandom r) {
        int suppliers = catalog.suppliers.size();
        // the day's first order is a direct award of one of a few pairs, and on a
        // split day its last three are one buyer's Compra Ágil purchases from one supplier, together over the ceiling
        Plant plant = null;
        long target = 0;
        if (i == 0 && n > 4) {
            int pair = directPair(day);
            type = "D1";
            buyer = catalog.buyers.get(pair);
            supplier = catalog.suppliers.get(catalog.suppliers.size() - 1 - pair);
            target = DIRECT_EACH;
            plant = Plant.REPEATED_DIRECT_AWARD;
        } else if (n > 4 && i >= n - 3 && splitDay(seed, day)) {
            type = "AG";
            buyer = catalog.buyers.get(DIRECT_PAIRS + (int) Math.floorMod(day.toEpochDay(), 20));
            supplier = catalog.suppliers.get(catalog.suppliers.size() - 1 - DIRECT_PAIRS
                    - (int) Math.floorMod(day.toEpochDay(), 20));
            target = SPLIT_EACH;
            plant = Plant.SPLIT_PURCHASE;
        } else if (i == 1 && n > 6) {
            int k = turn(day, CAPTIVES);
            type = "SE";
            buyer = catalog.buyers.get(CAPTIVE_BUYER + k);
            supplier = catalog.suppliers.get(captive(k, suppliers));
            target = CAPTIVE_NET;
            plant = Plant.CAPTIVE_SUPPLIER;
        } else if ((i == 2 || i == 3) && n > 6) {
            type = "AG";
            buyer = catalog.buyers.get(BUNCHING_BUYER + turn(day.plusDays(i), BUNCHERS));
            supplier = catalog.suppliers.get(bunchSupplier(day, i, suppliers));
            target = BUNCHED_NET + r.nextInt(100_000);
            plant = Plant.BUNCHING;
        } else if ("AG".equals(type)) {
            // an unplanted Compra Ágil order goes to any supplier, not to the buyer's usual few: a pair seldom
            // repeats within 30 days, so a split is what was planted
            supplier = catalog.suppliers.get(free(Math.floorMod((int) (day.toEpochDay() * 31 + i * 7919L),
                    suppliers), suppliers));
        }
        return new Planted(type, buyer, supplier, target, plant);
    }

    /** Whether the day's last three orders are one split purchase. */
    static boolean splitDay(long seed, LocalDate day) {
        return stream(seed, 'S', day, -1).nextInt(SPLIT_DAY_EVERY) == 0;
    }

    /** Which of the direct-award pairs has the day's first order. */
    static int directPair(LocalDate day) {
        return (int) Math.floorMod(day.toEpochDay() / 3, DIRECT_PAIRS);
    }

    /**
     * Whether the day's first order, a direct award, should be found: the pair's awards in the year up to it (one a
     * day on each of its days) number {@value #DIRECT_RUN} or more. {@code firstDay} is the first day the world's
     * history holds.
     */
    public static boolean directRunFires(LocalDate day, LocalDate firstDay) {
        int pair = directPair(day);
        int count = 0;
        for (LocalDate d = day.minusDays(364); !d.isAfter(day); d = d.plusDays(1)) {
            if (!d.isBefore(firstDay) && directPair(d) == pair) {
                count++;
            }
        }
        return count >= DIRECT_RUN;
    }

    /** Products whose prices vary little (the unit-price indicator judges only such), by product code. */
    static final java.util.Set<String> HOMOGENEOUS = java.util.Set.of("42142609", "51101507", "51142902",
            "44103103", "30111601", "50131701", "15101505");
    /** Their prices' spread: a 75th percentile about 1.2 times the 25th. */
    static final double HOMOGENEOUS_SIGMA = 0.15;

    static boolean homogeneous(String productCode) {
        return HOMOGENEOUS.contains(productCode);
    }

    /**
     * The lines with their unit prices scaled so that the order's net comes to {@code target} pesos (a planted
     * pattern's amount), or to at most {@code cap} (an unplanted Compra Ágil order); 0 leaves them as they are. A
     * homogeneous product's line keeps its unit price and changes its quantity instead.
     */
    static List<SimWorld.Line> scaled(List<SimWorld.Line> lines, long target, long cap) {
        java.math.BigDecimal net = lines.stream().map(SimWorld.Line::total).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        if (net.signum() <= 0 || target <= 0 && (cap <= 0 || net.longValue() <= cap)) {
            return lines;
        }
        double factor = (target > 0 ? target : cap) / net.doubleValue();
        List<SimWorld.Line> out = new java.util.ArrayList<>();
        for (SimWorld.Line l : lines) {
            if (homogeneous(l.product().productCode())) {
                java.math.BigDecimal qty = l.quantity().multiply(java.math.BigDecimal.valueOf(factor))
                        .setScale(1, java.math.RoundingMode.HALF_UP).max(new java.math.BigDecimal("0.1"));
                out.add(new SimWorld.Line(l.n(), l.product(), qty, l.unitPrice(), l.buyerSpec(), l.supplierSpec(),
                        l.outlier()));
                continue;
            }
            java.math.BigDecimal price = l.unitPrice().multiply(java.math.BigDecimal.valueOf(factor)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .max(java.math.BigDecimal.ONE);
            out.add(new SimWorld.Line(l.n(), l.product(), l.quantity(), price, l.buyerSpec(), l.supplierSpec(),
                    l.outlier()));
        }
        return out;
    }
}
