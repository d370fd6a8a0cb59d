package cl.andesops.orders;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.shared.config.FxRates;

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
    private final Map<String, String[]> pairs;

    private OrderFlags(Map<String, double[]> usual, Map<String, String[]> pairs) {
        this.usual = usual;
        this.pairs = pairs;
    }

    /** Reads what the batch's large orders are compared with: one query per chunk, not one per order. */
    static OrderFlags forBatch(JdbcTemplate jdbc, FxRates fx, List<OrderDetail> details) {
        return new OrderFlags(usualAmounts(jdbc, details), knownPairs(jdbc, fx, details));
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
        if (supplier != null && clp >= NEW_SUPPLIER_LARGE_CLP) {
            // seen before: another detailed order of the pair exists (the first and last codes are not both this one)
            String[] codes = pairs.get(buyer + "|" + supplier);
            if (codes == null || (codes[0].equals(code) && codes[1].equals(code))) {
                return "new-supplier";
            }
        }
        return null;
    }

    /** The buyer-supplier pairs of the batch's large orders that already have detailed orders: first and last code. */
    private static Map<String, String[]> knownPairs(JdbcTemplate jdbc, FxRates fx, List<OrderDetail> details) {
        List<String[]> wanted = details.stream().filter(d -> {
                    Long clp = fx.toClp(d.total(), d.currency());
                    return clp != null && clp >= NEW_SUPPLIER_LARGE_CLP;
                })
                .map(d -> new String[]{d.buyer().organismCode(), OrderWriter.supplierCode(d)})
                .filter(p -> p[0] != null && p[1] != null).toList();
        Map<String, String[]> out = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 400) {
            List<String[]> chunk = wanted.subList(from, Math.min(wanted.size(), from + 400));
            String values = String.join(",", Collections.nCopies(chunk.size(), "(?, ?)"));
            // CROSS JOIN keeps the pairs as the outer loop, so each is a search of po_buyer_supplier (a row-value
            // IN would scan the whole index)
            jdbc.query("SELECT po.buyer_code, po.supplier_code, min(po.code), max(po.code) FROM (VALUES " + values
                    + ") AS p CROSS JOIN purchase_order po WHERE po.buyer_code = p.column1"
                    + " AND po.supplier_code = p.column2 AND po.has_detail = 1 GROUP BY po.buyer_code, po.supplier_code", rs -> {
                out.put(rs.getString(1) + "|" + rs.getString(2), new String[]{rs.getString(3), rs.getString(4)});
            }, chunk.stream().flatMap(Arrays::stream).toArray());
        }
        return out;
    }

    /** The buyer-category statistics the batch's large orders are compared with. */
    private static Map<String, double[]> usualAmounts(JdbcTemplate jdbc, List<OrderDetail> details) {
        List<String> buyerCodes = details.stream().filter(d -> d.total() != null
                        && d.total().compareTo(BigDecimal.valueOf(OUTLIER_MIN_CLP)) >= 0)
                .map(d -> d.buyer().organismCode()).filter(Objects::nonNull).distinct().toList();
        Map<String, double[]> out = new HashMap<>();
        for (int from = 0; from < buyerCodes.size(); from += 500) {
            List<String> chunk = buyerCodes.subList(from, Math.min(buyerCodes.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT buyer_code, category_code, orders, sum_log, sum_log_sq FROM buyer_category_stats "
                    + "WHERE buyer_code IN (" + marks + ")", rs -> {
                out.put(rs.getString(1) + "|" + rs.getString(2),
                        new double[]{rs.getLong(3), rs.getDouble(4), rs.getDouble(5)});
            }, chunk.toArray());
        }
        return out;
    }
}
