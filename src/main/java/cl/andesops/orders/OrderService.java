package cl.andesops.orders;

import java.util.List;

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
        return queries.find(filter, offset, limit);
    }

    public int count(OrderFilter filter) {
        return queries.count(filter);
    }
}
