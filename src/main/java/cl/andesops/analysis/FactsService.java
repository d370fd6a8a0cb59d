package cl.andesops.analysis;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cl.andesops.orders.OrderService;
import cl.andesops.orders.OrderStats;

/**
 * The facts of a subject, each kind computed by its own class ({@link TenderFacts}, {@link BuyerFacts},
 * {@link SupplierFacts}, {@link MarketFacts}) through the features' query APIs; every figure carries the records
 * behind it as sources.
 */
@Service
public class FactsService {

    private final TenderFacts tender;
    private final BuyerFacts buyer;
    private final SupplierFacts supplier;
    private final MarketFacts market;
    private final OrderStats orderStats;
    private final OrderService orders;

    FactsService(TenderFacts tender, BuyerFacts buyer, SupplierFacts supplier, MarketFacts market,
                 OrderStats orderStats, OrderService orders) {
        this.tender = tender;
        this.buyer = buyer;
        this.supplier = supplier;
        this.market = market;
        this.orderStats = orderStats;
        this.orders = orders;
    }

    /** The facts of a subject; empty when it does not exist here (an unknown code, a malformed slice). */
    public Optional<Facts> facts(Subject subject) {
        if (subject.isBlank()) {
            return Optional.empty();
        }
        return switch (subject.kind()) {
            case TENDER -> tender.of(subject.key());
            case BUYER -> buyer.of(subject.key());
            case SUPPLIER -> supplier.of(subject.key());
            case MARKET -> subject.slice().map(market::of);
        };
    }

    /** The categories orders were seen in, for the market-slice picker: code and short name. */
    public List<String[]> knownCategories() {
        return orderStats.knownCategories().stream()
                .map(c -> new String[]{c[0], FactTables.shortCategory(c[1])}).toList();
    }

    public List<String> knownRegions() {
        return orders.regions();
    }
}
