package cl.andesops.sync;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.orders.OrderWriter;
import cl.andesops.shared.persistence.Writer;

/**
 * Stores order details in bulk (a backfill from files, a benchmark): one transaction per batch, the same writer
 * as the sync, one event per batch.
 */
@Service
public class Ingest {

    private final OrderWriter orders;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final cl.andesops.shared.persistence.DataVersions versions;

    Ingest(OrderWriter orders, @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx,
           ApplicationEventPublisher events, cl.andesops.shared.persistence.DataVersions versions) {
        this.versions = versions;
        this.orders = orders;
        this.tx = tx;
        this.events = events;
    }

    /** Returns how many of the orders were new. */
    public int orders(List<OrderDetail> batch) {
        List<String> added = tx.execute(s -> orders.storeDetails(batch));
        java.util.Set<String> isNew = new java.util.HashSet<>(added);
        List<String> changed = batch.stream().map(OrderDetail::code).filter(c -> !isNew.contains(c)).distinct().toList();
        events.publishEvent(new DataChanged(DataChanged.Dataset.ORDERS, versions.committed(DataChanged.Dataset.ORDERS),
                added, changed));
        return added.size();
    }
}
