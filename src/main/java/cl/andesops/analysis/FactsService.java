package cl.andesops.analysis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cl.andesops.analysis.Facts.Metric;
import cl.andesops.analysis.Facts.Row;
import cl.andesops.analysis.Facts.Series;
import cl.andesops.analysis.Facts.Source;
import cl.andesops.analysis.Facts.SourceType;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.shared.format.Formats;

/**
 * Computes, in SQL over the read pool, the figures each analysis needs. Every group carries the codes of its
 * largest records as sources; nothing is loaded whole into memory (prices read at most {@value #PRICE_LINES} lines).
 */
@Service
public class FactsService {

    static final int TOP = 10;
    static final int PRICE_LINES = 20_000;
    private static final int SOURCES_PER_ROW = 3;
    private static final int UNTRUSTED_MAX = 2_000;
    /** Orders with no tender behind them and no framework agreement: the direct-award types (api §2.6). */
    private static final String DIRECT = "(po.type IN ('TD','D1','C1','F3','G1') OR (po.type = 'SE' AND po.tender_code IS NULL))";

    private final JdbcClient jdbc;
    private final Clock clock;

    FactsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The facts of a subject; empty when it does not exist here (an unknown code, a malformed slice). */
    public Optional<Facts> facts(Subject subject) {
        if (subject.isBlank()) {
            return Optional.empty();
        }
        return switch (subject.kind()) {
            case TENDER -> tender(subject.key());
            case BUYER -> buyer(subject.key());
            case SUPPLIER -> supplier(subject.key());
            case MARKET -> subject.slice().map(this::market);
        };
    }

    // ---- orders, shared by buyer, supplier and market ----

    /** A WHERE over {@code purchase_order po} with its named parameters. */
    record Where(String sql, Map<String, Object> params) {
        Where and(String condition, String name, Object value) {
            Map<String, Object> p = new HashMap<>(params);
            p.put(name, value);
            return new Where(sql + " AND " + condition, p);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    private Where lastYear(String column, String value) {
        long since = Instant.now(clock).minus(Duration.ofDays(365)).toEpochMilli();
        return new Where(" WHERE po." + column + " = :subject AND po.created_at >= :since",
                Map.of("subject", value, "since", since));
    }

    private List<Source> largest(Where w, int n) {
        return w.bind(jdbc.sql("SELECT po.code FROM purchase_order po" + w.sql()
                        + " ORDER BY po.amount_clp DESC LIMIT " + n))
                .query((rs, i) -> new Source(rs.getString(1), SourceType.ORDER)).list();
    }

    record Totals(long orders, long amount, long buyers, long suppliers) {
    }

    private Totals totals(Where w) {
        return w.bind(jdbc.sql("SELECT count(*), coalesce(sum(po.amount_clp), 0), count(DISTINCT po.buyer_code), "
                        + "count(DISTINCT po.supplier_code) FROM purchase_order po" + w.sql()))
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private long median(Where w, long count) {
        if (count == 0) {
            return 0;
        }
        return w.bind(jdbc.sql("SELECT po.amount_clp FROM purchase_order po" + w.sql()
                        + " AND po.amount_clp IS NOT NULL ORDER BY po.amount_clp LIMIT 1 OFFSET " + (count / 2)))
                .query(Long.class).optional().orElse(0L);
    }

    /** The top groups by amount with orders, amount, share of the total and the largest orders of each. */
    private Table top(String title, String label, Where w, String codeColumn, String nameColumn, long total) {
        List<Object[]> groups = w.bind(jdbc.sql("SELECT po." + codeColumn + ", max(po." + nameColumn + "), count(*), "
                        + "coalesce(sum(po.amount_clp), 0) AS amount FROM purchase_order po" + w.sql()
                        + " AND po." + codeColumn + " IS NOT NULL GROUP BY po." + codeColumn
                        + " ORDER BY amount DESC LIMIT " + TOP))
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)}).list();
        List<Row> rows = new ArrayList<>();
        for (Object[] g : groups) {
            long amount = (long) g[3];
            rows.add(new Row(List.of(name((String) g[1], (String) g[0]), Formats.count((long) g[2]), Formats.clp(amount),
                    percent(amount, total)),
                    largest(w.and(unindexed(codeColumn) + " = :group", "group", g[0]), SOURCES_PER_ROW)));
        }
        return new Table(title, List.of(label, "Órdenes", "Monto", "Participación"), rows);
    }

