package cl.andesops.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.search.RecordIndex;

/** The Monitor's text filter: orders' code, name, description, buyer, unit, supplier and items, in Lucene. */
@Component
public class OrderTextIndex extends RecordIndex {

    OrderTextIndex(JdbcClient jdbc, StorageProperties storage, DataVersions versions,
                   cl.andesops.shared.config.SearchLimits limits) {
        super("orders", "purchase_order", storage.dataDir(), DataChanged.Dataset.ORDERS, jdbc, versions, limits);
    }

    @Override
    protected List<Row> rows(List<Long> ids) {
        Map<Long, StringBuilder> items = new HashMap<>();
        jdbc.sql("SELECT order_id, product, buyer_spec FROM order_item WHERE order_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    StringBuilder b = items.computeIfAbsent(rs.getLong(1), k -> new StringBuilder());
                    b.append(' ').append(nz(rs.getString(2))).append(' ').append(nz(rs.getString(3)));
                });
        return jdbc.sql("""
                        SELECT id, code, day, name, description, buyer_name, unit_name, supplier_name
                          FROM purchase_order WHERE id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        String.join(" ", nz(rs.getString(4)), nz(rs.getString(5)), nz(rs.getString(6)),
                                nz(rs.getString(7)), nz(rs.getString(8)))
                                + items.getOrDefault(rs.getLong(1), new StringBuilder())))
                .list();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
