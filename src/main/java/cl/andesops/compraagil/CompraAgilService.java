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

    /** Whether the words match more requests than a text filter may (then the screen leaves them out and says so). */
    public boolean tooBroad(String text) {
        return queries.tooBroad(text);
    }

    public int textMatchLimit() {
        return queries.textMatchLimit();
    }

    public List<String> regions() {
        return queries.regions();
    }

    public Optional<CompraAgilDetailView> detail(String code) {
        return code == null || code.isBlank() ? Optional.empty() : queries.detail(code.strip());
    }
}
