package cl.andesops.tenders;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cl.andesops.orders.OrderStats;

/** Reads tenders for the screens and the API. */
@Service
@Transactional(readOnly = true)
public class TenderService {

    private final TenderQueries queries;
    private final OrderStats orders;

    TenderService(TenderQueries queries, OrderStats orders) {
        this.queries = queries;
        this.orders = orders;
    }

    /** The purchase orders issued from a tender: code, name, supplier, total and currency. */
    public List<String[]> ordersOf(String tenderCode) {
        return orders.ofTender(tenderCode);
    }

    public Optional<TenderDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
