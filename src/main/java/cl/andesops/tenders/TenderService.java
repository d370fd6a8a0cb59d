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

    /** A page of a tender's offers (every bid on every item, as the open data gives them). */
    public List<TenderOffer> offers(String code, int offset, int limit) {
        return code == null || code.isBlank() ? List.of() : queries.offers(code.strip(), offset, limit);
    }

    /** How many offers a tender received, every item counted; 0 when the open data has given none. */
    public int offerCount(String code) {
        return code == null || code.isBlank() ? 0 : queries.offerCount(code.strip());
    }

    public Optional<TenderDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
