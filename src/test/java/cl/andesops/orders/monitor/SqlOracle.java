package cl.andesops.orders.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderTextIndex;
import cl.andesops.shared.format.Formats;

/**
 * The Monitor's summary computed the plain way, in SQL over the orders table: the oracle the in-memory columns are
 * compared against. Slow and obvious on purpose; it lives in the tests only.
 */
final class SqlOracle {

    private final JdbcClient jdbc;
    private final OrderTextIndex text;

    SqlOracle(JdbcClient jdbc, OrderTextIndex text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    /** The WHERE of a filter over detailed orders, as plain SQL with inline values (test data only). */
    private String where(OrderFilter f, LocalDate from, LocalDate to) {
        List<String> c = new ArrayList<>();
        c.add("has_detail = 1");
        c.add("day BETWEEN " + day(from) + " AND " + day(to));
        if (f.hasText()) {
            String ids = text.matchingIds(f.text(), day(from), day(to)).replaceAll("[\\[\\] ]", "");
            c.add("id IN (-1" + (ids.isEmpty() ? "" : "," + ids) + ")"); // plain SQL on either database
        }
        if (!f.states().isEmpty()) {
            c.add("state_code IN (" + String.join(",", f.states().stream().map(String::valueOf).toList()) + ")");
        }
        if (!f.types().isEmpty()) {
            c.add("type IN (" + String.join(",", f.types().stream().map(t -> "'" + t + "'").toList()) + ")");
        }
        if (f.buyerCode() != null) {
            c.add("buyer_code = '" + f.buyerCode() + "'");
        }
        if (f.supplierCode() != null) {
            c.add("supplier_code = '" + f.supplierCode() + "'");
        }
        if (!f.categories().isEmpty()) {
            c.add("category_code IN (" + String.join(",", f.categories().stream().map(t -> "'" + t + "'").toList())
                    + ")");
        }
        if (f.region() != null) {
            c.add("region = '" + f.region() + "'");
        }
        if (f.minAmount() != null) {
            c.add("amount_clp >= " + f.minAmount());
        }
        if (f.maxAmount() != null) {
            c.add("amount_clp <= " + f.maxAmount());
        }
        return " FROM purchase_order WHERE " + String.join(" AND ", c);
    }

    MonitorSummary summary(OrderFilter f) {
        long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        boolean hourly = days == 1;
        String w = where(f, f.from(), f.to());
        long[] totals = jdbc.sql("SELECT count(*), coalesce(sum(amount_clp), 0), count(DISTINCT buyer_code), "
                + "count(DISTINCT supplier_code)" + w).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)}).single();
        long[] previous = jdbc.sql("SELECT count(*), coalesce(sum(amount_clp), 0)"
                        + where(f, f.from().minusDays(days), f.from().minusDays(1)))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        Long median = totals[0] == 0 ? null : jdbc.sql("SELECT amount_clp" + w
                        + " AND amount_clp IS NOT NULL ORDER BY amount_clp LIMIT 1 OFFSET (SELECT count(amount_clp) / 2"
                        + w + ")").query(Long.class).optional().orElse(null);
        List<MonitorSummary.Point> series = new ArrayList<>();
        if (hourly) {
            Instant start = f.from().atStartOfDay(Formats.CHILE).toInstant();
            Instant end = f.from().plusDays(1).atStartOfDay(Formats.CHILE).toInstant();
            for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600)) {
                long[] v = jdbc.sql("SELECT count(*), coalesce(sum(amount_clp), 0)" + w + " AND created_at >= "
                        + h.toEpochMilli() + " AND created_at < " + (h.toEpochMilli() + 3_600_000))
                        .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
                series.add(new MonitorSummary.Point(h.toString(), String.format("%02d:00",
                        h.atZone(Formats.CHILE).getHour()), v[0], v[1]));
            }
        } else {
            for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
                long[] v = jdbc.sql("SELECT count(*), coalesce(sum(amount_clp), 0)" + where(f, d, d))
                        .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
                series.add(new MonitorSummary.Point(d.toString(), String.format("%02d-%02d", d.getDayOfMonth(),
                        d.getMonthValue()), v[0], v[1]));
            }
        }
        return new MonitorSummary(f.from(), f.to(), totals[0], totals[1], median, totals[2], totals[3], previous[0],
                previous[1], hourly, series, top(w, "buyer_code", "buyer_name"), top(w, "supplier_code",
                "supplier_name"), group(w, "type", false), group(w, "state_code", true), group(w, "region", false),
                covered(f.from().minusDays(days)));
    }

    /** Whether detailed orders reach back to that day. */
    private boolean covered(LocalDate day) {
        Integer first = jdbc.sql("SELECT min(day) FROM purchase_order WHERE has_detail = 1 AND day > 0")
                .query(Integer.class).single();
        return first != null && day(day) >= first;
    }

    private List<MonitorSummary.Slice> top(String w, String code, String name) {
        return jdbc.sql("SELECT " + code + ", max(" + name + "), count(*), coalesce(sum(amount_clp), 0)" + w + " AND "
                        + code + " IS NOT NULL GROUP BY " + code + " ORDER BY 4 DESC LIMIT 10")
                .query((rs, n) -> new MonitorSummary.Slice(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }

    private List<MonitorSummary.Slice> group(String w, String column, boolean state) {
        return jdbc.sql("SELECT " + column + ", count(*), coalesce(sum(amount_clp), 0)" + w
                        + (state ? " AND state_code IS NOT NULL" : "") + " GROUP BY " + column + " ORDER BY 3 DESC")
                .query((rs, n) -> {
                    String key = rs.getString(1) == null ? "" : rs.getString(1);
                    String label = state ? MpCodes.order(Integer.valueOf(key))
                            : column.equals("region") ? MonitorService.shortRegion(key) : key;
                    return new MonitorSummary.Slice(key, label, rs.getLong(2), rs.getLong(3));
                }).list();
    }

    private static int day(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
