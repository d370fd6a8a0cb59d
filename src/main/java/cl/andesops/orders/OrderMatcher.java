package cl.andesops.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.search.IndexBatch;

/**
 * Which of a set of orders (the ones a commit changed) each of many filters matches, with the meaning the Monitor's
 * and the API's query give the same {@link OrderFilter} ({@link OrderQueries#where}): the orders are read once, their
 * text indexed in memory exactly as {@link OrderTextIndex} holds it, and each filter is then a pass over them in
 * memory. A filter's words that would be too broad for a screen (it says so and drops them) still match here: an
 * alert tells of a new order that has them.
 */
@Component
public class OrderMatcher {

    private final JdbcClient jdbc;
    private final OrderTextIndex text;

    OrderMatcher(JdbcClient jdbc, OrderTextIndex text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    /** What a filter can ask of an order. */
    record Facts(long id, String code, Integer state, String type, String buyerCode, String supplierCode,
                 String category, String region, Long amountClp, Integer day) {
    }

    /** Reads the orders with these codes (those not stored are left out). */
    public Batch batch(Collection<String> codes) {
        List<Facts> facts = new ArrayList<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(codes));
        for (int from = 0; from < all.size(); from += 500) {
            facts.addAll(jdbc.sql("""
                            SELECT id, code, state_code, type, buyer_code, supplier_code, category_code, region,
                                   amount_clp, day FROM purchase_order WHERE code IN (:codes)""")
                    .param("codes", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> new Facts(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9) == null ? null : rs.getLong(9), (Integer) rs.getObject(10)))
                    .list());
        }
        return new Batch(facts);
    }

    /** Orders read once, then matched against any number of filters. Close it when done. */
    public final class Batch implements AutoCloseable {
        private final List<Facts> facts;
        private IndexBatch words;
        private final Map<String, Set<String>> byText = new HashMap<>();
        /** Filters saved alike (the same rubro and region) evaluated once per commit. */
        private final Map<OrderFilter, Set<String>> seen = new HashMap<>();

        Batch(List<Facts> facts) {
            this.facts = facts;
        }

        public int size() {
            return facts.size();
        }

        /** The codes of the orders the filter matches. */
        public Set<String> matching(OrderFilter f) {
            return seen.computeIfAbsent(f, k -> java.util.Collections.unmodifiableSet(evaluate(k)));
        }

        private Set<String> evaluate(OrderFilter f) {
            Set<String> textCodes = f.hasText() && text.restricts(f.text()) ? words(f.text()) : null;
            Integer from = f.from() == null ? null : OrderQueries.day(f.from());
            Integer to = f.to() == null ? null : OrderQueries.day(f.to());
            Set<String> out = new LinkedHashSet<>();
            for (Facts o : facts) {
                if ((textCodes == null || textCodes.contains(o.code()))
                        && (f.states().isEmpty() || o.state() != null && f.states().contains(o.state()))
                        && (f.types().isEmpty() || o.type() != null && f.types().contains(o.type()))
                        && (f.buyerCode() == null || f.buyerCode().equals(o.buyerCode()))
                        && (f.supplierCode() == null || f.supplierCode().equals(o.supplierCode()))
                        && (f.categories().isEmpty() || o.category() != null && f.categories().contains(o.category()))
                        && (f.region() == null || f.region().equals(o.region()))
                        && (f.minAmount() == null || o.amountClp() != null && o.amountClp() >= f.minAmount())
                        && (f.maxAmount() == null || o.amountClp() != null && o.amountClp() <= f.maxAmount())
                        && (from == null || o.day() != null && o.day() >= from)
                        && (to == null || o.day() != null && o.day() <= to)) {
                    out.add(o.code());
                }
            }
            return out;
        }

        private Set<String> words(String t) {
            return byText.computeIfAbsent(t, k -> {
                if (words == null) {
                    words = text.batch(facts.stream().map(Facts::id).toList());
                }
                return text.matching(words, k);
            });
        }

        @Override
        public void close() {
            if (words != null) {
                words.close();
            }
        }
    }
}
