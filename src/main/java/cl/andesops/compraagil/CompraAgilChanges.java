package cl.andesops.compraagil;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.events.Stamped;

/**
 * The Compra Ágil requests as what watches them reads them: the ones a range of data versions stamped, a window at a
 * time; the state, closing, quotes, selected supplier and order of some; which of them close within a window.
 */
@Component
public class CompraAgilChanges {

    /** A request's watched facts: its state (2 published ... 6 deserted), closing, quotes, selection and order. */
    public record State(String code, String name, Integer state, String stateName, Long closesAt, int quotes,
                        String selected, String order) {
    }

    private final JdbcClient jdbc;

    CompraAgilChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests stamped in ({@code from}, {@code to}], after row {@code after}, by row, at most {@code limit}. */
    public List<Stamped> stamped(long from, long to, long after, int limit) {
        return jdbc.sql("""
                        SELECT id, code, name, version, from_open_data, published_at, NULL FROM ca_request
                        WHERE version > :from AND version <= :to AND id > :after ORDER BY id LIMIT :n""")
                .param("from", from).param("to", to).param("after", after).param("n", limit)
                .query((rs, n) -> Stamped.read(rs)).list();
    }

    public Map<String, State> states(Collection<String> codes) {
        Map<String, State> out = new HashMap<>();
        for (List<String> part : cl.andesops.shared.persistence.Batches.chunks(codes)) {
            jdbc.sql(SELECT + " WHERE r.code IN (:codes)").param("codes", part)
                    .query((rs, n) -> state(rs)).list().forEach(s -> out.put(s.code(), s));
        }
        return out;
    }

    /** Those of these requests still published that close in ({@code from}, {@code until}], soonest first. */
    public List<State> closing(Collection<String> codes, long from, long until, int limit) {
        List<State> out = new ArrayList<>();
        for (List<String> part : cl.andesops.shared.persistence.Batches.chunks(codes)) {
            out.addAll(jdbc.sql(SELECT + " WHERE r.code IN (:codes) AND r.state_id = 2 AND r.closes_at > :from "
                            + "AND r.closes_at <= :until").param("codes", part).param("from", from)
                    .param("until", until).query((rs, n) -> state(rs)).list());
        }
        out.sort(java.util.Comparator.comparing(State::closesAt));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static final String SELECT = """
            SELECT r.code, r.name, r.state_id, r.state, r.closes_at, r.order_code,
                   (SELECT count(*) FROM ca_quote q WHERE q.request_id = r.id),
                   (SELECT min(q.supplier_name) FROM ca_quote q WHERE q.request_id = r.id AND q.selected = 1),
                   r.offers_received
            FROM ca_request r""";

    private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new State(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4),
                rs.getObject(5, Long.class), Math.max(rs.getInt(7), rs.getInt(9)), rs.getString(8), rs.getString(6));
    }

}
