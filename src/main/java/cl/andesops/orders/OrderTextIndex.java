package cl.andesops.orders;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.search.RecordIndex;

/** The Monitor's text filter: orders' code, name, description, buyer, unit, supplier and items, in Lucene. */
@Component
public class OrderTextIndex extends RecordIndex {

    OrderTextIndex(JdbcClient jdbc, StorageProperties storage) {
        super("orders", "purchase_order", storage.dataDir(), DataChanged.Dataset.ORDERS, jdbc);
    }

    @Override
    protected List<Row> rows(List<String> codes) {
        return jdbc.sql("""
                        SELECT po.id, po.code, po.day,
                               coalesce(po.name, '') || ' ' || coalesce(po.description, '') || ' ' ||
                               coalesce(po.buyer_name, '') || ' ' || coalesce(po.unit_name, '') || ' ' ||
                               coalesce(po.supplier_name, '') || ' ' ||
                               coalesce((SELECT group_concat(coalesce(i.product, '') || ' ' || coalesce(i.buyer_spec, ''), ' ')
                                           FROM order_item i WHERE i.order_id = po.id), '')
                          FROM purchase_order po WHERE po.code IN (:codes)""")
                .param("codes", codes)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)))
                .list();
    }
}
