package cl.andesops.compraagil;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.search.IndexBatch;

/**
 * Which of a set of Compra Ágil requests (the ones a commit changed) each of many filters matches, with the meaning
 * the list's query gives the same {@link CompraAgilFilter}: the requests are read once, their text indexed in memory
 * as {@link CompraAgilTextIndex} holds it, and each filter is a pass over them in memory.
 */
@Component
public class CompraAgilMatcher {

    private final JdbcClient jdbc;
    private final CompraAgilTextIndex text;

    CompraAgilMatcher(JdbcClient jdbc, CompraAgilTextIndex text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    record Facts(long id, String code, Integer state, String region, Long amountClp, Long closesAt) {
    }

    /** Reads the requests with these codes (those not stored are left out). */
    public Batch batch(Collection<String> codes) {
        List<String> all = List.copyOf(new LinkedHashSet<>(codes));
        List<Facts> facts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            facts.addAll(jdbc.sql("SELECT id, code, state_id, region, amount_clp, closes_at FROM ca_request "
                            + "WHERE code IN (:codes)").param("codes", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> new Facts(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                            rs.getString(4), rs.getObject(5) == null ? null : rs.getLong(5),
                            rs.getObject(6) == null ? null : rs.getLong(6)))
                    .list());
        }
        return new Batch(facts);
    }

    /** Requests read once, then matched against any number of filters. Close it when done. */
    public final class Batch implements AutoCloseable {
        private final List<Facts> facts;
        private IndexBatch words;

        Batch(List<Facts> facts) {
            this.facts = facts;
        }

        /** The codes of the requests the filter matches. */
        public Set<String> matching(CompraAgilFilter f) {
            Set<String> byText = null;
            if (f.text() != null && text.restricts(f.text())) {
                if (words == null) {
                    words = text.batch(facts.stream().map(Facts::id).toList());
                }
                byText = text.matching(words, f.text());
            }
            Long after = f.closesAfter() == null ? null : f.closesAfter().toEpochMilli();
            Long before = f.closesBefore() == null ? null : f.closesBefore().toEpochMilli();
            Set<String> out = new LinkedHashSet<>();
            for (Facts r : facts) {
                if ((byText == null || byText.contains(r.code()))
                        && (f.state() == null || f.state().equals(r.state()))
                        && (f.region() == null || f.region().equals(r.region()))
                        && (f.minAmount() == null || r.amountClp() != null && r.amountClp() >= f.minAmount())
                        && (f.maxAmount() == null || r.amountClp() != null && r.amountClp() <= f.maxAmount())
                        && (after == null || r.closesAt() != null && r.closesAt() >= after)
                        && (before == null || r.closesAt() != null && r.closesAt() <= before)) {
                    out.add(r.code());
                }
            }
            return out;
        }

        @Override
        public void close() {
            if (words != null) {
                words.close();
            }
        }
    }
}
