package cl.andesops.orders;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.events.Stamped;

/** The purchase orders a range of data versions stamped, a window at a time, as what watches them reads them. */
@Component
public class OrderChanges {

    private final JdbcClient jdbc;

    OrderChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders stamped in ({@code from}, {@code to}], after row {@code after}, by row, at most {@code limit}. */
    public List<Stamped> stamped(long from, long to, long after, int limit) {
        return jdbc.sql("""
                        SELECT id, code, name, version, from_open_data, created_at, buyer_code FROM purchase_order
                        WHERE version > :from AND version <= :to AND id > :after ORDER BY id LIMIT :n""")
                .param("from", from).param("to", to).param("after", after).param("n", limit)
                .query((rs, n) -> Stamped.read(rs)).list();
    }
}
