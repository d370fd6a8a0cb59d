package cl.andesops.orders;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads purchase orders for the screens and the API. */
@Service
@Transactional(readOnly = true)
public class OrderService {

    private final OrderQueries queries;
    private final OrderStats stats;

    OrderService(OrderQueries queries, OrderStats stats) {
        this.queries = queries;
        this.stats = stats;
    }

    public List<OrderRow> find(OrderFilter filter, int offset, int limit) {
        return queries.find(filter, OrderSort.NEWEST, offset, limit);
    }

    public List<OrderRow> find(OrderFilter filter, OrderSort sort, int offset, int limit) {
        return queries.find(filter, sort, offset, limit);
    }

    public int count(OrderFilter filter) {
        return queries.count(filter);
    }

    public List<Party> buyers(String text, int offset, int limit) {
        return queries.buyers(text, offset, limit);
    }

    public List<Party> suppliers(String text, int offset, int limit) {
        return queries.suppliers(text, offset, limit);
    }

    public Optional<Party> buyer(String code) {
        return code == null ? Optional.empty() : queries.buyer(code);
    }

    public Optional<Party> supplier(String code) {
        return code == null ? Optional.empty() : queries.supplier(code);
    }

    public List<String> regions() {
        return queries.regions();
    }

    /**
     * The ids of the detailed orders whose category (their first item's) is one of these, on the Chile days
     * {@code fromDay}..{@code toDay} (yyyymmdd): what the Monitor's columns, which hold no category, are restricted to.
     */
    public long[] idsInCategories(java.util.Set<String> categories, int fromDay, int toDay) {
        return queries.idsInCategories(categories, fromDay, toDay);
    }

    /**
     * The categories (rubros) orders were seen in: UNSPSC code to its name, in code order. Every Monitor opened asks
     * for them and they change seldom (a new class of product): read at most every ten minutes, not per screen.
     */
    public java.util.Map<String, String> categories() {
        return categories.get(Boolean.TRUE, k -> {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            stats.knownCategories().forEach(c -> out.put(c[0], c[1] == null ? c[0] : c[1]));
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    private final com.github.benmanes.caffeine.cache.Cache<Boolean, java.util.Map<String, String>> categories =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofMinutes(10)).build();

    /** Visits every order of the filter in pages, for exports: memory stays flat whatever the size of the result. */
    /**
     * Every order of the filter, newest first, a page at a time by keyset (no connection or transaction is held
     * between pages, so a slow reader holds nothing), up to {@code max} rows; returns how many were given.
     */
    public long forEachNewest(OrderFilter filter, long max, java.util.function.Consumer<OrderRow> consumer) {
        return forEachNewest(filter, max, 2_000, consumer);
    }

    /** {@link #forEachNewest(OrderFilter, long, java.util.function.Consumer)} in pages of {@code page} rows. */
    public long forEachNewest(OrderFilter filter, long max, int page, java.util.function.Consumer<OrderRow> consumer) {
        long given = 0;
        OrderQueries.After after = null;
        while (given < max) {
            List<OrderQueries.Keyed> rows = queries.newestAfter(filter, after,
                    (int) Math.min(page, max - given));
            for (OrderQueries.Keyed k : rows) {
                consumer.accept(k.row());
            }
            given += rows.size();
            if (rows.size() < page) {
                return given;
            }
            after = rows.getLast().at();
        }
        return given;
    }

    public Optional<OrderDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
