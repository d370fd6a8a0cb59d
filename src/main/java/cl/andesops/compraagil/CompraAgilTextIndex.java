package cl.andesops.compraagil;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.search.RecordIndex;

/** Compra Ágil's text filter: code, name, description, organism, unit and requested products, in Lucene. */
@Component
public class CompraAgilTextIndex extends RecordIndex {

    CompraAgilTextIndex(JdbcClient jdbc, StorageProperties storage, DataVersions versions,
                   cl.andesops.shared.config.SearchLimits limits) {
        super("compra-agil", "ca_request", storage.dataDir(), DataChanged.Dataset.COMPRA_AGIL, jdbc, versions, limits);
    }

    @Override
    protected List<Row> rows(List<Long> ids) {
        Map<Long, StringBuilder> products = new HashMap<>();
        jdbc.sql("SELECT request_id, name, description FROM ca_product WHERE request_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    StringBuilder b = products.computeIfAbsent(rs.getLong(1), k -> new StringBuilder());
                    b.append(' ').append(nz(rs.getString(2))).append(' ').append(nz(rs.getString(3)));
                });
        return jdbc.sql("SELECT id, code, name, description, organism, unit_name FROM ca_request WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), null,
                        String.join(" ", nz(rs.getString(3)), nz(rs.getString(4)), nz(rs.getString(5)),
                                nz(rs.getString(6))) + products.getOrDefault(rs.getLong(1), new StringBuilder())))
                .list();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
