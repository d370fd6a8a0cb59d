package cl.andesops.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulated world's Compra Ágil requests, day by day from the world's seed (the world hands them here, as it
 * hands its tenders to {@link SimTenders}): each request's products, its quotes, and which one was chosen, as the
 * rules would have it unless {@link SimPlants} planted a pattern on it.
 */
final class SimCompraAgil {

    private final SimWorld world;
    private final SimulatorSettings settings;
    private final Map<LocalDate, List<SimWorld.CompraAgil>> cache = Collections.synchronizedMap(SimWorld.lru(96));

    SimCompraAgil(SimWorld world, SimulatorSettings settings) {
        this.world = world;
        this.settings = settings;
    }

    int compraAgilOn(LocalDate day) {
        return world.count(day, settings.compraAgilPerDay(), 17);
    }

    List<SimWorld.CompraAgil> compraAgilOf(LocalDate day) {
        return cache.computeIfAbsent(day, d -> {
            int n = compraAgilOn(d);
            List<SimWorld.CompraAgil> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(compraAgil(d, i, n));
            }
            return List.copyOf(list);
        });
    }

    Optional<SimWorld.CompraAgil> compraAgil(String code) {
        return SimWorld.decode(code).flatMap(c -> {
            List<SimWorld.CompraAgil> day = compraAgilOf(c.day());
            return c.index() < day.size() && day.get(c.index()).code().equals(code)
                    ? Optional.of(day.get(c.index())) : Optional.empty();
        });
    }

    private SimWorld.CompraAgil compraAgil(LocalDate day, int i, int n) {
        SplittableRandom r = world.random('C', day, i);
        Instant published = SimWorld.spread(day, i, n, r);
        SimCatalog.Buyer buyer = world.catalog.buyers.get(SimWorld.zipf(r, world.catalog.buyers.size(), 1.0));
        SimCatalog.Product main = SimCatalog.PRODUCTS.get(SimWorld.zipf(r, SimCatalog.PRODUCTS.size(), 0.6));
        Instant closes = published.plus(Duration.ofDays(3 + r.nextInt(3)));
        Instant decided = closes.plus(Duration.ofHours(4 + r.nextInt(96)));
        int roll = r.nextInt(100);
        int fate = roll < 62 ? 4 : roll < 90 ? 6 : 5;
        List<SimWorld.CaProduct> products = new ArrayList<>();
        int productCount = 1 + r.nextInt(4);
        long budget = 0;
        for (int p = 1; p <= productCount; p++) {
            SimCatalog.Product product = p == 1 ? main : SimCatalog.PRODUCTS.get(r.nextInt(SimCatalog.PRODUCTS.size()));
            BigDecimal qty = BigDecimal.valueOf(1 + r.nextInt(40));
            budget += Math.min(product.medianPrice(), 1_500_000) * qty.longValue();
            products.add(new SimWorld.CaProduct(p, product, qty));
        }
        budget = Math.min(budget, 6_800_000); // Compra Ágil stops at 100 UTM
        int quoteCount = fate == 5 ? r.nextInt(2) : fate == 6 ? r.nextInt(3) : 1 + r.nextInt(6);
        List<SimWorld.Quote> quotes = new ArrayList<>();
        int selected = fate == 4 ? r.nextInt(quoteCount) : -1;
        SimPlants.Plant plant = SimPlants.compraAgil(settings.seed(), day, i, fate == 4);
        if (fate == 4) {
            // decided on at least three quotes unless too few is what is planted (then one or two)
            quoteCount = plant == SimPlants.Plant.CA_FEW_QUOTES ? 1 + selected % 2 : Math.max(3, quoteCount);
            selected = Math.min(selected, quoteCount - 1);
        }
        long window = Duration.between(published, closes).toMinutes();
        java.util.Set<SimCatalog.Supplier> quoted = new java.util.HashSet<>();
        for (int q = 0; q < quoteCount; q++) {
            SimCatalog.Supplier s = world.catalog.suppliers.get(SimWorld.zipf(r, world.catalog.suppliers.size(), 1.0));
            for (int next = 1; !quoted.add(s); next++) { // a supplier quotes once per request
                s = world.catalog.suppliers.get((world.catalog.suppliers.indexOf(s) + next) % world.catalog.suppliers.size());
            }
            List<BigDecimal> prices = new ArrayList<>();
            for (SimWorld.CaProduct p : products) {
                prices.add(BigDecimal.valueOf(Math.max(100, Math.round(
                        Math.min(p.product().medianPrice(), 1_500_000) * (0.7 + r.nextDouble() * 0.6)))));
            }
            quotes.add(new SimWorld.Quote(575_000_000L + (long) day.getDayOfYear() * 100_000 + i * 10L + q, s,
                    published.plus(Duration.ofMinutes(1 + r.nextLong(Math.max(2, window - 1)))), prices,
                    q == selected));
        }
        quotes = chosen(quotes, products, plant);
        String code = buyer.code() + "-" + (day.getDayOfYear() * SimWorld.MAX_PER_DAY + i) + "-COT"
                + String.format("%02d", day.getYear() % 100);
        String name = main.name().toUpperCase() + " (" + SimWorld.department(r).toUpperCase() + ")";
        return new SimWorld.CompraAgil(code, name, "* Revisar y cumplir con el detalle del documento adjunto\n* "
                + SimWorld.spec(r, main) + "\n* No se considerarán ofertas que no coticen la totalidad de los productos",
                buyer, published, closes, decided, fate, BigDecimal.valueOf(budget), 2 + r.nextInt(10),
                List.copyOf(products), List.copyOf(quotes), plant);
    }

    /**
     * The quotes as the rules would have them: none above {@link SimPlants#CA_CLEAN_MAX} pesos and the cheapest one
     * chosen, unless the request carries a pattern: the dearest chosen, or the chosen one well above the ceiling.
     */
    static List<SimWorld.Quote> chosen(List<SimWorld.Quote> quotes, List<SimWorld.CaProduct> products, SimPlants.Plant plant) {
        if (quotes.isEmpty()) {
            return quotes;
        }
        boolean decided = quotes.stream().anyMatch(SimWorld.Quote::selected);
        long[] totals = quotes.stream().mapToLong(q -> total(q, products)).toArray();
        long most = java.util.Arrays.stream(totals).max().orElse(0);
        double factor = most > SimPlants.CA_CLEAN_MAX ? SimPlants.CA_CLEAN_MAX / (double) most : 1;
        int pick = -1;
        if (decided) {
            pick = 0;
            for (int q = 1; q < totals.length; q++) {
                boolean better = plant == SimPlants.Plant.CA_CHEAPEST_NOT_CHOSEN ? totals[q] > totals[pick]
                        : totals[q] < totals[pick];
                pick = better ? q : pick;
            }
            if (plant == SimPlants.Plant.CA_CHEAPEST_NOT_CHOSEN && totals[pick] == java.util.Arrays.stream(totals)
                    .min().orElse(0)) {
                pick = -2; // every quote the same: the pattern cannot show (the benchmark leaves it out)
            }
        }
        List<SimWorld.Quote> out = new ArrayList<>();
        for (int q = 0; q < quotes.size(); q++) {
            SimWorld.Quote x = quotes.get(q);
            double f = plant == SimPlants.Plant.CA_OVER_CEILING && pick >= 0
                    ? SimPlants.CA_PLANTED_TOTAL / (double) Math.max(1, totals[pick]) : factor;
            List<BigDecimal> prices = x.unitPrices().stream().map(p -> p.multiply(BigDecimal.valueOf(f))
                    .setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE)).toList();
            out.add(new SimWorld.Quote(x.id(), x.supplier(), x.createdAt(), prices, decided && q == Math.max(pick, 0)));
        }
        return out;
    }

    /** A quote's total in pesos: its unit prices times the quantities asked for. */
    static long total(SimWorld.Quote q, List<SimWorld.CaProduct> products) {
        long t = 0;
        for (int p = 0; p < products.size() && p < q.unitPrices().size(); p++) {
            t += q.unitPrices().get(p).multiply(products.get(p).quantity()).longValue();
        }
        return t;
    }
}
