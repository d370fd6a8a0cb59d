package cl.andesops.tenders;

import java.math.BigDecimal;
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
 * The tenders as what watches them reads them: the ones a range of data versions stamped, a window at a time; the
 * state, closing and answers' date of some; their awarded lines; which of them close within a window.
 */
@Component
public class TenderChanges {

    /** A tender's watched facts: its state (5 published ... 18 revoked), closing and answers' dates. */
    public record State(String code, String name, Integer state, String stateName, Long closesAt, Long answersAt) {
    }

    /** An awarded line: the tender, the supplier as written, the line's amount, and whether the tender is awarded. */
    public record AwardLine(String tender, String supplierRut, String supplierName, BigDecimal amount,
                            boolean awarded) {
    }

    private final JdbcClient jdbc;

    TenderChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenders stamped in ({@code from}, {@code to}], after row {@code after}, by row, at most {@code limit}. */
    public List<Stamped> stamped(long from, long to, long after, int limit) {
        return jdbc.sql("""
                        SELECT id, code, name, version, from_open_data, coalesce(published_at, created_at), buyer_code
                        FROM tender WHERE version > :from AND version <= :to AND id > :after ORDER BY id LIMIT :n""")
                .param("from", from).param("to", to).param("after", after).param("n", limit)
                .query((rs, n) -> Stamped.read(rs)).list();
    }

    public Map<String, State> states(Collection<String> codes) {
        Map<String, State> out = new HashMap<>();
        for (List<String> part : cl.andesops.shared.persistence.Batches.chunks(codes)) {
            jdbc.sql("SELECT code, name, state_code, state, closes_at, answers_at FROM tender WHERE code IN (:codes)")
                    .param("codes", part).query(rs -> {
                        out.put(rs.getString(1), new State(rs.getString(1), rs.getString(2),
                                rs.getObject(3, Integer.class), rs.getString(4), rs.getObject(5, Long.class),
                                rs.getObject(6, Long.class)));
                    });
        }
        return out;
    }

    /** The awarded lines of these tenders, in line order. */
    public List<AwardLine> awards(Collection<String> codes) {
        List<AwardLine> out = new ArrayList<>();
        for (List<String> part : cl.andesops.shared.persistence.Batches.chunks(codes)) {
            out.addAll(jdbc.sql("""
                            SELECT t.code, a.supplier_rut, a.supplier_name, a.quantity * a.unit_price, t.state_code
                            FROM tender_award a JOIN tender t ON t.id = a.tender_id
                            WHERE t.code IN (:codes) ORDER BY t.code, a.line""").param("codes", part)
                    .query((rs, n) -> new AwardLine(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4), rs.getInt(5) == cl.andesops.mercadopublico.TenderDetail.AWARDED))
                    .list());
        }
        return out;
    }

    /** Those of these tenders still published that close in ({@code from}, {@code until}], soonest first. */
    public List<State> closing(Collection<String> codes, long from, long until, int limit) {
        List<State> out = new ArrayList<>();
        for (List<String> part : cl.andesops.shared.persistence.Batches.chunks(codes)) {
            out.addAll(jdbc.sql("""
                            SELECT code, name, state_code, state, closes_at, answers_at FROM tender
                            WHERE code IN (:codes) AND state_code = 5 AND closes_at > :from AND closes_at <= :until""")
                    .param("codes", part).param("from", from).param("until", until)
                    .query((rs, n) -> new State(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
                            rs.getString(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class))).list());
        }
        out.sort(java.util.Comparator.comparing(State::closesAt));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

}
