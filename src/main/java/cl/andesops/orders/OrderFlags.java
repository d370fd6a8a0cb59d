package cl.andesops.orders;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.rules.Pesos;

/**
 * Why an order looks unusual, decided as it is written, from what the database knew before its batch: the keys the
 * screens translate are {@code price:N} (N times what this buyer usually pays in the category, in log terms more
 * than {@value #OUTLIER_SIGMAS} standard deviations above) and {@code new-supplier} (a supplier's first large order
 * with this buyer). Reads go through the writer connection, inside the batch's transaction.
 */
final class OrderFlags {

    static final double OUTLIER_SIGMAS = 3.0;
    static final long OUTLIER_MIN_CLP = 1_000_000;
    static final long NEW_SUPPLIER_LARGE_CLP = 20_000_000;

    private final Map<String, double[]> usual;
    /** Codes of large orders whose buyer and supplier have another detailed order. */
    private final Set<String> seen;

    private OrderFlags(Map<String, double[]> usual, Set<String> seen) {
        this.usual = usual;
        this.seen = seen;
    }

    /** Reads what the batch's large orders are compared with: one query per chunk, not one per order. */
    static OrderFlags forBatch(JdbcTemplate jdbc, Pesos fx, List<OrderDetail> details) {
        return new OrderFlags(usualAmounts(jdbc, details), seenPairs(jdbc, fx, details));
    }

    String flag(String code, String buyer, String supplier, String category, Long clp) {
        if (clp == null || buyer == null) {
            return null;
        }
        if (category != null && clp >= OUTLIER_MIN_CLP) {
            double[] stat = usual.get(buyer + "|" + category);
            if (stat != null && stat[0] >= 8) {
                double n = stat[0];
                double mean = stat[1] / n;
                double sd = Math.sqrt(Math.max(0, stat[2] / n - mean * mean));
                double log = Math.log(clp);
                if (sd > 0 && log > mean + OUTLIER_SIGMAS * sd) {
                    return "price:" + Math.round(Math.exp(log - mean));
                }
            }
        }
        if (supplier != null && clp >= NEW_SUPPLIER_LARGE_CLP && !seen.contains(code)) {
            return "new-supplier"; // no other detailed order of the pair before this batch
        }
        return null;
    }

    /**
     * The codes of the batch's large orders whose buyer and supplier already have another detailed order. Each pair
     * stops at the first such order it finds (an index search and one row), however long the pair's history.
     */
    private static Set<String> seenPairs(JdbcTemplate jdbc, Pesos fx, List<OrderDetail> details) {
        List<String[]> wanted = details.stream().filter(d -> {
                    Long clp = fx.toClp(d.total(), d.currency(), d.sentAt());
                    return clp != null && clp >= NEW_SUPPLIER_LARGE_CLP;
                })
                .map(d -> new String[]{d.buyer().organismCode(), OrderWriter.supplierCode(d), d.code()})
                .filter(p -> p[0] != null && p[1] != null && p[2] != null).toList();
        Set<String> out = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += 300) {
            List<String[]> chunk = wanted.subList(from, Math.min(wanted.size(), from + 300));
            String values = String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?)"));
            jdbc.query("SELECT p.column3 FROM (VALUES " + values + ") AS p WHERE EXISTS (SELECT 1 FROM purchase_order po"
                    + " WHERE po.buyer_code = p.column1 AND po.supplier_code = p.column2 AND po.code <> p.column3"
                    + " AND po.has_detail = 1)", rs -> {
                out.add(rs.getString(1));
            }, chunk.stream().flatMap(Arrays::stream).toArray());
        }
        return out;
    }

    /**
     * The statistics of the buyer and category of each of the batch's large orders (its first item's category, as the
     * writer counts it): one key each, not every category of the batch's buyers.
     */
    private static Map<String, double[]> usualAmounts(JdbcTemplate jdbc, List<OrderDetail> details) {
        List<String[]> keys = details.stream().filter(d -> d.total() != null && !d.items().isEmpty()
                        && d.total().compareTo(BigDecimal.valueOf(OUTLIER_MIN_CLP)) >= 0)
                .map(d -> new String[]{d.buyer().organismCode(), d.items().getFirst().categoryCode()})
                .filter(k -> k[0] != null && k[1] != null)
                .map(k -> List.of(k[0], k[1])).distinct().map(k -> k.toArray(String[]::new)).toList();
        Map<String, double[]> out = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 400) {
            List<String[]> chunk = keys.subList(from, Math.min(keys.size(), from + 400));
            String values = String.join(",", Collections.nCopies(chunk.size(), "(?, ?)"));
            // CROSS JOIN keeps the keys as the outer loop: each is a search of the table's primary key
            jdbc.query("SELECT s.buyer_code, s.category_code, s.orders, s.sum_log, s.sum_log_sq FROM (VALUES " + values
                    + ") AS p CROSS JOIN buyer_category_stats s WHERE s.buyer_code = p.column1"
                    + " AND s.category_code = p.column2", rs -> {
                out.put(rs.getString(1) + "|" + rs.getString(2),
                        new double[]{rs.getLong(3), rs.getDouble(4), rs.getDouble(5)});
            }, chunk.stream().flatMap(Arrays::stream).toArray());
        }
        return out;
    }
}
