package cl.andesops.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Metric;
import cl.andesops.analysis.Facts.Row;
import cl.andesops.analysis.Facts.Series;
import cl.andesops.analysis.Facts.Source;
import cl.andesops.analysis.Facts.SourceType;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderStats;
import cl.andesops.orders.OrderStats.By;
import cl.andesops.orders.OrderStats.Only;
import cl.andesops.shared.format.Formats;
import cl.andesops.tenders.TenderStats;

/**
 * The metrics and tables the analyses share, made from the orders' and tenders' query APIs: every group carries the
 * codes of its largest records as sources; nothing is loaded whole (prices read at most {@value #PRICE_LINES} lines).
 */
@Component
class FactTables {

    static final int TOP = 10;
    static final int PRICE_LINES = 20_000;
    private static final int SOURCES_PER_ROW = 3;

    private final OrderStats orders;
    private final TenderStats tenders;

    FactTables(OrderStats orders, TenderStats tenders) {
        this.orders = orders;
        this.tenders = tenders;
    }

    /**
     * When the period starts before the oldest order held, says so: the figures cover less than they are named
     * for ("12 meses" of a deployment that holds two months), and a model must not read them as the whole period.
     */
    Optional<Metric> coverage(OrderFilter f) {
        return orders.firstDay().filter(first -> f.from() != null && f.from().isBefore(first))
                .map(first -> new Metric("Cobertura de los datos", "las órdenes guardadas empiezan el "
                        + Formats.date(startOf(first)) + ": el período pedido empieza antes y sus cifras cubren solo "
                        + "desde esa fecha", List.of()));
    }

    OrderStats.Totals totals(OrderFilter f) {
        return orders.totals(f, Only.ALL);
    }

    List<Source> largest(OrderFilter f, int n) {
        return sources(orders.largest(f, Only.ALL, n));
    }

    String median(OrderFilter f, long count) {
        return Formats.clp(orders.median(f, count));
    }

    /** The top groups by amount with orders, amount, share of the total and the largest orders of each. */
    Table top(String title, String label, OrderFilter f, By by, long total) {
        List<Row> rows = new ArrayList<>();
        for (OrderStats.Group g : orders.top(f, by, TOP, SOURCES_PER_ROW)) {
            rows.add(new Row(List.of(name(g.name(), g.code()), Formats.count(g.orders()), Formats.clp(g.amount()),
                    percent(g.amount(), total)), sources(g.largest())));
        }
        return new Table(title, List.of(label, "Órdenes", "Monto", "Participación"), rows);
    }

    Table typeMix(OrderFilter f, long total) {
        List<Row> rows = new ArrayList<>();
        for (OrderStats.Group g : orders.top(f, By.TYPE, 50, 2)) {
            rows.add(new Row(List.of(typeName(g.code()), Formats.count(g.orders()), Formats.clp(g.amount()),
                    percent(g.amount(), total)), sources(g.largest())));
        }
        return new Table("Procedimientos (tipo de orden)", List.of("Tipo", "Órdenes", "Monto", "Participación"), rows);
    }

    Table categories(OrderFilter f, long total) {
        List<Row> rows = new ArrayList<>();
        for (OrderStats.Group g : orders.top(f, By.CATEGORY, TOP, 2)) {
            rows.add(new Row(List.of(g.code() + " " + shortCategory(g.name()), Formats.count(g.orders()),
                    Formats.clp(g.amount()), percent(g.amount(), total)), sources(g.largest())));
        }
        return new Table("Categorías (UNSPSC)", List.of("Categoría", "Órdenes", "Monto", "Participación"), rows);
    }

