package cl.andesops.orders.monitor;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cl.andesops.orders.OrderFilter;

/**
 * The Monitor's columns at five years of Chile (~12 million detailed orders): filled in memory with the shape of
 * the real data (about 6,600 orders a day on working days, 900 buyers, 120,000 suppliers with a long tail, 16
 * regions, the order types and states), then every kind of filter the Monitor offers timed over the whole history,
 * a year and the default 30 days. Imported history arrives newest month first, so row ids are not in date order:
 * the rows here are laid out month by month, newest first, as the import leaves them. Reports the heap the
 * columns take. {@code java ... ScaleBenchmark [orders]}
 */
public final class ScaleBenchmark {

    /** One filter's figures: milliseconds, the median of the runs and the slowest. */
    public record Figure(String filter, double p50, double max, long orders) {
    }

    public record Result(int rows, long columnBytes, long heapUsedBytes, List<Figure> figures) {
    }

    public static Result run(int rows, LocalDate today, int repetitions) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        OrderColumns c = fill(rows, today);
        System.gc();
        long heap1 = rt.totalMemory() - rt.freeMemory();
        LocalDate first = LocalDate.ofEpochDay(c.firstDay);
        Map<String, OrderFilter> filters = new LinkedHashMap<>();
        OrderFilter all = OrderFilter.none().withDates(first, today);
        filters.put("5 years, no filter", all);
        filters.put("5 years, one region", all.withRegion("Región Metropolitana de Santiago"));
        filters.put("5 years, one buyer", all.withBuyer("B17"));
        filters.put("5 years, one supplier", all.withSupplier("S3"));
        filters.put("5 years, type SE + state accepted", all.withTypes(Set.of("SE")).withStates(Set.of(6)));
        filters.put("5 years, amount ≥ CLP 10 million", all.withAmount(10_000_000L, null));
        filters.put("last 12 months, no filter", OrderFilter.none().withDates(today.minusYears(1).plusDays(1), today));
        filters.put("last 30 days, no filter", OrderFilter.none().withDates(today.minusDays(29), today));
        filters.put("today, hourly", OrderFilter.none().withDates(today, today));
        List<Figure> figures = new ArrayList<>();
        for (var e : filters.entrySet()) {
            OrderFilter f = e.getValue();
            boolean hourly = f.from().equals(f.to());
            long firstHour = f.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond() / 3600;
            double[] ms = new double[repetitions];
            long orders = 0;
            for (int i = -2; i < repetitions; i++) { // two warm-up runs
                long t0 = System.nanoTime();
                Aggregate a = ColumnScan.aggregate(c, f, null, hourly, firstHour);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                orders = a.orders();
            }
            Arrays.sort(ms);
            figures.add(new Figure(e.getKey(), ms[ms.length / 2], ms[ms.length - 1], orders));
        }
        return new Result(c.rows, c.bytes(), heap1 - heap0, figures);
    }

    /** Month by month, newest first, each month's orders in day order: the layout the history import leaves. */
    static OrderColumns fill(int rows, LocalDate today) {
        Random r = new Random(20260101);
        OrderColumns c = new OrderColumns();
        c.grow(rows + 1);
        String[] regions = {"Región Metropolitana de Santiago", "Región de Valparaíso", "Región del Biobío",
            "Región de la Araucanía", "Región del Maule", "Región de Los Lagos", "Región de Coquimbo",
            "Región de Antofagasta", "Región de O'Higgins", "Región de Ñuble", "Región de Los Ríos",
            "Región de Tarapacá", "Región de Atacama", "Región de Arica y Parinacota", "Región de Aysén",
            "Región de Magallanes"};
        String[] types = {"SE", "CM", "AG", "TL", "D1", "C1", "F3", "G1", "R1", "CA"};
        String[] states = {"4", "5", "6", "9", "12", "15"};
        int perDay = Math.max(1, rows / (5 * 365));
        int id = 1;
        LocalDate month = today.withDayOfMonth(1);
        while (id <= rows) {
            for (LocalDate d = month; d.getMonth() == month.getMonth() && !d.isAfter(today) && id <= rows;
                 d = d.plusDays(1)) {
                int n = d.getDayOfWeek().getValue() >= 6 ? perDay / 5 : perDay * 6 / 5;
                int yyyymmdd = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
                long dayStartHour = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond() / 3600;
                for (int i = 0; i < n && id <= rows; i++, id++) {
                    c.day[id] = (int) d.toEpochDay();
                    c.bound(id);
                    c.hour[id] = (int) (dayStartHour + 8 + r.nextInt(12));
                    c.amount[id] = r.nextInt(20) == 0 ? OrderColumns.NO_AMOUNT
                            : (long) Math.exp(10 + r.nextGaussian() * 2.2);
                    c.state[id] = (short) c.states.id(states[skewed(r, states.length)]);
                    c.type[id] = (short) c.types.id(types[skewed(r, types.length)]);
                    c.region[id] = (short) c.regions.id(regions[skewed(r, regions.length)]);
                    c.buyer[id] = c.buyers.id("B" + skewed(r, 900));
                    c.supplier[id] = c.suppliers.id("S" + skewed(r, 120_000));
                    c.rows++;
                }
                if (yyyymmdd == 0) {
                    throw new IllegalStateException();
                }
            }
            month = month.minusMonths(1);
        }
        return c;
    }

    /** 0 most often, then a long tail: a few buyers and suppliers hold most orders, as in the real data. */
    private static int skewed(Random r, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(r.nextDouble(), 3) * n));
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 12_000_000;
        Result res = run(rows, LocalDate.of(2026, 11, 30), 7);
        System.out.printf("columns: %,d orders, %,d MB of arrays, heap +%,d MB; max heap %,d MB%n", res.rows(),
                res.columnBytes() / 1_000_000, res.heapUsedBytes() / 1_000_000,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1_000_000);
        for (Figure f : res.figures()) {
            System.out.printf("  %-40s p50 %7.1f ms  max %7.1f ms  (%,d orders)%n", f.filter(), f.p50(), f.max(),
                    f.orders());
        }
    }
}
