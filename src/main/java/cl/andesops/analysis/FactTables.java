package cl.andesops.analysis;

import static cl.andesops.analysis.FactsText.t;

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
                .map(first -> new Metric(t("Cobertura de los datos"), t("las órdenes guardadas empiezan el {0}: el "
                        + "período pedido empieza antes y sus cifras cubren solo desde esa fecha",
                        Formats.date(startOf(first))), List.of()));
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
                    percent(g.amount(), total)), sources(g.largest()), java.util.Collections.singletonList(g.path())));
        }
        return new Table(title, List.of(label, t("Órdenes"), t("Monto"), t("Participación")), rows);
    }

    Table typeMix(OrderFilter f, long total) {
        List<Row> rows = new ArrayList<>();
        for (OrderStats.Group g : orders.top(f, By.TYPE, 50, 2)) {
            rows.add(new Row(List.of(typeName(g.code()), Formats.count(g.orders()), Formats.clp(g.amount()),
                    percent(g.amount(), total)), sources(g.largest())));
        }
        return new Table(t("Procedimientos (tipo de orden)"), List.of(t("Tipo"), t("Órdenes"), t("Monto"),
                t("Participación")), rows);
    }

    Table categories(OrderFilter f, long total) {
        List<Row> rows = new ArrayList<>();
        for (OrderStats.Group g : orders.top(f, By.CATEGORY, TOP, 2)) {
            rows.add(new Row(List.of(g.code() + " " + shortCategory(g.name()), Formats.count(g.orders()),
                    Formats.clp(g.amount()), percent(g.amount(), total)), sources(g.largest())));
        }
        return new Table(t("Categorías (UNSPSC)"), List.of(t("Categoría"), t("Órdenes"), t("Monto"),
                t("Participación")), rows);
    }

    Optional<Table> flagged(OrderFilter f) {
        List<Row> rows = orders.flagged(f, TOP).stream().map(o -> new Row(List.of(o.code(), nz(o.buyerName()),
                nz(o.supplierName()), Formats.clp(o.amount()), flagText(o.flag())), sources(List.of(o.code())),
                java.util.Arrays.asList(null, o.buyerPath(), o.supplierPath()))).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(t("Órdenes inusuales (señales de alerta)"),
                List.of(t("Orden"), t("Comprador"), t("Proveedor"), t("Monto"), t("Motivo")), rows));
    }

    Metric direct(OrderFilter f, OrderStats.Totals t) {
        OrderStats.Totals dt = orders.totals(f, Only.DIRECT);
        return new Metric(t("Trato directo (sin licitación ni convenio marco)"),
                t(dt.orders() == 1 ? "{0} orden, {1} ({2} del monto)" : "{0} órdenes, {1} ({2} del monto)",
                        Formats.count(dt.orders()), Formats.clp(dt.amount()), percent(dt.amount(), t.amount())),
                sources(orders.largest(f, Only.DIRECT, 3)));
    }

    Metric flaggedCount(OrderFilter f) {
        return new Metric(t("Órdenes inusuales"), Formats.count(orders.totals(f, Only.FLAGGED).orders()),
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
        return new Series(t(daily ? "Monto y órdenes por día" : "Monto y órdenes por mes"), labels, amounts, counts);
    }

    /** Unit prices per product over the most recent lines: median and spread, the cheapest and dearest cited. */
    Optional<Table> prices(OrderFilter f, String title) {
        record Line(String name, double price, String code, String product) {
        }
        Map<String, List<Line>> byProduct = new LinkedHashMap<>();
        for (OrderStats.PriceLine l : orders.priceLines(f, PRICE_LINES)) {
            double price = parse(l.netPrice());
            if (price > 0) {
                byProduct.computeIfAbsent(l.productCode(), k -> new ArrayList<>())
                        .add(new Line(name(l.product(), l.productCode()), price, l.orderCode(), l.productCode()));
            }
        }
        List<Row> rows = byProduct.values().stream().sorted((a, b) -> Integer.compare(b.size(), a.size())).limit(TOP)
                .map(lines -> {
                    List<Line> sorted = lines.stream().sorted((a, b) -> Double.compare(a.price(), b.price())).toList();
                    Line low = sorted.getFirst();
                    Line high = sorted.getLast();
                    return new Row(List.of(low.name(), Formats.count(sorted.size()),
                            clp(cl.andesops.shared.Stats.quantile(sorted.stream().mapToDouble(Line::price).toArray(), 0.5)),
                            clp(low.price()), clp(high.price())),
                            sources(low.code().equals(high.code()) ? List.of(low.code())
                                    : List.of(low.code(), high.code())),
                            java.util.Collections.singletonList(cl.andesops.shared.format.PartyKeys.productPath(
                                    low.product())));
                }).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(title,
                List.of(t("Producto"), t("Líneas"), t("Precio unitario mediano"), t("Mínimo"), t("Máximo")), rows));
    }

    /** How the buyer's tenders went: count, average bidders, single-bidder and deserted ones, complaints. */
    List<Metric> tenderRecord(String buyerCode) {
        List<Metric> m = new ArrayList<>();
        tenders.buyerRecord(buyerCode).ifPresent(r -> {
            m.add(new Metric(t("Licitaciones del comprador registradas"), Formats.count(r.tenders()), List.of()));
            if (r.averageBidders() != null) {
                m.add(new Metric(t("Oferentes promedio"), Formats.decimal(r.averageBidders(), 1),
                        List.of()));
            }
            m.add(new Metric(t("Licitaciones con un solo oferente"), Formats.count(r.singleBidder()),
                    tenderSources(r.singleBidderCodes())));
            m.add(new Metric(t("Licitaciones desiertas"), Formats.count(r.deserted()), tenderSources(r.desertedCodes())));
            if (r.complaints() != null) {
                m.add(new Metric(t("Reclamos recibidos por el comprador"), Formats.count(r.complaints()), List.of()));
            }
        });
        return m;
    }

    Optional<Table> tenderTable(String buyerCode, String except, String title) {
        List<Row> rows = tenders.recentOfBuyer(buyerCode, except, TOP).stream().map(t -> new Row(List.of(t.code(),
                nz(t.name()), nz(t.state()), t.bidders() == null ? "" : String.valueOf(t.bidders()),
                t.closesAt() == null ? "" : Formats.date(t.closesAt())), tenderSources(List.of(t.code())))).toList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Table(title, List.of(t("Licitación"), t("Nombre"), t("Estado"), t("Oferentes"),
                t("Cierre")), rows));
    }

    static Metric concentration(Table top, String label) {
        if (top.rows().isEmpty()) {
            return new Metric(label, t("sin datos"), List.of());
        }
        Row first = top.rows().getFirst();
        return new Metric(label, t("{0} con el {1} del monto", first.cells().getFirst(), first.cells().getLast()),
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
        return total <= 0 ? "0 %" : Formats.decimal(100.0 * part / total, 1) + " %";
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
            case "SE" -> "SE · " + t("sin emisión automática");
            case "CM" -> "CM · " + t("convenio marco");
            case "AG" -> "AG · Compra Ágil";
            case "CC" -> "CC · " + t("compra coordinada");
            case "TD", "D1", "C1", "F3", "G1" -> type + " · " + t("trato directo");
            case "R1" -> "R1 · " + t("menor a 3 UTM");
            default -> type;
        };
    }

    private static String flagText(String flag) {
        if (flag == null) {
            return "";
        }
        if (flag.startsWith("price:")) {
            return t("{0} veces lo habitual del comprador en la categoría", flag.substring(6));
        }
        if (flag.startsWith("new-supplier")) {
            return t("primera orden grande de un proveedor con este comprador");
        }
        return flag;
    }
}