    Optional<Table> flagged(OrderFilter f) {
        List<Row> rows = orders.flagged(f, TOP).stream().map(o -> new Row(List.of(o.code(), nz(o.buyerName()),
                nz(o.supplierName()), Formats.clp(o.amount()), flagText(o.flag())), sources(List.of(o.code())))).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table("Órdenes inusuales (señales de alerta)",
                List.of("Orden", "Comprador", "Proveedor", "Monto", "Motivo"), rows));
    }

    Metric direct(OrderFilter f, OrderStats.Totals t) {
        OrderStats.Totals dt = orders.totals(f, Only.DIRECT);
        return new Metric("Trato directo (sin licitación ni convenio marco)", Formats.count(dt.orders())
                + (dt.orders() == 1 ? " orden, " : " órdenes, ")
                + Formats.clp(dt.amount()) + " (" + percent(dt.amount(), t.amount()) + " del monto)",
                sources(orders.largest(f, Only.DIRECT, 3)));
    }

    Metric flaggedCount(OrderFilter f) {
        return new Metric("Órdenes inusuales", Formats.count(orders.totals(f, Only.FLAGGED).orders()),
                sources(orders.largest(f, Only.FLAGGED, 3)));
    }

    /** Amount and orders per day over two months or less, per month beyond. */
    Series trend(OrderFilter f) {
        LocalDate from = f.from();
        LocalDate to = f.to();
        boolean daily = !from.plusDays(62).isBefore(to);
        Map<Integer, long[]> byBucket = orders.trend(f, !daily);
        List<String> labels = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        if (daily) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                long[] v = byBucket.getOrDefault(d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth(),
                        new long[2]);
                labels.add(d.format(DateTimeFormatter.ofPattern("dd-MM")));
                counts.add(v[0]);
                amounts.add(v[1]);
            }
        } else {
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                long[] v = byBucket.getOrDefault(m.getYear() * 100 + m.getMonthValue(), new long[2]);
                labels.add(m.format(DateTimeFormatter.ofPattern("MM-yyyy")));
                counts.add(v[0]);
                amounts.add(v[1]);
            }
        }
        return new Series(daily ? "Monto y órdenes por día" : "Monto y órdenes por mes", labels, amounts, counts);
    }

    /** Unit prices per product over the most recent lines: median and spread, the cheapest and dearest cited. */
    Optional<Table> prices(OrderFilter f, String title) {
        record Line(String name, double price, String code) {
        }
        Map<String, List<Line>> byProduct = new LinkedHashMap<>();
        for (OrderStats.PriceLine l : orders.priceLines(f, PRICE_LINES)) {
            double price = parse(l.netPrice());
            if (price > 0) {
                byProduct.computeIfAbsent(l.productCode(), k -> new ArrayList<>())
                        .add(new Line(name(l.product(), l.productCode()), price, l.orderCode()));
            }
        }
        List<Row> rows = byProduct.values().stream().sorted((a, b) -> Integer.compare(b.size(), a.size())).limit(TOP)
                .map(lines -> {
                    List<Line> sorted = lines.stream().sorted((a, b) -> Double.compare(a.price(), b.price())).toList();
                    Line low = sorted.getFirst();
                    Line high = sorted.getLast();
                    return new Row(List.of(low.name(), Formats.count(sorted.size()),
                            clp(quantile(sorted.stream().mapToDouble(Line::price).toArray(), 0.5)),
                            clp(low.price()), clp(high.price())),
                            sources(low.code().equals(high.code()) ? List.of(low.code())
                                    : List.of(low.code(), high.code())));
                }).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(title,
                List.of("Producto", "Líneas", "Precio unitario mediano", "Mínimo", "Máximo"), rows));
    }

    /** How the buyer's tenders went: count, average bidders, single-bidder and deserted ones, complaints. */
    List<Metric> tenderRecord(String buyerCode) {
        List<Metric> m = new ArrayList<>();
        tenders.buyerRecord(buyerCode).ifPresent(r -> {
            m.add(new Metric("Licitaciones del comprador registradas", Formats.count(r.tenders()), List.of()));
            if (r.averageBidders() != null) {
                m.add(new Metric("Oferentes promedio", String.format(Formats.ES_CL, "%.1f", r.averageBidders()),
                        List.of()));
            }
            m.add(new Metric("Licitaciones con un solo oferente", Formats.count(r.singleBidder()),
                    tenderSources(r.singleBidderCodes())));
            m.add(new Metric("Licitaciones desiertas", Formats.count(r.deserted()), tenderSources(r.desertedCodes())));
            if (r.complaints() != null) {
                m.add(new Metric("Reclamos recibidos por el comprador", Formats.count(r.complaints()), List.of()));
            }
        });
        return m;
    }

    Optional<Table> tenderTable(String buyerCode, String except, String title) {
        List<Row> rows = tenders.recentOfBuyer(buyerCode, except, TOP).stream().map(t -> new Row(List.of(t.code(),
                nz(t.name()), nz(t.state()), t.bidders() == null ? "" : String.valueOf(t.bidders()),
                t.closesAt() == null ? "" : Formats.date(t.closesAt())), tenderSources(List.of(t.code())))).toList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Table(title, List.of("Licitación", "Nombre", "Estado", "Oferentes", "Cierre"), rows));
    }

    static Metric concentration(Table top, String label) {
        if (top.rows().isEmpty()) {
            return new Metric(label, "sin datos", List.of());
        }
        Row first = top.rows().getFirst();
        return new Metric(label, first.cells().getFirst() + " con el " + first.cells().getLast() + " del monto",
                first.sources());
    }

    static List<Source> sources(List<String> orderCodes) {
        return orderCodes.stream().map(c -> new Source(c, SourceType.ORDER)).toList();
    }

    static List<Source> tenderSources(List<String> tenderCodes) {
        return tenderCodes.stream().map(c -> new Source(c, SourceType.TENDER)).toList();
    }

    static Instant startOf(LocalDate d) {
        return d.atStartOfDay(Formats.CHILE).toInstant();
    }

    static String percent(long part, long total) {
        return total <= 0 ? "0 %" : String.format(Formats.ES_CL, "%.1f %%", 100.0 * part / total);
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    static String clp(double value) {
        return Formats.clp(Math.round(value));
    }

    static double parse(String decimal) {
        try {
            return decimal == null ? 0 : Double.parseDouble(decimal.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String name(String name, String code) {
        return name == null || name.isBlank() ? nz(code) : name.strip();
    }

    static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    /** Only the last level of "Segmento / Familia / Clase". */
    static String shortCategory(String category) {
        if (category == null) {
            return "";
        }
        int slash = category.lastIndexOf('/');
        return (slash < 0 ? category : category.substring(slash + 1)).strip();
    }

    private static String typeName(String type) {
        return switch (type) {
            case "SE" -> "SE · sin emisión automática";
            case "CM" -> "CM · convenio marco";
            case "AG" -> "AG · Compra Ágil";
            case "CC" -> "CC · compra coordinada";
            case "TD", "D1", "C1", "F3", "G1" -> type + " · trato directo";
            case "R1" -> "R1 · menor a 3 UTM";
            default -> type;
        };
    }

    private static String flagText(String flag) {
        if (flag == null) {
            return "";
        }
        if (flag.startsWith("price:")) {
            return flag.substring(6) + " veces lo habitual del comprador en la categoría";
        }
        if (flag.startsWith("new-supplier")) {
            return "primera orden grande de un proveedor con este comprador";
        }
        return flag;
    }
}
