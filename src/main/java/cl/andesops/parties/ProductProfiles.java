package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cl.andesops.compraagil.CompraAgilProductQueries;
import cl.andesops.orders.OrderProductQueries;
import cl.andesops.shared.format.PartyKeys;

/**
 * Computes a product's price reference from its order lines and Compra Ágil quoted lines, read newest first up to
 * {@value #MAX_LINES} of each (the profile says when it stopped there), prices in pesos only (lines in another
 * currency are counted, not mixed in).
 */
@Service
public class ProductProfiles {

    /**
     * Lines read of each source: a line held with its names is about 700 bytes, so a request holds at most some 35
     * MB whatever the product (at 200,000 it was 140 MB, and a visitor can ask for any product).
     */
    static final int MAX_LINES = 50_000;
    /** The share of lines the main unit must have for the product's prices to be one comparable set. */
    static final double COMPARABLE = 0.8;
    private static final String NO_UNIT = "—";

    private final OrderProductQueries orders;
    private final CompraAgilProductQueries compraAgil;

    ProductProfiles(OrderProductQueries orders, CompraAgilProductQueries compraAgil) {
        this.orders = orders;
        this.compraAgil = compraAgil;
    }

    public Optional<ProductProfile> profile(String code, Period p) {
        Optional<String> key = PartyKeys.product(code);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<Priced> priced = new ArrayList<>();
        long[] counts = new long[2]; // lines, other currency
        String[] name = {null};
        orders.lines(key.get(), p.fromDay(), p.toDay(), MAX_LINES, l -> {
            counts[0]++;
            if (name[0] == null && l.name() != null) {
                name[0] = l.name();
            }
            Double v = Figures.number(l.unitPrice());
            if (l.currency() != null && !l.currency().equals("CLP")) {
                counts[1]++;
            } else if (v != null && v > 0) {
                priced.add(new Priced(l, v, l.unit() == null || l.unit().isBlank() ? NO_UNIT : l.unit().strip()));
            }
        });
        Map<String, List<Double>> quoted = new LinkedHashMap<>();
        compraAgil.quoted(key.get(), BuyerProfiles.millis(p.fromDay(), false), BuyerProfiles.millis(p.toDay(), true),
                MAX_LINES, q -> {
                    Double v = Figures.number(q.unitPrice());
                    if (v != null && v > 0) {
                        quoted.computeIfAbsent(q.unit() == null || q.unit().isBlank() ? NO_UNIT : q.unit().strip(),
                                k -> new ArrayList<>()).add(v);
                    }
                });
        if (counts[0] == 0 && quoted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Double>> byUnit = group(priced, Priced::unit, Priced::price);
        String main = byUnit.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse(null);
        boolean comparable = main != null && byUnit.get(main).size() >= COMPARABLE * priced.size();
        List<Priced> mainLines = priced.stream().filter(x -> x.unit().equals(main)).toList();
        List<ProductProfile.Record> newest = priced.stream().limit(10).map(x -> new ProductProfile.Record(
                x.line().orderCode(), "orders/" + x.line().orderCode(), day(x.line().day()), x.unit(), x.price(),
                x.line().buyerName(), PartyKeys.buyerPath(x.line().buyerCode()), x.line().supplierName(),
                PartyKeys.supplierPath(x.line().supplierRut()))).toList();
        return Optional.of(new ProductProfile(key.get(), name[0], p, counts[0], priced.size(), counts[1],
                counts[0] >= MAX_LINES, main, comparable, prices(byUnit), prices(quoted),
                prices(group(mainLines, x -> day(x.line().day()).substring(0, 7), Priced::price)),
                prices(group(mainLines, x -> x.line().region() == null ? NO_UNIT : x.line().region(), Priced::price)),
                prices(group(mainLines, x -> x.line().procedure(), Priced::price)),
                counterparts(priced, x -> x.line().buyerCode(), x -> x.line().buyerName(), PartyKeys::buyerPath,
                        ProductProfiles::pesos),
                counterparts(priced, x -> x.line().supplierRut(), x -> x.line().supplierName(),
                        PartyKeys::supplierPath, ProductProfiles::pesos), newest));
    }

    /** An order line priced in pesos, with the unit it is counted in. */
    private record Priced(OrderProductQueries.Line line, double price, String unit) {
    }

    /** What a line cost: its unit price times its quantity (one when it has none). */
    private static long pesos(Priced x) {
        Double q = Figures.number(x.line().quantity());
        return Math.round(x.price() * (q == null || q <= 0 ? 1 : q));
    }

    private static <T> Map<String, List<Double>> group(List<T> rows, java.util.function.Function<T, String> key,
                                                       java.util.function.ToDoubleFunction<T> value) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (T t : rows) {
            out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(value.applyAsDouble(t));
        }
        return out;
    }

    /** Each group's quartiles, the largest groups first. */
    static List<ProductProfile.Prices> prices(Map<String, List<Double>> groups) {
        List<ProductProfile.Prices> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : groups.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.add(new ProductProfile.Prices(e.getKey(), v.length, cl.andesops.shared.Stats.quantile(v, 0.25), cl.andesops.shared.Stats.quantile(v, 0.5),
                    cl.andesops.shared.Stats.quantile(v, 0.75)));
        }
        out.sort(Comparator.comparingLong(ProductProfile.Prices::count).reversed()
                .thenComparing(ProductProfile.Prices::key));
        return out;
    }

    /** Who bought or sold it most, by pesos (unit price times quantity), with their lines. */
    private static <T> List<Figures.Counterpart> counterparts(List<T> rows, java.util.function.Function<T, String> key,
                                                              java.util.function.Function<T, String> name,
                                                              java.util.function.Function<String, String> path,
                                                              java.util.function.ToLongFunction<T> amount) {
        Map<String, long[]> count = new HashMap<>(); // lines, pesos
        Map<String, String> names = new HashMap<>();
        long total = 0;
        for (T t : rows) {
            String k = key.apply(t);
            long pesos = amount.applyAsLong(t);
            total += pesos;
            if (k == null) {
                continue;
            }
            long[] c = count.computeIfAbsent(k, x -> new long[2]);
            c[0]++;
            c[1] += pesos;
            names.putIfAbsent(k, name.apply(t));
        }
        long all = total;
        return count.entrySet().stream().sorted(Map.Entry.<String, long[]>comparingByValue(
                        Comparator.comparingLong(a -> -a[1])).thenComparing(Map.Entry.comparingByKey()))
                .limit(BuyerProfiles.TOP).map(e -> new Figures.Counterpart(e.getKey(), names.get(e.getKey()),
                        e.getValue()[0], e.getValue()[1], BuyerProfiles.share(e.getValue()[1], all),
                        path.apply(e.getKey()))).toList();
    }

    private static String day(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100).toString();
    }
}
