package cl.andesops.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.AmountBuckets;

/**
 * The Monitor's KPIs and charts. Filters the rollups can answer (period, type, state, region) are read from them in
 * milliseconds; others (text, buyer, supplier, amount) go to the orders table through its indexes. Results are
 * cached per filter until the next committed change, so any number of open Monitors with the same filter cost one
 * computation per change: compute once, fan out.
 */
@Service
public class MonitorService {

    static final int DEFAULT_DAYS = 30;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("dd-MM");

    private final JdbcClient jdbc;
    private final OrderQueries queries;
    private final OrderColumns columns;
    private final OrderTextIndex text;
    private final Clock clock;
    private final Map<OrderFilter, MonitorSummary> cache = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong computations = new AtomicLong();

    MonitorService(JdbcClient jdbc, Clock clock, OrderQueries queries, OrderColumns columns, OrderTextIndex text) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queries = queries;
        this.columns = columns;
        this.text = text;
    }

    /** First of the listeners, so the columns hold the commit before any screen recomputes. */
    @EventListener
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    void on(DataChanged event) {
        if (event.dataset() == DataChanged.Dataset.ORDERS) {
            List<String> codes = new ArrayList<>(event.added());
            codes.addAll(event.changed());
            columns.update(codes);
            version.incrementAndGet();
            cache.clear();
        }
    }

    /** Waits until the in-memory columns are loaded (SQL answers until then): for tests and benchmarks. */
    public boolean awaitColumns(long seconds) throws InterruptedException {
        return columns.awaitLoaded(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Bytes the in-memory columns take: for benchmarks. */
    public long columnBytes() {
        return columns.bytes();
    }

    /** How many summaries were computed (not served from the cache): for tests and benchmarks. */
    public long computations() {
        return computations.get();
    }

    /** The filter with its period made explicit: the last 30 days unless it says otherwise. */
    public OrderFilter withDefaultPeriod(OrderFilter f) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        LocalDate to = f.to() != null ? f.to() : today;
        LocalDate from = f.from() != null ? f.from() : to.minusDays(DEFAULT_DAYS - 1);
        return f.withDates(from.isAfter(to) ? to : from, to);
    }

    public MonitorSummary summary(OrderFilter requested) {
        OrderFilter f = withDefaultPeriod(requested);
        long v = version.get();
        MonitorSummary cached = cache.get(f);
        if (cached != null) {
            return cached;
        }
        MonitorSummary computed = compute(f);
        // a text filter's matches come from the search index, which catches up just after a commit: not cached
        if (version.get() == v && !f.hasText()) {
            cache.put(f, computed);
        }
        return computed;
    }

    /** The summary read from SQL alone, as before the columns are loaded: for tests comparing both ways. */
    MonitorSummary summaryFromSql(OrderFilter requested) {
        return compute(withDefaultPeriod(requested), false);
    }

    private MonitorSummary compute(OrderFilter f) {
        return compute(f, true);
    }

    private MonitorSummary compute(OrderFilter f, boolean fromColumns) {
        computations.incrementAndGet();
        long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        boolean hourly = days == 1;
        long firstHour = f.from().atStartOfDay(Formats.CHILE).toInstant().toEpochMilli() / 3_600_000L;
        OrderFilter previous = f.withDates(f.from().minusDays(days), f.from().minusDays(1));
        OrderColumns.Aggregate a = null;
        if (fromColumns && columns.ready()) {
            long[] ids = f.hasText() ? text.matchingIdArray(f.text(), OrderQueries.day(previous.from()),
                    OrderQueries.day(f.to())) : null;
            a = columns.aggregate(f, ids, hourly, firstHour).orElse(null);
        }
        if (a == null) {
            a = fromSql(f, previous, hourly, firstHour);
        }
        List<MonitorSummary.Slice> buyers = new ArrayList<>(a.topBuyers());
        List<MonitorSummary.Slice> suppliers = new ArrayList<>(a.topSuppliers());
        nameBuyers(buyers);
        nameSuppliers(suppliers);
        List<MonitorSummary.Slice> byState = a.byState().stream().filter(s -> !s.key().isEmpty())
                .map(s -> new MonitorSummary.Slice(s.key(), MpCodes.order(Integer.valueOf(s.key())), s.orders(),
                        s.amountClp())).toList();
        List<MonitorSummary.Slice> byRegion = a.byRegion().stream()
                .map(s -> new MonitorSummary.Slice(s.key(), shortRegion(s.key()), s.orders(), s.amountClp())).toList();
        return new MonitorSummary(f.from(), f.to(), a.orders(), a.amountClp(), a.medianClp(), a.buyers(),
                a.suppliers(), a.previousOrders(), a.previousAmountClp(), hourly, points(f, hourly, a), buyers,
                suppliers, a.byType(), byState, byRegion);
    }

    /** The series as chart points: every hour of the day or every day of the period, zeros included. */
    private static List<MonitorSummary.Point> points(OrderFilter f, boolean hourly, OrderColumns.Aggregate a) {
        List<MonitorSummary.Point> points = new ArrayList<>();
        if (hourly) {
            Instant start = f.from().atStartOfDay(Formats.CHILE).toInstant();
            Instant end = f.from().plusDays(1).atStartOfDay(Formats.CHILE).toInstant();
            int i = 0;
            for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600), i++) {
                String label = String.format("%02d:00", h.atZone(Formats.CHILE).getHour());
                points.add(new MonitorSummary.Point(h.toString(), label, a.seriesOrders()[i], a.seriesAmount()[i]));
            }
        } else {
            int i = 0;
            for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1), i++) {
                points.add(new MonitorSummary.Point(d.toString(), DAY_LABEL.format(d), a.seriesOrders()[i],
                        a.seriesAmount()[i]));
            }
        }
        return points;
    }

    /** The same aggregate from SQL: rollups where the filter allows, the orders table otherwise. */
    private OrderColumns.Aggregate fromSql(OrderFilter f, OrderFilter previous, boolean hourly, long firstHour) {
        boolean rollups = f.rollupFriendly();
        long[] totals = rollups ? rollupTotals(f) : rawTotals(f);
        long[] previousTotals = rollups ? rollupTotals(previous) : rawTotals(previous);
        long[][] series = hourly ? hourly(f, firstHour) : daily(f, rollups);
        boolean byParty = rollups && f.types().isEmpty() && f.states().isEmpty() && f.region() == null;
        return new OrderColumns.Aggregate(totals[0], totals[1], median(f, totals[0]),
                byParty ? distinctFromRollup(f, "order_rollup_buyer", "buyer_code") : distinctRaw(f, "buyer_code"),
                byParty ? distinctFromRollup(f, "order_rollup_supplier", "supplier_code")
                        : distinctRaw(f, "supplier_code"),
                previousTotals[0], previousTotals[1], series[0], series[1],
                byParty ? topFromRollup(f, "order_rollup_buyer", "buyer_code") : topRaw(f, "buyer_code", "buyer_name"),
                byParty ? topFromRollup(f, "order_rollup_supplier", "supplier_code")
                        : topRaw(f, "supplier_code", "supplier_name"),
                group(f, rollups, "type"), group(f, rollups, "state_code"), group(f, rollups, "region"));
    }

    // ---- rollup reads -----------------------------------------------------------------------------------

    private record Sql(String where, Map<String, Object> params) {
    }

    /** The WHERE over order_rollup_day for the filter's period, types, states and region. */
    private static Sql rollupWhere(OrderFilter f) {
        StringBuilder w = new StringBuilder(" WHERE day BETWEEN :from AND :to");
        Map<String, Object> p = new HashMap<>();
        p.put("from", OrderQueries.day(f.from()));
        p.put("to", OrderQueries.day(f.to()));
        if (!f.types().isEmpty()) {
            w.append(" AND type IN (:types)");
            p.put("types", List.copyOf(f.types()));
        }
        if (!f.states().isEmpty()) {
            w.append(" AND state_code IN (:states)");
            p.put("states", List.copyOf(f.states()));
        }
        if (f.region() != null) {
            w.append(" AND region = :region");
            p.put("region", f.region());
        }
        return new Sql(w.toString(), p);
    }

    private long[] rollupTotals(OrderFilter f) {
        Sql s = rollupWhere(f);
        return jdbc.sql("SELECT coalesce(sum(orders), 0), coalesce(sum(amount_clp), 0) FROM order_rollup_day" + s.where())
                .params(s.params()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    private long[][] daily(OrderFilter f, boolean rollups) {
        int n = (int) ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        long[][] series = new long[2][n];
        long first = f.from().toEpochDay();
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            int yyyymmdd = rs.getInt(1);
            int i = (int) (LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100).toEpochDay() - first);
            if (i >= 0 && i < n) {
                series[0][i] += rs.getLong(2);
                series[1][i] += rs.getLong(3);
            }
        };
        if (rollups) {
            Sql s = rollupWhere(f);
            jdbc.sql("SELECT day, sum(orders), sum(amount_clp) FROM order_rollup_day" + s.where() + " GROUP BY day")
                    .params(s.params()).query(add);
        } else {
            OrderQueries.Where w = detailedWhere(f);
            var spec = jdbc.sql("SELECT day, count(*), coalesce(sum(amount_clp), 0) FROM purchase_order" + w.sql
                    + " GROUP BY day");
            w.bind(spec);
            spec.query(add);
        }
        return series;
    }

    private long[][] hourly(OrderFilter f, long firstHour) {
        long[][] series = new long[2][26];
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            long i = rs.getLong(1) - firstHour;
            if (i >= 0 && i < 26) {
                series[0][(int) i] += rs.getLong(2);
                series[1][(int) i] += rs.getLong(3);
            }
        };
        if (f.rollupFriendly() && f.types().isEmpty() && f.states().isEmpty() && f.region() == null) {
            jdbc.sql("SELECT hour, orders, amount_clp FROM order_rollup_hour WHERE hour BETWEEN :a AND :b")
                    .param("a", firstHour).param("b", firstHour + 25).query(add);
        } else {
            OrderQueries.Where w = detailedWhere(f);
            var spec = jdbc.sql("SELECT created_at / 3600000, count(*), coalesce(sum(amount_clp), 0) FROM purchase_order"
                    + w.sql + " GROUP BY 1");
            w.bind(spec);
            spec.query(add);
        }
        return series;
    }

    private List<MonitorSummary.Slice> topFromRollup(OrderFilter f, String table, String column) {
        return jdbc.sql("SELECT " + column + ", sum(orders), sum(amount_clp) FROM " + table
                        + " WHERE day BETWEEN :from AND :to GROUP BY " + column
                        + " HAVING sum(orders) > 0 ORDER BY sum(amount_clp) DESC LIMIT 10")
                .param("from", OrderQueries.day(f.from())).param("to", OrderQueries.day(f.to()))
                .query((rs, n) -> new MonitorSummary.Slice(rs.getString(1), rs.getString(1), rs.getLong(2),
                        rs.getLong(3))).list();
    }

    private long distinctFromRollup(OrderFilter f, String table, String column) {
        return jdbc.sql("SELECT count(DISTINCT " + column + ") FROM " + table
                        + " WHERE day BETWEEN :from AND :to AND orders > 0")
                .param("from", OrderQueries.day(f.from())).param("to", OrderQueries.day(f.to()))
                .query(Long.class).single();
    }

    private List<MonitorSummary.Slice> group(OrderFilter f, boolean rollups, String column) {
        if (rollups) {
            Sql s = rollupWhere(f);
            return jdbc.sql("SELECT " + column + ", sum(orders), sum(amount_clp) FROM order_rollup_day" + s.where()
                            + " GROUP BY " + column + " HAVING sum(orders) > 0 ORDER BY sum(amount_clp) DESC")
                    .params(s.params()).query((rs, n) -> new MonitorSummary.Slice(rs.getString(1), rs.getString(1),
                            rs.getLong(2), rs.getLong(3))).list();
        }
        OrderQueries.Where w = detailedWhere(f);
        var spec = jdbc.sql("SELECT " + column + ", count(*), coalesce(sum(amount_clp), 0) FROM purchase_order"
                + w.sql + " GROUP BY " + column + " ORDER BY 3 DESC");
        w.bind(spec);
        return spec.query((rs, n) -> new MonitorSummary.Slice(rs.getString(1) == null ? "" : rs.getString(1),
                rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    // ---- raw reads ---------------------------------------------------------------------------------------

    private OrderQueries.Where detailedWhere(OrderFilter f) {
        OrderQueries.Where w = queries.where(f);
        String sql = w.sql.isEmpty() ? " WHERE has_detail = 1" : w.sql + " AND has_detail = 1";
        return new OrderQueries.Where(sql, w.params());
    }

    private long[] rawTotals(OrderFilter f) {
        OrderQueries.Where w = detailedWhere(f);
        var spec = jdbc.sql("SELECT count(*), coalesce(sum(amount_clp), 0) FROM purchase_order" + w.sql);
        w.bind(spec);
        return spec.query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    private List<MonitorSummary.Slice> topRaw(OrderFilter f, String codeColumn, String nameColumn) {
        OrderQueries.Where w = detailedWhere(f);
        var spec = jdbc.sql("SELECT " + codeColumn + ", max(" + nameColumn + "), count(*), coalesce(sum(amount_clp), 0)"
                + " FROM purchase_order" + w.sql + " AND " + codeColumn + " IS NOT NULL GROUP BY " + codeColumn
                + " ORDER BY 4 DESC LIMIT 10");
        w.bind(spec);
        return spec.query((rs, n) -> new MonitorSummary.Slice(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4))).list();
    }

    private long distinctRaw(OrderFilter f, String column) {
        OrderQueries.Where w = detailedWhere(f);
        var spec = jdbc.sql("SELECT count(DISTINCT " + column + ") FROM purchase_order" + w.sql);
        w.bind(spec);
        return spec.query(Long.class).single();
    }

    private Long median(OrderFilter f, long count) {
        if (count == 0) {
            return null;
        }
        if (f.rollupFriendly() && f.types().isEmpty() && f.states().isEmpty() && f.region() == null) {
            return medianFromHistogram(f);
        }
        OrderQueries.Where w = detailedWhere(f);
        var spec = jdbc.sql("SELECT amount_clp FROM purchase_order" + w.sql
                + " AND amount_clp IS NOT NULL ORDER BY amount_clp LIMIT 1 OFFSET :middle");
        w.bind(spec);
        return spec.param("middle", count / 2).query(Long.class).optional().orElse(null);
    }

    /**
     * The median read from the per-day amount histogram (1 % buckets) instead of sorting the period's orders: a year
     * is a few hundred thousand small rows instead of two million, and the value is within ±0.5 %.
     */
    private Long medianFromHistogram(OrderFilter f) {
        List<long[]> buckets = jdbc.sql("SELECT bucket, sum(orders) FROM order_rollup_amount WHERE day BETWEEN :from AND :to "
                        + "GROUP BY bucket HAVING sum(orders) > 0 ORDER BY bucket")
                .param("from", OrderQueries.day(f.from())).param("to", OrderQueries.day(f.to()))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        long total = buckets.stream().mapToLong(b -> b[1]).sum();
        long seen = 0;
        for (long[] b : buckets) {
            seen += b[1];
            if (seen * 2 > total) {
                return AmountBuckets.value((int) b[0]);
            }
        }
        return null;
    }

    private void nameBuyers(List<MonitorSummary.Slice> slices) {
        rename(slices, "SELECT organism_name FROM buyer WHERE organism_code = :code LIMIT 1");
    }

    private void nameSuppliers(List<MonitorSummary.Slice> slices) {
        rename(slices, "SELECT name FROM supplier WHERE code = :code");
    }

    private void rename(List<MonitorSummary.Slice> slices, String sql) {
        for (int i = 0; i < slices.size(); i++) {
            MonitorSummary.Slice s = slices.get(i);
            if (s.label() == null || s.label().equals(s.key())) {
                String name = jdbc.sql(sql).param("code", s.key()).query(String.class).optional().orElse(s.key());
                slices.set(i, new MonitorSummary.Slice(s.key(), name, s.orders(), s.amountClp()));
            }
        }
    }

    /** "Región Metropolitana de Santiago" → "Metropolitana de Santiago": regions read better short in charts. */
    static String shortRegion(String region) {
        if (region == null || region.isBlank()) {
            return "—";
        }
        return region.strip().replaceFirst("^Regi[oó]n (de la |del |de los |de )?", "");
    }
}
