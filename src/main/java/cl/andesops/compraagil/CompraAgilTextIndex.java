package cl.andesops.compraagil;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.search.RecordIndex;

/** Compra Ágil's text filter: code, name, description, organism, unit and requested products, in Lucene. */
@Component
public class CompraAgilTextIndex extends RecordIndex {

    CompraAgilTextIndex(JdbcClient jdbc, StorageProperties storage) {
        super("compra-agil", "ca_request", storage.dataDir(), DataChanged.Dataset.COMPRA_AGIL, jdbc);
    }

    @Override
    protected List<Row> rows(List<String> codes) {
        return jdbc.sql("""
                        SELECT r.id, r.code,
                               coalesce(r.name, '') || ' ' || coalesce(r.description, '') || ' ' ||
                               coalesce(r.organism, '') || ' ' || coalesce(r.unit_name, '') || ' ' ||
                               coalesce((SELECT group_concat(coalesce(p.name, '') || ' ' || coalesce(p.description, ''), ' ')
                                           FROM ca_product p WHERE p.request_id = r.id), '')
                          FROM ca_request r WHERE r.code IN (:codes)""")
                .param("codes", codes)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), null, rs.getString(3))).list();
    }
}