    private Table typeMix(Where w, long total) {
        List<Object[]> groups = w.bind(jdbc.sql("SELECT coalesce(po.type, '?'), count(*), coalesce(sum(po.amount_clp), 0) AS amount "
                        + "FROM purchase_order po" + w.sql() + " GROUP BY 1 ORDER BY amount DESC"))
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3)}).list();
        List<Row> rows = new ArrayList<>();
        for (Object[] g : groups) {
            rows.add(new Row(List.of(typeName((String) g[0]), Formats.count((long) g[1]), Formats.clp((long) g[2]),
                    percent((long) g[2], total)), largest(w.and(unindexed("type") + " = :type", "type", g[0]), 2)));
        }
        return new Table("Procedimientos (tipo de orden)", List.of("Tipo", "Órdenes", "Monto", "Participación"), rows);
    }

    private Table categories(Where w, long total) {
        List<Object[]> groups = w.bind(jdbc.sql("SELECT g.cat, g.n, g.amount, (SELECT i.category FROM order_item i "
                        + "WHERE i.order_id = g.first ORDER BY i.line LIMIT 1) FROM (SELECT po.category_code AS cat, "
                        + "count(*) AS n, coalesce(sum(po.amount_clp), 0) AS amount, min(po.id) AS first "
                        + "FROM purchase_order po" + w.sql() + " AND po.category_code IS NOT NULL GROUP BY 1 "
                        + "ORDER BY amount DESC LIMIT " + TOP + ") g ORDER BY g.amount DESC"))
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)}).list();
        List<Row> rows = new ArrayList<>();
        for (Object[] g : groups) {
            rows.add(new Row(List.of(g[0] + " " + shortCategory((String) g[3]), Formats.count((long) g[1]),
                    Formats.clp((long) g[2]), percent((long) g[2], total)),
                    largest(w.and(unindexed("category_code") + " = :cat", "cat", g[0]), 2)));
        }
        return new Table("Categorías (UNSPSC)", List.of("Categoría", "Órdenes", "Monto", "Participación"), rows);
    }

    private Optional<Table> flagged(Where w) {
        List<Row> rows = w.bind(jdbc.sql("SELECT po.code, po.supplier_name, po.buyer_name, po.amount_clp, po.flag "
                        + "FROM purchase_order po" + w.sql() + " AND po.flag IS NOT NULL ORDER BY po.amount_clp DESC LIMIT "
                        + TOP))
                .query((rs, i) -> new Row(List.of(rs.getString(1), nz(rs.getString(3)), nz(rs.getString(2)),
                        Formats.clp(rs.getLong(4)), flagText(rs.getString(5))),
                        List.of(new Source(rs.getString(1), SourceType.ORDER)))).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table("Órdenes inusuales (señales de alerta)",
                List.of("Orden", "Comprador", "Proveedor", "Monto", "Motivo"), rows));
    }

    private Metric direct(Where w, Totals t) {
        Where d = new Where(w.sql() + " AND " + DIRECT, w.params());
        Totals dt = totals(d);
        return new Metric("Trato directo (sin licitación ni convenio marco)", Formats.count(dt.orders())
                + (dt.orders() == 1 ? " orden, " : " órdenes, ")
                + Formats.clp(dt.amount()) + " (" + percent(dt.amount(), t.amount()) + " del monto)", largest(d, 3));
    }

    private Metric flaggedCount(Where w) {
        Where f = new Where(w.sql() + " AND po.flag IS NOT NULL", w.params());
        long n = w.bind(jdbc.sql("SELECT count(*) FROM purchase_order po" + f.sql())).query(Long.class).single();
        return new Metric("Órdenes inusuales", Formats.count(n), largest(f, 3));
    }

    private Series trend(Where w, LocalDate from, LocalDate to) {
        boolean daily = !from.plusDays(62).isBefore(to);
        String bucket = daily ? "po.day" : "po.day / 100";
        Map<Integer, long[]> byBucket = new HashMap<>();
        w.bind(jdbc.sql("SELECT " + bucket + ", count(*), coalesce(sum(po.amount_clp), 0) FROM purchase_order po"
                        + w.sql() + " AND po.day IS NOT NULL GROUP BY 1"))
                .query(rs -> {
                    byBucket.put(rs.getInt(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
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

    /** Unit prices per product over the most recent lines of the orders in {@code w}: median and spread. */
    private Optional<Table> prices(Where w, String title) {
        record Line(String product, String name, double price, String code) {
        }
        Map<String, List<Line>> byProduct = new LinkedHashMap<>();
        w.bind(jdbc.sql("SELECT i.product_code, i.product, i.net_price, po.code FROM purchase_order po "
                        + "JOIN order_item i ON i.order_id = po.id" + w.sql()
                        + " AND i.net_price IS NOT NULL AND po.currency = 'CLP' ORDER BY po.created_at DESC LIMIT " + PRICE_LINES))
                .query(rs -> {
                    double price = parse(rs.getString(3));
                    if (price > 0 && rs.getString(1) != null) {
                        byProduct.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Line(rs.getString(1), rs.getString(2), price, rs.getString(4)));
                    }
                });
        List<Row> rows = byProduct.values().stream().sorted((a, b) -> Integer.compare(b.size(), a.size())).limit(TOP)
                .map(lines -> {
                    List<Line> sorted = lines.stream().sorted((a, b) -> Double.compare(a.price(), b.price())).toList();
                    Line low = sorted.getFirst();
                    Line high = sorted.getLast();
                    return new Row(List.of(name(low.name(), low.product()), Formats.count(sorted.size()),
                            clp(quantile(sorted.stream().mapToDouble(Line::price).toArray(), 0.5)),
                            clp(low.price()), clp(high.price())),
                            low.code().equals(high.code()) ? List.of(new Source(low.code(), SourceType.ORDER))
                                    : List.of(new Source(low.code(), SourceType.ORDER), new Source(high.code(), SourceType.ORDER)));
                }).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(title,
                List.of("Producto", "Líneas", "Precio unitario mediano", "Mínimo", "Máximo"), rows));
    }

    // ---- the four analyses ----

    Optional<Facts> buyer(String code) {
        Optional<String> name = jdbc.sql("SELECT max(organism_name) FROM buyer WHERE organism_code = :c")
                .param("c", code).query(String.class).optional().filter(n -> n != null);
        Where w = lastYear("buyer_code", code);
        Totals t = totals(w);
        if (name.isEmpty() && t.orders() == 0) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("Órdenes de compra (12 meses)", Formats.count(t.orders()), largest(w, 3)));
        metrics.add(new Metric("Monto total (12 meses)", Formats.clp(t.amount()), List.of()));
        metrics.add(new Metric("Mediana por orden", Formats.clp(median(w, t.orders())), List.of()));
        metrics.add(new Metric("Proveedores distintos", Formats.count(t.suppliers()), List.of()));
        metrics.add(direct(w, t));
        metrics.add(flaggedCount(w));
        metrics.addAll(tenderRecord(code));
        List<Table> tables = new ArrayList<>();
        Table suppliers = top("Principales proveedores", "Proveedor", w, "supplier_code", "supplier_name", t.amount());
        tables.add(suppliers);
        metrics.add(concentration(suppliers, "Concentración: proveedor principal"));
        tables.add(typeMix(w, t.amount()));
        tables.add(categories(w, t.amount()));
        flagged(w).ifPresent(tables::add);
        tenderTable(new Where(" WHERE t.buyer_code = :b", Map.of("b", code)), "Licitaciones recientes del comprador")
                .ifPresent(tables::add);
        return Optional.of(new Facts(AnalysisKind.BUYER, code, name.orElse(code), "Comprador " + code
                + " · últimos 12 meses", metrics, tables, trend(w, today.minusDays(364), today), null));
    }

    Optional<Facts> supplier(String code) {
        Optional<Object[]> s = jdbc.sql("SELECT name, rut, activity FROM supplier WHERE code = :c").param("c", code)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
        Where w = lastYear("supplier_code", code);
        Totals t = totals(w);
        if (s.isEmpty() && t.orders() == 0) {
            return Optional.empty();
        }
        String name = s.map(r -> (String) r[0]).orElse(code);
        String rut = s.map(r -> (String) r[1]).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("Órdenes recibidas (12 meses)", Formats.count(t.orders()), largest(w, 3)));
        metrics.add(new Metric("Monto total (12 meses)", Formats.clp(t.amount()), List.of()));
        metrics.add(new Metric("Mediana por orden", Formats.clp(median(w, t.orders())), List.of()));
        metrics.add(new Metric("Compradores distintos", Formats.count(t.buyers()), List.of()));
        metrics.add(direct(w, t));
        metrics.add(flaggedCount(w));
        List<Table> tables = new ArrayList<>();
        Table buyers = top("Principales compradores", "Comprador", w, "buyer_code", "buyer_name", t.amount());
        tables.add(buyers);
        metrics.add(concentration(buyers, "Dependencia: comprador principal"));
        tables.add(categories(w, t.amount()));
        prices(w, "Precios del proveedor por producto").ifPresent(tables::add);
        if (rut != null) {
            List<Row> awards = jdbc.sql("""
                            SELECT t.code, t.name, t.buyer_name, count(*), max(t.awarded_at) AS at
                              FROM tender_award a JOIN tender t ON t.id = a.tender_id
                             WHERE a.supplier_rut = :rut GROUP BY t.code ORDER BY at DESC LIMIT 10""")
                    .param("rut", rut)
                    .query((rs, i) -> new Row(List.of(rs.getString(1), nz(rs.getString(2)), nz(rs.getString(3)),
                            Formats.count(rs.getLong(4))), List.of(new Source(rs.getString(1), SourceType.TENDER))))
                    .list();
            long won = jdbc.sql("SELECT count(DISTINCT tender_id) FROM tender_award WHERE supplier_rut = :rut")
                    .param("rut", rut).query(Long.class).single();
            metrics.add(new Metric("Licitaciones adjudicadas", Formats.count(won),
                    awards.stream().limit(3).flatMap(r -> r.sources().stream()).toList()));
            if (!awards.isEmpty()) {
                tables.add(new Table("Licitaciones adjudicadas recientes", List.of("Licitación", "Nombre", "Comprador",
                        "Líneas adjudicadas"), awards));
            }
        }
        return Optional.of(new Facts(AnalysisKind.SUPPLIER, code, name, "Proveedor " + (rut == null ? code : rut)
                + " · últimos 12 meses", metrics, tables, trend(w, today.minusDays(364), today), null));
    }

    Facts market(Subject.Slice slice) {
        int from = slice.from().getYear() * 10_000 + slice.from().getMonthValue() * 100 + slice.from().getDayOfMonth();
        int to = slice.to().getYear() * 10_000 + slice.to().getMonthValue() * 100 + slice.to().getDayOfMonth();
        Where w = new Where(" WHERE po.day BETWEEN :from AND :to", Map.of("from", from, "to", to));
        String category = null;
        if (slice.category() != null && !slice.category().isBlank()) {
            w = w.and("po.category_code = :category", "category", slice.category());
            category = categoryName(slice.category());
        }
        if (slice.region() != null && !slice.region().isBlank()) {
            w = w.and("po.region = :region", "region", slice.region());
        }
        Totals t = totals(w);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("Órdenes de compra", Formats.count(t.orders()), largest(w, 3)));
        metrics.add(new Metric("Monto total", Formats.clp(t.amount()), List.of()));
        metrics.add(new Metric("Mediana por orden", Formats.clp(median(w, t.orders())), List.of()));
        metrics.add(new Metric("Compradores distintos", Formats.count(t.buyers()), List.of()));
        metrics.add(new Metric("Proveedores distintos", Formats.count(t.suppliers()), List.of()));
        List<Table> tables = new ArrayList<>();
        if (t.orders() > 0) {
            metrics.add(direct(w, t));
            metrics.add(flaggedCount(w));
            Table suppliers = top("Principales proveedores", "Proveedor", w, "supplier_code", "supplier_name", t.amount());
            metrics.add(concentration(suppliers, "Concentración: proveedor principal"));
            tables.add(suppliers);
            tables.add(top("Principales compradores", "Comprador", w, "buyer_code", "buyer_name", t.amount()));
            tables.add(typeMix(w, t.amount()));
            if (category == null) {
                tables.add(categories(w, t.amount()));
            }
            prices(w, "Precios unitarios por producto").ifPresent(tables::add);
            flagged(w).ifPresent(tables::add);
        }
        String title = "Mercado: " + (category == null ? "todas las categorías" : slice.category() + " " + category)
                + (slice.region() == null || slice.region().isBlank() ? "" : " · " + slice.region());
        return new Facts(AnalysisKind.MARKET, Subject.market(slice).key(), title, Formats.date(startOf(slice.from()))
                + " al " + Formats.date(startOf(slice.to())), metrics, tables, trend(w, slice.from(), slice.to()), null);
    }

    Optional<Facts> tender(String code) {
        record T(long id, String code, String name, String description, String state, String type, String currency,
                 String estimated, boolean visible, String buyerCode, String buyerName, String unit, String region,
                 Long published, Long closes, Long forumCloses, Long answers, Long estAward, Long awarded,
                 Integer complaints, Integer bidders, String duration) {
        }
        Optional<T> found = jdbc.sql("""
                        SELECT id, code, name, description, state, type, currency, estimated_amount, amount_visible,
                               buyer_code, buyer_name, unit_name, region, published_at, closes_at, forum_closes_at,
                               answers_at, est_award_at, awarded_at, complaints, bidders, contract_duration
                          FROM tender WHERE code = :c""").param("c", code)
                .query((rs, i) -> new T(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1,
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), lng(rs, 14), lng(rs, 15),
                        lng(rs, 16), lng(rs, 17), lng(rs, 18), lng(rs, 19), (Integer) rs.getObject(20),
                        (Integer) rs.getObject(21), rs.getString(22))).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        T t = found.get();
        List<Source> self = List.of(new Source(t.code(), SourceType.TENDER));
        Instant now = Instant.now(clock);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("Estado", nz(t.state()) + (t.type() == null ? "" : " · tipo " + t.type()), self));
        metrics.add(new Metric("Comprador", nz(t.buyerName()) + (t.unit() == null ? "" : " / " + t.unit())
                + (t.region() == null ? "" : " · " + t.region()), self));
        if (t.estimated() != null && t.visible()) {
            metrics.add(new Metric("Monto estimado", Formats.money(new BigDecimal(t.estimated()), t.currency()), self));
        } else {
            metrics.add(new Metric("Monto estimado", "no publicado", self));
        }
        date(metrics, "Publicada", t.published(), self);
        if (t.closes() != null) {
            Instant closes = Instant.ofEpochMilli(t.closes());
            String left = closes.isAfter(now) ? " (quedan " + Duration.between(now, closes).toDays() + " días)" : " (cerrada)";
            metrics.add(new Metric("Cierre de ofertas", Formats.dateTime(closes) + left, self));
        }
        date(metrics, "Cierre de preguntas", t.forumCloses(), self);
        date(metrics, "Publicación de respuestas", t.answers(), self);
        date(metrics, "Adjudicación estimada", t.estAward(), self);
        date(metrics, "Adjudicada", t.awarded(), self);
        if (t.duration() != null && !t.duration().isBlank()) {
            metrics.add(new Metric("Duración del contrato", t.duration(), self));
        }
        if (t.complaints() != null) {
            metrics.add(new Metric("Reclamos contra el comprador", Formats.count(t.complaints()), self));
        }
        if (t.bidders() != null && t.bidders() > 0) {
            metrics.add(new Metric("Oferentes", Formats.count(t.bidders()), self));
        }
        List<Table> tables = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Row> items = jdbc.sql("""
                        SELECT line, category_code, product_code, product_name, description, quantity, unit
                          FROM tender_item WHERE tender_id = :id ORDER BY line""").param("id", t.id())
                .query((rs, i) -> {
                    if (rs.getString(2) != null && !categories.contains(rs.getString(2))) {
                        categories.add(rs.getString(2));
                    }
                    return new Row(List.of(String.valueOf(rs.getInt(1)), nz(rs.getString(3)), nz(rs.getString(4)),
                            (nz(rs.getString(6)) + " " + nz(rs.getString(7))).strip()), self);
                }).list();
        if (!items.isEmpty()) {
            tables.add(new Table("Ítems solicitados", List.of("Línea", "Código UNSPSC", "Producto", "Cantidad"), items));
        }
        List<Row> awards = jdbc.sql("SELECT supplier_name, supplier_rut, quantity, unit_price FROM tender_award "
                        + "WHERE tender_id = :id ORDER BY line").param("id", t.id())
                .query((rs, i) -> new Row(List.of(nz(rs.getString(1)), nz(rs.getString(2)), nz(rs.getString(3)),
                        rs.getString(4) == null ? "" : clp(parse(rs.getString(4)))), self)).list();
        if (!awards.isEmpty()) {
            tables.add(new Table("Adjudicación", List.of("Proveedor", "RUT", "Cantidad", "Precio unitario"), awards));
        }
        long since = now.minus(Duration.ofDays(365)).toEpochMilli();
        if (!categories.isEmpty()) {
            Where inCategory = new Where(" WHERE po.category_code IN (:cats) AND po.created_at >= :since",
                    Map.of("cats", categories, "since", since));
            Totals ct = totals(inCategory);
            metrics.add(new Metric("Órdenes en la categoría (12 meses, todo el país)", Formats.count(ct.orders()) + " · "
                    + Formats.clp(ct.amount()) + " · " + Formats.count(ct.suppliers()) + " proveedores",
                    largest(inCategory, 3)));
            if (ct.orders() > 0) {
                tables.add(top("Quién gana en esta categoría (12 meses)", "Proveedor", inCategory, "supplier_code",
                        "supplier_name", ct.amount()));
                prices(inCategory, "Precios pagados en la categoría (12 meses)").ifPresent(tables::add);
            }
        }
        if (t.buyerCode() != null) {
            Where buyer = new Where(" WHERE po.buyer_code = :b AND po.created_at >= :since",
                    Map.of("b", t.buyerCode(), "since", since));
            Totals bt = totals(buyer);
            if (bt.orders() > 0) {
                tables.add(top("Proveedores habituales de este comprador (12 meses)", "Proveedor", buyer,
                        "supplier_code", "supplier_name", bt.amount()));
            }
            // the tender itself already says how many complaints its buyer has
            tenderRecord(t.buyerCode()).stream().filter(m -> !m.label().startsWith("Reclamos")).forEach(metrics::add);
            tenderTable(new Where(" WHERE t.buyer_code = :b AND t.code <> :self", Map.of("b", t.buyerCode(),
                    "self", t.code())), "Otras licitaciones del comprador").ifPresent(tables::add);
        }
        String text = clean(t.name()) + "\n" + clean(t.description());
        return Optional.of(new Facts(AnalysisKind.TENDER, t.code(), nz(t.name()), "Licitación " + t.code(), metrics,
                tables, null, text.length() > UNTRUSTED_MAX ? text.substring(0, UNTRUSTED_MAX) + "…" : text));
    }

    /** How the buyer's tenders went: count, average bidders, single-bidder and deserted ones, complaints. */
    private List<Metric> tenderRecord(String buyerCode) {
        return jdbc.sql("""
                        SELECT count(*), avg(CASE WHEN bidders > 0 THEN bidders END),
                               sum(CASE WHEN bidders = 1 THEN 1 ELSE 0 END), sum(CASE WHEN state_code = 7 THEN 1 ELSE 0 END),
                               max(complaints) FROM tender WHERE buyer_code = :b""").param("b", buyerCode)
                .query((rs, i) -> {
                    List<Metric> m = new ArrayList<>();
                    long n = rs.getLong(1);
                    if (n == 0) {
                        return m;
                    }
                    m.add(new Metric("Licitaciones del comprador registradas", Formats.count(n), List.of()));
                    if (rs.getObject(2) != null) {
                        m.add(new Metric("Oferentes promedio", String.format(Formats.ES_CL, "%.1f", rs.getDouble(2)),
                                List.of()));
                    }
                    m.add(new Metric("Licitaciones con un solo oferente", Formats.count(rs.getLong(3)),
                            tenderCodes(buyerCode, "bidders = 1")));
                    m.add(new Metric("Licitaciones desiertas", Formats.count(rs.getLong(4)),
                            tenderCodes(buyerCode, "state_code = 7")));
                    if (rs.getObject(5) != null) {
                        m.add(new Metric("Reclamos recibidos por el comprador", Formats.count(rs.getLong(5)), List.of()));
                    }
                    return m;
                }).single();
    }

    private List<Source> tenderCodes(String buyerCode, String condition) {
        return jdbc.sql("SELECT code FROM tender WHERE buyer_code = :b AND " + condition
                        + " ORDER BY published_at DESC LIMIT 3").param("b", buyerCode)
                .query((rs, i) -> new Source(rs.getString(1), SourceType.TENDER)).list();
    }

    private Optional<Table> tenderTable(Where w, String title) {
        List<Row> rows = w.bind(jdbc.sql("SELECT t.code, t.name, t.state, t.bidders, t.closes_at FROM tender t" + w.sql()
                        + " ORDER BY t.published_at DESC LIMIT " + TOP))
                .query((rs, i) -> new Row(List.of(rs.getString(1), nz(rs.getString(2)), nz(rs.getString(3)),
                        rs.getObject(4) == null ? "" : String.valueOf(rs.getInt(4)),
                        rs.getObject(5) == null ? "" : Formats.date(Instant.ofEpochMilli(rs.getLong(5)))),
                        List.of(new Source(rs.getString(1), SourceType.TENDER)))).list();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Table(title, List.of("Licitación", "Nombre", "Estado", "Oferentes", "Cierre"), rows));
    }

    /** The categories orders were seen in, for the market-slice picker: code and name. */
    public List<String[]> knownCategories() {
        return jdbc.sql("""
                        SELECT s.category_code, (SELECT i.category FROM order_item i WHERE i.category_code = s.category_code
                                                  LIMIT 1)
                          FROM (SELECT DISTINCT category_code FROM buyer_category_stats) s ORDER BY 1""")
                .query((rs, i) -> new String[]{rs.getString(1), shortCategory(rs.getString(2))}).list();
    }

    public List<String> knownRegions() {
        return jdbc.sql("SELECT DISTINCT region FROM order_rollup_day WHERE region <> '' ORDER BY 1")
                .query(String.class).list();
    }

    private String categoryName(String code) {
        return jdbc.sql("SELECT category FROM order_item WHERE category_code = :c LIMIT 1").param("c", code)
                .query(String.class).optional().map(FactsService::shortCategory).orElse("");
    }

    // ---- small helpers ----

    /**
     * A group's column written so SQLite does not pick its index ({@code +column}): the group is a slice of rows the
     * base condition already narrowed by its own index (a period, a buyer); the group's index would instead walk
     * every order of, say, a category over all time to find the three largest of one week.
     */
    private static String unindexed(String column) {
        return "+po." + column;
    }

    private static Metric concentration(Table top, String label) {
        if (top.rows().isEmpty()) {
            return new Metric(label, "sin datos", List.of());
        }
        Row first = top.rows().getFirst();
        return new Metric(label, first.cells().getFirst() + " con el " + first.cells().getLast() + " del monto",
                first.sources());
    }

    private static void date(List<Metric> metrics, String label, Long millis, List<Source> sources) {
        if (millis != null) {
            metrics.add(new Metric(label, Formats.dateTime(Instant.ofEpochMilli(millis)), sources));
        }
    }

    private static Instant startOf(LocalDate d) {
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

    private static String clp(double value) {
        return Formats.clp(Math.round(value));
    }

    private static double parse(String decimal) {
        try {
            return decimal == null ? 0 : Double.parseDouble(decimal.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Long lng(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static String name(String name, String code) {
        return name == null || name.isBlank() ? nz(code) : name.strip();
    }

    private static String nz(String s) {
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

    /** Text a tender carries, as plain text: HTML removed, whitespace collapsed. */
    private static String clean(String s) {
        return s == null ? "" : Jsoup.parse(s).text().replaceAll("\\s+", " ").strip();
    }
}
