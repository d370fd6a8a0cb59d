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

    OrderService(OrderQueries queries) {
        this.queries = queries;
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

    /** Visits every order of the filter in pages, for exports: memory stays flat whatever the size of the result. */
    public void forEach(OrderFilter filter, OrderSort sort, java.util.function.Consumer<OrderRow> consumer) {
        int page = 2_000;
        for (int offset = 0; ; offset += page) {
            List<OrderRow> rows = queries.find(filter, sort, offset, page);
            rows.forEach(consumer);
            if (rows.size() < page) {
                return;
            }
        }
    }

    public Optional<OrderDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
