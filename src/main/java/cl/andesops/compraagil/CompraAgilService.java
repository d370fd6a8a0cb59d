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

    public List<CompraAgilRow> find(String text, Integer state, int offset, int limit) {
        return queries.find(text, state, offset, limit);
    }

    public int count(String text, Integer state) {
        return queries.count(text, state);
    }

    public Optional<CompraAgilDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
