package cl.andesops.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

/**
 * The simulated market's tenders, as the rules a real one follows: its type by its estimated amount in UTM as the
 * bands stood on its date, lines of one subject, dates in order, five-digit sequences in its code. Deterministic
 * from the world's seed, like everything in {@link SimWorld}, which hands tender questions here.
 */
final class SimTenders {

    private final SimWorld world;
    private final SimulatorSettings settings;
    private final Map<LocalDate, List<SimWorld.Tender>> cache = Collections.synchronizedMap(SimWorld.lru(96));

    SimTenders(SimWorld world, SimulatorSettings settings) {
        this.world = world;
        this.settings = settings;
    }

    int tendersOn(LocalDate day) {
        return world.count(day, settings.tendersPerDay(), 13);
    }

    List<SimWorld.Tender> tendersOf(LocalDate day) {
        return cache.computeIfAbsent(day, d -> {
            int n = tendersOn(d);
            List<SimWorld.Tender> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(tender(d, i, n));
            }
            return List.copyOf(list);
        });
    }

    /**
     * The catalogue's products in the order tenders favour them: the subjects alternate (works, services, health,
     * supplies), so the most frequent tenders are not all of one sector, as orders' are.
     */
    private static final int[] TENDER_RANKS = {10, 0, 12, 7, 16, 5, 14, 3, 19, 25, 1, 11, 8, 21, 23, 13, 2, 17, 4,
            15, 18, 6, 20, 22, 24, 9, 26, 27, 28, 29};

    /** The UTM in pesos, near enough for choosing a procedure (SII publishes it monthly; ~CLP 65,000-70,000). */
    private static final long UTM = 68_000;
    /** The day the LP band widened to 5,000 UTM and LQ ended (Ley 21.634's regulation). */
    private static final LocalDate LQ_ENDS = LocalDate.of(2025, 10, 22);

    /** The procedure a tender of this estimated amount follows on its date: L1 < 100 UTM ≤ LE < 1,000 ≤ LP... */
    static String typeFor(long amountClp, LocalDate day) {
        double utm = amountClp / (double) UTM;
        if (utm < 100) {
            return "L1";
        }
        if (utm < 1_000) {
            return "LE";
        }
        if (utm < 2_000 || (utm < 5_000 && !day.isBefore(LQ_ENDS))) {
            return "LP";
        }
        return utm < 5_000 ? "LQ" : "LR";
    }

    /**
     * Tenders a day can number with five-digit sequences, as real codes have: days × this ≤ 99,999. A world with
     * more tenders a day than this numbers them by day × 10,000 + index.
     */
    private static final int FIVE_DIGIT_STRIDE = 273;

    private int tenderStride() {
        long most = Math.round(settings.tendersPerDay() * 1.1) + 1;
        return most <= FIVE_DIGIT_STRIDE ? FIVE_DIGIT_STRIDE : SimWorld.MAX_PER_DAY;
    }

    private long tenderSeq(LocalDate day, int i) {
        int stride = tenderStride();
        return stride == SimWorld.MAX_PER_DAY ? (long) day.getDayOfYear() * SimWorld.MAX_PER_DAY + i
                : (long) (day.getDayOfYear() - 1) * stride + i + 1;
    }

    private Optional<SimWorld.Decoded> decodeTender(String code) {
        int stride = tenderStride();
        if (stride == SimWorld.MAX_PER_DAY) {
            return SimWorld.decode(code);
        }
        Matcher m = code == null ? null : SimWorld.CODE.matcher(code.strip());
        if (m == null || !m.matches() || m.group(2).length() > 5) {
            return Optional.empty();
        }
        long seq = Long.parseLong(m.group(2)) - 1;
        int year = 2000 + Integer.parseInt(m.group(4));
        int dayOfYear = (int) (seq / stride) + 1;
        if (seq < 0 || dayOfYear > LocalDate.of(year, 12, 31).getDayOfYear()) {
            return Optional.empty();
        }
        return Optional.of(new SimWorld.Decoded(LocalDate.ofYearDay(year, dayOfYear), (int) (seq % stride)));
    }

    Optional<SimWorld.Tender> tender(String code) {
        return decodeTender(code).flatMap(c -> {
            List<SimWorld.Tender> day = tendersOf(c.day());
            return c.index() < day.size() && day.get(c.index()).code().equals(code)
                    ? Optional.of(day.get(c.index())) : Optional.empty();
        });
    }

    private SimWorld.Tender tender(LocalDate day, int i, int n) {
        SplittableRandom r = world.random('T', day, i);
        Instant published = SimWorld.spread(day, i, n, r);
        // a few procedures that are not chosen by amount (trato directo, private, other); the rest by amount below
        String special = SimWorld.pick(r, new String[]{"", "CO", "E2", "O1", "R1"}, new int[]{94, 2, 1, 2, 1});
        SimCatalog.Buyer buyer = world.catalog.buyers.get(SimWorld.zipf(r, world.catalog.buyers.size(), 1.0));
        SimCatalog.Product main = SimCatalog.PRODUCTS.get(TENDER_RANKS[SimWorld.zipf(r, TENDER_RANKS.length, 0.7)]);
        List<SimCatalog.Product> related = SimCatalog.PRODUCTS.stream()
                .filter(p -> p.categoryCode().regionMatches(0, main.categoryCode(), 0, 2)).toList();
        int openDays = 5 + r.nextInt(26);
        int openHours = r.nextInt(8);
        int awardDays = 3 + r.nextInt(25);
        int fateRoll = r.nextInt(100);
        int fate = fateRoll < 74 ? 8 : fateRoll < 90 ? 7 : fateRoll < 96 ? 15 : 18;
        int lineCount = 1 + r.nextInt(6);
        List<SimWorld.TenderLine> lines = new ArrayList<>();
        int bidders = fate == 8 ? 1 + SimWorld.zipf(r, 12, 1.2) : r.nextInt(3);
        long total = 0;
        for (int l = 1; l <= lineCount; l++) {
            // one subject: every line of a tender from the same UNSPSC segment as its first
            SimCatalog.Product p = l == 1 ? main : related.get(r.nextInt(related.size()));
            BigDecimal qty = BigDecimal.valueOf(p.medianPrice() > 1_000_000 ? 1 : 10 + r.nextInt(500)).setScale(1);
            long unit = Math.max(100, Math.round(p.medianPrice() * Math.exp(r.nextGaussian() * 0.6)));
            total += unit * qty.longValue();
            SimCatalog.Supplier winner = fate == 8
                    ? world.catalog.suppliers.get(SimWorld.zipf(r, world.catalog.suppliers.size(), 1.05)) : null;
            lines.add(new SimWorld.TenderLine(l, p, qty, winner, SimCatalog.money(unit),
                    p.name() + ". " + SimWorld.spec(r, p)));
        }
        String byAmount = typeFor(total, day);
        // a private tender keeps its public twin's band (CO as LE, E2 as L1); trato directo and others have none
        String type = special.isEmpty() || special.equals("CO") && !byAmount.equals("LE")
                || special.equals("E2") && !byAmount.equals("L1") ? byAmount : special;
        boolean amountVisible = r.nextInt(100) < 60;
        // the patterns planted (SimPlants); everything else as the rules would have it
        boolean open = openCall(type);
        SimPlants.Plant plant = SimPlants.tender(settings.seed(), day, i, fate == 8, open, bidders);
        if (plant == SimPlants.Plant.SHORT_PUBLICATION && minDays(type) == 0) {
            plant = null; // a procedure with no minimum period cannot be too short
        }
        if (plant == SimPlants.Plant.SINGLE_BID) {
            bidders = 1;
            SimCatalog.Supplier only = lines.getFirst().winner();
            lines.replaceAll(l -> new SimWorld.TenderLine(l.n(), l.product(), l.quantity(), only, l.unitPrice(),
                    l.description())); // one bidder wins every line
        } else if (fate == 8 && open && bidders == 1) {
            bidders = 2; // an open tender draws more than one bid, unless that is what is planted
        }
        if (plant == SimPlants.Plant.TYPE_AMOUNT_MISMATCH) {
            type = List.of("L1", "LE").contains(byAmount) ? "LR" : "L1";
        }
        if (plant == SimPlants.Plant.TYPE_AMOUNT_MISMATCH || plant == SimPlants.Plant.AWARD_OVER_ESTIMATE) {
            amountVisible = true; // both are judged against the estimate
        }
        if (plant == SimPlants.Plant.IDENTICAL_BIDS) {
            SimWorld.TenderLine odd = oddTotal(lines.getFirst());
            total += (odd.unitPrice().longValue() - lines.getFirst().unitPrice().longValue())
                    * odd.quantity().longValue(); // the estimate is the lines' sum
            lines.set(0, odd);
        }
        openDays = plant == SimPlants.Plant.SHORT_PUBLICATION ? 2 : Math.max(openDays, minDays(type) + 1);
        Instant closes = published.plus(Duration.ofDays(openDays)).plus(Duration.ofHours(openHours));
        String code = buyer.code() + "-" + tenderSeq(day, i) + "-" + type + String.format("%02d", day.getYear() % 100);
        // one tender in six (none planted) has its period extended, as buyers do, by three to five days
        Instant extendedAt = null;
        Duration extension = Duration.ZERO;
        if (plant == null && extended(code)) {
            extension = Duration.ofDays(3 + Math.floorMod(code.hashCode() / 6, 3));
            Duration after = settings.extensionAfter() != null ? settings.extensionAfter()
                    : Duration.between(published, closes).dividedBy(2);
            Instant latest = closes.minus(Duration.ofHours(1));
            extendedAt = published.plus(after).isBefore(latest) ? published.plus(after) : latest;
            closes = closes.plus(extension);
        }
        Instant award = closes.plus(Duration.ofDays(awardDays));
        String name = switch (r.nextInt(5)) {
            case 0 -> "Adquisición de " + main.noun() + " para " + SimWorld.shortName(buyer.name());
            case 1 -> "Licitación pública " + main.noun() + " " + day.getYear();
            case 2 -> "Suministro de " + main.noun() + " - " + SimWorld.department(r);
            case 3 -> "Contratación de " + main.noun();
            default -> main.name() + " " + SimWorld.shortName(buyer.name());
        };
        String description = "Se requiere " + main.noun() + " para " + SimWorld.department(r).toLowerCase() + " de "
                + SimWorld.shortName(buyer.name()) + ". " + SimWorld.spec(r, main)
                + " Las ofertas deben ajustarse a las bases administrativas y técnicas.";
        return new SimWorld.Tender(code, name, description, type, buyer, published.minus(Duration.ofHours(20)), published,
                closes, award, fate, SimCatalog.money(total), amountVisible, bidders, r.nextInt(700),
                List.copyOf(lines), plant, extendedAt, extension);
    }

    /** Whether the tender's period is extended after its publication (by its code: no random draw is spent). */
    public static boolean extended(String code) {
        return Math.floorMod(code.hashCode(), 6) == 0;
    }

    /** The line with a unit price whose total is at least 100,000 pesos and not a round thousand. */
    static SimWorld.TenderLine oddTotal(SimWorld.TenderLine l) {
        long qty = Math.max(1, l.quantity().longValue());
        long unit = Math.max(l.unitPrice().longValue(), 100_000 / qty + 1);
        while (unit * qty % 1_000 == 0) {
            unit++;
        }
        return new SimWorld.TenderLine(l.n(), l.product(), l.quantity(), l.winner(), SimCatalog.money(unit),
                l.description());
    }

    /** The least calendar days a procedure stays open by the rules (0 for one with no minimum). */
    static int minDays(String type) {
        return switch (type) {
            case "L1", "E2" -> 5;
            case "LE", "CO" -> 10;
            case "LP", "LQ", "B2", "H2" -> 20;
            case "LR", "I2" -> 30;
            default -> 0;
        };
    }

    /** The tenders with activity on a day: published, closed or decided that day (the v1 {@code fecha} list). */
    List<SimWorld.Tender> tendersWithActivity(LocalDate day, Instant now) {
        List<SimWorld.Tender> out = new ArrayList<>();
        for (SimWorld.Tender t : tendersOf(day)) {
            if (!t.publishedAt().isAfter(now)) {
                out.add(t);
            }
        }
        for (int back = 1; back <= 60; back++) {
            for (SimWorld.Tender t : tendersOf(day.minusDays(back))) {
                if ((SimWorld.day(t.closesAt()).equals(day) || SimWorld.day(t.awardAt()).equals(day)) && !t.publishedAt().isAfter(now)
                        && (!SimWorld.day(t.closesAt()).equals(day) || !t.closesAt().isAfter(now))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Every tender still open for bids at {@code now} (the v1 {@code estado=activas} list). */
    List<SimWorld.Tender> activeTenders(Instant now) {
        List<SimWorld.Tender> out = new ArrayList<>();
        LocalDate today = SimWorld.day(now);
        for (int back = 0; back <= 31; back++) {
            for (SimWorld.Tender t : tendersOf(today.minusDays(back))) {
                if (!t.publishedAt().isAfter(now) && now.isBefore(t.closesAt())) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * Whether anyone may bid: every type but the private tenders (which invite), as its CodigoTipo and its
     * TipoConvocatoria say, so that public works (O1) and the rest are open calls as the files have them.
     */
    static boolean openCall(String type) {
        return !type.matches("CO|E2|B2|H2|I2");
    }
}
