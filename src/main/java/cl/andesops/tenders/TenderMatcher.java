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

        /** The codes of the tenders the search matches. */
        public Set<String> matching(TenderQuery q) {
            // the order of the results is no part of what matches
            return seen.computeIfAbsent(new TenderQuery(q.text(), q.states(), q.types(), q.regions(), q.buyers(),
                    q.categories(), q.closing(), q.amount(), TenderQuery.Order.RELEVANCE),
                    k -> java.util.Collections.unmodifiableSet(search.matching(index, k)));
        }

        @Override
        public void close() {
            index.close();
        }
    }
}
