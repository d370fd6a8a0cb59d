package cl.andesops.compraagil;

import static cl.andesops.compraagil.CompraAgilQueries.decimal;
import static cl.andesops.compraagil.CompraAgilQueries.instant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the integrity indicators read of Compra Ágil: each request stamped in a range of data versions, with its
 * quotes, money as numbers. Read a window of ids at a time.
 */
@Repository
public class CompraAgilFlagInputs {

    /** A request as the indicators judge it. */
    public record RequestCase(long id, String code, String name, Integer stateId, String state, Instant publishedAt,
            Instant closesAt, String currency, BigDecimal amount, Long amountClp, String organism, String organismRut,
            Integer offersReceived, String orderCode, List<Quote> quotes) {
    }

    /**
     * A supplier's quote: its total in pesos, whether the buyer chose it, and the reason the buyer gave for its choice
     * (NombreCriterio, from the open-data file; null where the API alone gave the request).
     */
    public record Quote(long quoteId, String supplierRut, String supplierName, BigDecimal total, boolean selected,
            String criterion) {
    }

    private final JdbcClient jdbc;

    CompraAgilFlagInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests stamped after version {@code from} up to {@code to}, ids after {@code afterId}, in id order. */
    public List<RequestCase> changed(long from, long to, long afterId, int limit) {
        List<RequestCase> requests = jdbc.sql("""
                        SELECT id, code, name, state_id, state, published_at, closes_at, currency, available_amount,
                               amount_clp, organism, organism_rut, offers_received, order_code
                        FROM ca_request WHERE version > :from AND version <= :to AND id > :after ORDER BY id LIMIT :n""")
                .param("from", from).param("to", to).param("after", afterId).param("n", limit)
                .query((rs, n) -> {
                    int state = rs.getInt("state_id");
                    Integer stateId = rs.wasNull() ? null : state;
                    int offers = rs.getInt("offers_received");
                    Integer received = rs.wasNull() ? null : offers;
                    long clp = rs.getLong("amount_clp");
                    Long amountClp = rs.wasNull() ? null : clp;
                    return new RequestCase(rs.getLong("id"), rs.getString("code"), rs.getString("name"), stateId,
                            rs.getString("state"), instant(rs, "published_at"), instant(rs, "closes_at"),
                            rs.getString("currency"), decimal(rs.getString("available_amount")), amountClp,
                            rs.getString("organism"), rs.getString("organism_rut"), received,
                            rs.getString("order_code"), List.of());
                }).list();
        if (requests.isEmpty()) {
            return requests;
        }
        Map<Long, List<Quote>> quotes = new HashMap<>();
        jdbc.sql("SELECT request_id, quote_id, supplier_rut, supplier_name, total, selected, criterion FROM ca_quote "
                        + "WHERE request_id IN (:ids) ORDER BY request_id, quote_id")
                .param("ids", requests.stream().map(RequestCase::id).toList())
                .query(rs -> {
                    quotes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Quote(rs.getLong(2),
                            rs.getString(3), rs.getString(4), decimal(rs.getString(5)), rs.getInt(6) == 1,
                            rs.getString(7)));
                });
        return requests.stream().map(r -> new RequestCase(r.id(), r.code(), r.name(), r.stateId(), r.state(),
                r.publishedAt(), r.closesAt(), r.currency(), r.amount(), r.amountClp(), r.organism(), r.organismRut(),
                r.offersReceived(), r.orderCode(), List.copyOf(quotes.getOrDefault(r.id(), List.of())))).toList();
    }
}
