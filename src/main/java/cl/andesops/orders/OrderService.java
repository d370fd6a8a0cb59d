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

    public Optional<OrderDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
