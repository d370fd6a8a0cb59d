package cl.andesops.tenders;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tenders for the screens and the API. */
@Service
@Transactional(readOnly = true)
public class TenderService {

    private final TenderQueries queries;

    TenderService(TenderQueries queries) {
        this.queries = queries;
    }

    public List<TenderRow> find(String text, Integer state, int offset, int limit) {
        return queries.find(text, state, offset, limit);
    }

    public int count(String text, Integer state) {
        return queries.count(text, state);
    }

    public List<String[]> ordersOf(String tenderCode) {
        return queries.ordersOf(tenderCode);
    }

    public Optional<TenderDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
