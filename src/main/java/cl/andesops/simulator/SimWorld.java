package cl.andesops.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cl.andesops.shared.format.Formats;

/**
 * The simulated market, generated on demand and deterministic from the seed: the n-th order of a day is always the
 * same order, and its state follows a timeline fixed at creation (sent, accepted or cancelled, received), so what
 * the API shows depends only on the clock. Codes carry their day and index ({@code unit-seq-TYPEyy}, seq =
 * day-of-year × 10,000 + index), so a detail request regenerates its record without any stored state.
 */
final class SimWorld {

    static final int MAX_PER_DAY = 10_000;
    static final Pattern CODE = Pattern.compile("^(\\d+)-(\\d+)-([A-Z0-9]+)(\\d{2})$");

    record Order(String code, String name, String description, String type, String typeCode, SimCatalog.Buyer buyer,
                 SimCatalog.Supplier supplier, Instant createdAt, Instant sentAt, Instant acceptedAt,
                 Instant cancelledAt, Instant receivedAt, String tenderCode, String paymentTerms,
                 String dispatchType, List<Line> lines, BigDecimal rating, SimPlants.Plant plant) {

        int stateCode(Instant now) {
            if (cancelledAt != null && !now.isBefore(cancelledAt)) {
                return 9;
            }
            if (receivedAt != null && !now.isBefore(receivedAt)) {
                return 12;
            }
            if (acceptedAt != null && !now.isBefore(acceptedAt)) {
                return 6;
            }
            return 4;
        }

        Instant modifiedAt(Instant now) {
            Instant last = sentAt;
            for (Instant t : new Instant[]{acceptedAt, cancelledAt, receivedAt}) {
                if (t != null && !now.isBefore(t) && t.isAfter(last)) {
                    last = t;
                }
            }
            return last;
        }

        BigDecimal net() {
            return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** {@code outlier}: the line's unit price was multiplied far above what is usual (a planted price outlier). */
    record Line(int n, SimCatalog.Product product, BigDecimal quantity, BigDecimal unitPrice, String buyerSpec,
                String supplierSpec, boolean outlier) {
        BigDecimal total() {
            return quantity.multiply(unitPrice).setScale(1, RoundingMode.HALF_UP);
        }
    }

    record Tender(String code, String name, String description, String type, SimCatalog.Buyer buyer,
                  Instant createdAt, Instant publishedAt, Instant closesAt, Instant awardAt, int fate,
                  BigDecimal estimatedAmount, boolean amountVisible, int bidders, int complaints,
                  List<TenderLine> lines, SimPlants.Plant plant, Instant extendedAt, java.time.Duration extension) {

        /**
         * Its closing as published at {@code now}: until the buyer extends the period ({@code extendedAt}), the first
         * one; then the last ({@link #closesAt()}).
         */
        Instant closesAt(Instant now) {
            return extendedAt != null && now.isBefore(extendedAt) ? closesAt.minus(extension) : closesAt;
        }

        int stateCode(Instant now) {
            if (now.isBefore(closesAt)) {
                return 5;
            }
            return now.isBefore(awardAt) ? 6 : fate;
        }
    }

    record TenderLine(int n, SimCatalog.Product product, BigDecimal quantity, SimCatalog.Supplier winner,
                      BigDecimal unitPrice, String description) {
    }

    record CompraAgil(String code, String name, String description, SimCatalog.Buyer buyer, Instant publishedAt,
                      Instant closesAt, Instant decidedAt, int fate, BigDecimal budget, int deliveryDays,
                      List<CaProduct> products, List<Quote> quotes, SimPlants.Plant plant) {

        /** 2 publicada, 3 cerrada, 4 proveedor seleccionado, 5 cancelada, 6 desierta. */
        int stateId(Instant now) {
            if (now.isBefore(closesAt)) {
                return 2;
            }
            return now.isBefore(decidedAt) ? 3 : fate;
        }

        Instant changedAt(Instant now) {
            Instant last = publishedAt;
            for (Quote q : quotes) {
                if (!now.isBefore(q.createdAt()) && q.createdAt().isAfter(last)) {
                    last = q.createdAt();
                }
            }
            if (!now.isBefore(closesAt) && closesAt.isAfter(last)) {
                last = closesAt;
            }
            if (!now.isBefore(decidedAt) && decidedAt.isAfter(last)) {
                last = decidedAt;
            }
            return last;
        }

        List<Quote> quotesAt(Instant now) {
            return quotes.stream().filter(q -> !now.isBefore(q.createdAt())).toList();
        }
    }

    record CaProduct(int n, SimCatalog.Product product, BigDecimal quantity) {
    }

    record Quote(long id, SimCatalog.Supplier supplier, Instant createdAt, List<BigDecimal> unitPrices,
                 boolean selected) {
    }

    private final long seed;
    private final SimulatorSettings settings;
    final SimCatalog catalog;
    private final SimTenders tenders;
    private final Map<LocalDate, List<Order>> orderCache = Collections.synchronizedMap(lru(64));
    private final SimCompraAgil compraAgil;

    SimWorld(SimulatorSettings settings) {
        this.seed = settings.seed();
        this.settings = settings;
        this.catalog = new SimCatalog(seed, settings.suppliers());
        this.tenders = new SimTenders(this, settings);
        this.compraAgil = new SimCompraAgil(this, settings);
    }

    static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    // ---- orders ------------------------------------------------------------------------------------------

    int ordersOn(LocalDate day) {
        return count(day, settings.ordersPerDay(), 11);
    }

    /** Every order created on a day, whether or not its creation time has come yet. */
    List<Order> ordersOf(LocalDate day) {
        return orderCache.computeIfAbsent(day, d -> {
            int n = ordersOn(d);
            List<Order> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(order(d, i, n));
            }
            return List.copyOf(list);
        });
    }

    /** Orders created on a day and sent by {@code now}: an order is public once sent, never with a future date. */
    List<Order> ordersVisible(LocalDate day, Instant now) {
        return ordersOf(day).stream().filter(o -> !o.sentAt().isAfter(now)).toList();
    }

    Optional<Order> order(String code) {
        return decode(code).flatMap(c -> {
            List<Order> day = ordersOf(c.day());
            return c.index() < day.size() && day.get(c.index()).code().equals(code)
                    ? Optional.of(day.get(c.index())) : Optional.empty();
        });
    }

    private Order order(LocalDate day, int i, int n) {
        SplittableRandom r = random('O', day, i);
        Instant created = spread(day, i, n, r);
        String type = pick(r, new String[]{"SE", "AG", "CM", "CC"}, new int[]{49, 41, 8, 2});
        SimCatalog.Buyer buyer = catalog.buyers.get(zipf(r, catalog.buyers.size(), 1.1));
        int suppliers = catalog.suppliers.size();
        SimCatalog.Supplier supplier = catalog.suppliers.get(SimPlants.free(
                Math.floorMod(buyer.code().hashCode() + zipf(r, suppliers, 1.05), suppliers), suppliers));
        SimPlants.Planted planted = SimPlants.order(catalog, seed, day, i, n, type, buyer, supplier, r);
        type = planted.type();
        buyer = planted.buyer();
        supplier = planted.supplier();
        SimPlants.Plant plant = planted.plant();
        long target = planted.target();
        int lineCount = 1 + (int) Math.min(5, Math.abs(r.nextGaussian() * 1.5));
        List<Line> lines = new ArrayList<>();
        SimCatalog.Product main = SimCatalog.PRODUCTS.get(plant == SimPlants.Plant.CAPTIVE_SUPPLIER
                ? SimPlants.turn(day, SimPlants.CAPTIVES) * 7 % SimCatalog.PRODUCTS.size()
                : zipf(r, SimCatalog.PRODUCTS.size(), 0.8));
        double scale = "AG".equals(type) ? 0.35 : "CM".equals(type) ? 1.5 : 1.0;
        for (int l = 1; l <= lineCount; l++) {
            SimCatalog.Product p = l == 1 || plant == SimPlants.Plant.CAPTIVE_SUPPLIER ? main
                    : SimCatalog.PRODUCTS.get(r.nextInt(SimCatalog.PRODUCTS.size()));
            BigDecimal qty = BigDecimal.valueOf(p.medianPrice() > 1_000_000 ? 1 : 1 + r.nextInt(60)).setScale(1);
            // a homogeneous product (a box of syringes, a litre of diesel) costs about the same in any channel; the
            // others spread wide
            boolean homogeneous = SimPlants.homogeneous(p.productCode());
            long price = Math.max(100, Math.round(p.medianPrice() * (homogeneous ? 1 : scale)
                    * Math.exp(r.nextGaussian() * (homogeneous ? SimPlants.HOMOGENEOUS_SIGMA : 0.9))));
            boolean outlier = r.nextInt(400) == 0;
            if (outlier) {
                price *= 25; // the rare line far above what is usual: planted, and the Monitor should notice
            }
            lines.add(new Line(l, p, qty, SimCatalog.money(price), p.name(),
                    p.name() + ". " + supplier.name() + ". Despacho incluido.", outlier));
        }
        lines = SimPlants.scaled(lines, target, "AG".equals(type) && plant == null ? SimPlants.AG_CLEAN_MAX : 0);
        Instant sent = created.plus(Duration.ofMinutes(1)); // sent a minute after it is made, in the order made
        int fate = r.nextInt(100);
        Instant accepted = fate < 92 ? sent.plus(Duration.ofMinutes(30 + r.nextInt(60 * 40))) : null;
        Instant cancelled = fate >= 96 ? sent.plus(Duration.ofHours(2 + r.nextInt(70))) : null;
        Instant received = accepted != null && r.nextInt(100) < 65
                ? accepted.plus(Duration.ofHours(24 * 3 + r.nextInt(24 * 17))) : null;
        String unit = buyer.code();
        String code = unit + "-" + (day.getDayOfYear() * MAX_PER_DAY + i) + "-" + type
                + String.format("%02d", day.getYear() % 100);
        String name = switch (r.nextInt(4)) {
            case 0 -> "Adquisición de " + main.noun();
            case 1 -> main.name() + " para " + shortName(buyer.name());
            case 2 -> "Compra de " + main.noun() + " - " + department(r);
            default -> main.name().toUpperCase();
        };
        String tender = "SE".equals(type) && r.nextInt(3) == 0
                ? unit + "-" + (10 + r.nextInt(900)) + "-LE" + String.format("%02d", day.getYear() % 100) : null;
        return new Order(code, name, name + ". Solicitado por " + department(r) + ".", type,
                "SE".equals(type) ? "8" : "CM".equals(type) ? "9" : "AG".equals(type) ? "12" : "D1".equals(type) ? "2"
                        : "14", buyer, supplier,
                created, sent, accepted, cancelled, received, tender, pick(r, new String[]{"2", "1", "39", "47"},
                new int[]{70, 15, 10, 5}), pick(r, new String[]{"7", "9", "12", "14"}, new int[]{80, 8, 7, 5}),
                List.copyOf(lines), BigDecimal.valueOf(30 + r.nextInt(20)).divide(BigDecimal.TEN), plant);
    }

    // ---- tenders (SimTenders) ------------------------------------------------------------------------------

    int tendersOn(LocalDate day) {
        return tenders.tendersOn(day);
    }

    List<Tender> tendersOf(LocalDate day) {
        return tenders.tendersOf(day);
    }

    Optional<Tender> tender(String code) {
        return tenders.tender(code);
    }

    List<Tender> tendersWithActivity(LocalDate day, Instant now) {
        return tenders.tendersWithActivity(day, now);
    }

    List<Tender> activeTenders(Instant now) {
        return tenders.activeTenders(now);
    }

    // ---- Compra Ágil (SimCompraAgil) --------------------------------------------------------------------------

    int compraAgilOn(LocalDate day) {
        return compraAgil.compraAgilOn(day);
    }

    List<CompraAgil> compraAgilOf(LocalDate day) {
        return compraAgil.compraAgilOf(day);
    }

    Optional<CompraAgil> compraAgil(String code) {
        return compraAgil.compraAgil(code);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    record Decoded(LocalDate day, int index) {
    }

    static Optional<Decoded> decode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long seq = Long.parseLong(m.group(2));
        int dayOfYear = (int) (seq / MAX_PER_DAY);
        int index = (int) (seq % MAX_PER_DAY);
        int year = 2000 + Integer.parseInt(m.group(4));
        if (dayOfYear < 1 || dayOfYear > LocalDate.of(year, 12, 31).getDayOfYear()) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(LocalDate.ofYearDay(year, dayOfYear), index));
    }

    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, Formats.CHILE);
    }

    int count(LocalDate day, int perDay, int salt) {
        if (perDay <= 0) {
            return 0;
        }
        SplittableRandom r = random((char) salt, day, -1);
        double weekday = 0.9 + r.nextDouble() * 0.2;
        double factor = !settings.weekdayRhythm() ? weekday
                : day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.15
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.08 : weekday;
        return Math.min(MAX_PER_DAY - 1, Math.max(1, (int) Math.round(perDay * factor)));
    }

    /** Spread the n records of a day over the whole day, in order, with a little jitter. */
    static Instant spread(LocalDate day, int i, int n, SplittableRandom r) {
        Instant start = day.atTime(LocalTime.MIDNIGHT).atZone(Formats.CHILE).toInstant();
        long slot = 86_400_000L / n;
        return start.plusMillis(slot * i + (slot > 2 ? r.nextLong(slot / 2) : 0)).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS);
    }

    SplittableRandom random(char kind, LocalDate day, int i) {
        long h = seed * 0x9E3779B97F4A7C15L + kind * 1_000_003L + day.toEpochDay() * 7_919L + i;
        return new SplittableRandom(h);
    }

    /** An index in [0, n) with a heavy head: a few buyers and suppliers account for much of the spending. */
    static int zipf(SplittableRandom r, int n, double s) {
        double u = r.nextDouble();
        int k = (int) Math.floor(Math.pow(n, Math.pow(u, 1.0 / s))) - 1;
        return Math.clamp(k, 0, n - 1);
    }

    static String pick(SplittableRandom r, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int k = 0; k < values.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return values[k];
            }
        }
        return values[values.length - 1];
    }

    private static final String[] DEPARTMENTS = {"Departamento de Salud", "Dirección de Obras", "Unidad de Urgencia",
            "Departamento de Educación", "Dirección de Aseo y Ornato", "Unidad de Adquisiciones",
            "Departamento de Informática", "Dirección de Desarrollo Comunitario", "Servicio de Hospitalizados",
            "Departamento de Finanzas"};

    static String department(SplittableRandom r) {
        return DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
    }

    static String spec(SplittableRandom r, SimCatalog.Product p) {
        return switch (r.nextInt(3)) {
            case 0 -> "Producto nuevo, con garantía mínima de 12 meses.";
            case 1 -> "Entrega en bodega central en un plazo máximo de 10 días hábiles.";
            default -> "Según especificaciones técnicas adjuntas (" + p.unit().toLowerCase() + ").";
        };
    }

    static String shortName(String organism) {
        String s = organism.strip();
        return s.length() > 48 ? s.substring(0, 48).strip() : s;
    }
}
