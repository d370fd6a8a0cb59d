package cl.andesops.tenders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.search.IndexBatch;

/**
 * Which of a set of tenders (the ones a commit changed) each of many searches matches, with the meaning the tender
 * search gives the same {@link TenderQuery}: the tenders are indexed in memory exactly as {@link TenderSearch} holds
 * them, and each search runs its own query (words, facets, closing and amount windows) over them.
 */
@Component
public class TenderMatcher {

    private final JdbcClient jdbc;
    private final TenderSearch search;

    TenderMatcher(JdbcClient jdbc, TenderSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** Reads the tenders with these codes (those not stored are left out). */
    public Batch batch(Collection<String> codes) {
        List<String> all = List.copyOf(new LinkedHashSet<>(codes));
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            ids.addAll(jdbc.sql("SELECT id FROM tender WHERE code IN (:codes)")
                    .param("codes", all.subList(from, Math.min(all.size(), from + 500))).query(Long.class).list());
        }
        return new Batch(search.batch(ids));
    }

    /** Tenders indexed once, then matched against any number of searches. Close it when done. */
    public final class Batch implements AutoCloseable {
        private final IndexBatch index;
        /** Searches saved alike (the same rubro, the same words) run once per commit. */
        private final java.util.Map<TenderQuery, Set<String>> seen = new java.util.HashMap<>();

        Batch(IndexBatch index) {
            this.index = index;
        }

        /** Each part of the searches (their words, a facet's values, a window) run once, as document numbers. */
        private final java.util.Map<Object, java.util.BitSet> parts = new java.util.HashMap<>();

        /**
         * The codes of the tenders the search matches: the AND of its parts (as the search's query is), each part
         * run once for all the searches of the commit.
         */
        public Set<String> matching(TenderQuery q) {
            // the order of the results is no part of what matches
            return seen.computeIfAbsent(new TenderQuery(q.text(), q.states(), q.types(), q.regions(), q.buyers(),
                    q.categories(), q.closing(), q.amount(), TenderQuery.Order.RELEVANCE),
                    k -> java.util.Collections.unmodifiableSet(index.codes(docs(k))));
        }

        private java.util.BitSet docs(TenderQuery q) {
            java.util.BitSet out = index.all();
            if (q.text() != null && !q.text().isBlank()) {
                out.and(part(java.util.List.of("text", q.text()), () -> search.textQuery(q.text())));
            }
            facet(out, "state", q.states());
            facet(out, "type", q.types());
            facet(out, "region", q.regions());
            facet(out, "buyer", q.buyers());
            facet(out, "category", q.categories());
            if (q.closing() != null) {
                out.and(part(java.util.List.of("closing", q.closing()), () -> search.closingQuery(q.closing())));
            }
            if (q.amount() != null) {
                out.and(part(java.util.List.of("amount", q.amount()), () -> search.amountQuery(q.amount())));
            }
            return out;
        }

        private void facet(java.util.BitSet out, String dim, Set<String> values) {
            if (!values.isEmpty()) {
                out.and(part(java.util.List.of(dim, values), () -> search.facetQuery(dim, values)));
            }
        }

        /** A part's documents (every row when it bounds nothing), run once per commit. */
        private java.util.BitSet part(Object key, java.util.function.Supplier<org.apache.lucene.search.Query> query) {
            return parts.computeIfAbsent(key, k -> {
                org.apache.lucene.search.Query q = query.get();
                return q == null ? index.all() : index.docs(q);
            });
        }

        @Override
        public void close() {
            index.close();
        }
    }
}
