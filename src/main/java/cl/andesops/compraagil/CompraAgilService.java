package cl.andesops.compraagil;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads Compra Ágil requests for the screens and the API. */
@Service
@Transactional(readOnly = true)
public class CompraAgilService {

    private final CompraAgilQueries queries;

    CompraAgilService(CompraAgilQueries queries) {
        this.queries = queries;
    }

    public List<CompraAgilRow> find(CompraAgilFilter filter, int offset, int limit) {
        return queries.find(filter, offset, limit);
    }

    public int count(CompraAgilFilter filter) {
        return queries.count(filter);
    }

    public List<String> regions() {
        return queries.regions();
    }

    public Optional<CompraAgilDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
