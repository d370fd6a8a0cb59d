package cl.andesops.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.compraagil.CompraAgilWriter;
import cl.andesops.mercadopublico.CaRequest;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.orders.OrderWriter;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.tenders.TenderOffer;
import cl.andesops.tenders.TenderWriter;

/**
 * Stores a batch of records read from the open data through the features' writers: one transaction (which also
 * records how far the import got) and one event per batch. {@link OpenDataImport} reads; this writes.
 */
@Component
class FileRecordStore {

    private final OrderWriter orders;
    private final TenderWriter tenders;
    private final CompraAgilWriter compraAgil;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final cl.andesops.shared.persistence.DataVersions versions;

    FileRecordStore(OrderWriter orders, TenderWriter tenders, CompraAgilWriter compraAgil,
                    @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, ApplicationEventPublisher events,
                    cl.andesops.shared.persistence.DataVersions versions) {
        this.versions = versions;
        this.orders = orders;
        this.tenders = tenders;
        this.compraAgil = compraAgil;
        this.tx = tx;
        this.events = events;
    }

    /** One transaction, one event; an order repeated in the batch keeps its last copy (the writer's rule). */
    long orders(List<OrderRows.FileOrder> batch, Instant asOf, Runnable inTransaction) {
        if (batch.isEmpty()) {
            tx.executeWithoutResult(s -> inTransaction.run());
            return 0;
        }
        List<OrderDetail> details = batch.stream().map(OrderRows.FileOrder::detail).toList();
        Map<String, BigDecimal> pesos = new HashMap<>();
        for (OrderRows.FileOrder o : batch) {
            if (o.totalClp() != null) {
                pesos.put(o.detail().code(), o.totalClp());
            }
        }
        Map<String, OrderWriter.FileFacts> facts = new HashMap<>();
        batch.forEach(o -> facts.put(o.detail().code(), o.facts()));
        List<String> added = tx.execute(s -> {
            List<String> a = orders.storeFileDetails(details, pesos, facts);
            inTransaction.run();
            return a;
        });
        announce(DataChanged.Dataset.ORDERS, details.stream().map(OrderDetail::code).toList(), added);
        return details.stream().map(OrderDetail::code).distinct().count();
    }

    /** The tenders and every offer, in one transaction. */
    long tenders(List<TenderRows.FileTender> batch, Instant asOf, Runnable inTransaction) {
        if (batch.isEmpty()) {
            tx.executeWithoutResult(s -> inTransaction.run());
            return 0;
        }
        List<TenderDetail> details = batch.stream().map(TenderRows.FileTender::detail).toList();
        Map<String, List<TenderOffer>> offers = new HashMap<>();
        for (TenderRows.FileTender t : batch) {
            offers.put(t.detail().code(), t.offers());
        }
        Map<String, TenderWriter.FileFacts> facts = new HashMap<>();
        batch.forEach(t -> facts.put(t.detail().code(), t.facts()));
        List<String> added = tx.execute(s -> {
            List<String> a = tenders.storeFileDetails(details, asOf);
            tenders.storeOffers(offers);
            tenders.storeFileFacts(facts);
            inTransaction.run();
            return a;
        });
        announce(DataChanged.Dataset.TENDERS, details.stream().map(TenderDetail::code).toList(), added);
        return details.stream().map(TenderDetail::code).distinct().count();
    }

    /** Compra Ágil requests with their products and quotes, in one transaction. */
    long requests(List<CaRequest> batch, Instant asOf, Runnable inTransaction) {
        if (batch.isEmpty()) {
            tx.executeWithoutResult(s -> inTransaction.run());
            return 0;
        }
        List<String> added = tx.execute(s -> {
            List<String> a = compraAgil.storeFileDetails(batch, asOf);
            inTransaction.run();
            return a;
        });
        announce(DataChanged.Dataset.COMPRA_AGIL, batch.stream().map(CaRequest::code).toList(), added);
        return batch.stream().map(CaRequest::code).distinct().count();
    }

    private void announce(DataChanged.Dataset dataset, List<String> codes, List<String> added) {
        Set<String> isNew = new HashSet<>(added);
        events.publishEvent(new DataChanged(dataset, versions.committed(dataset), added,
                codes.stream().filter(c -> !isNew.contains(c)).distinct().toList()));
    }
}
