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
                 OrderStats orderStats, OrderService orders, cl.andesops.shared.persistence.DataVersions versions,
                 java.time.Clock clock) {
        this.versions = versions;
        this.clock = clock;
        this.tender = tender;
        this.buyer = buyer;
        this.supplier = supplier;
        this.market = market;
        this.orderStats = orderStats;
        this.orders = orders;
    }

    /** Facts are the same for the same subject, data and day: a visitor reopening one costs no query. */
    private record Key(Subject subject, long orders, long tenders, java.time.LocalDate day, String language) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<Key, Optional<Facts>> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(500)
                    .expireAfterAccess(java.time.Duration.ofHours(1)).build();
    private final cl.andesops.shared.persistence.DataVersions versions;
    private final java.time.Clock clock;

    /**
     * The facts of a subject; empty when it does not exist here (an unknown code, a malformed slice). Cached by
     * subject, data version and Chile day, so that reopening a subject computes nothing.
     */
    public Optional<Facts> facts(Subject subject) {
        return facts(subject, cl.andesops.shared.I18n.SPANISH);
    }

    /** The same, worded in {@code locale} (Spanish unless English). */
    public Optional<Facts> facts(Subject subject, java.util.Locale locale) {
        java.util.Locale language = cl.andesops.shared.I18n.supported(locale);
        if (subject.isBlank()) {
            return Optional.empty();
        }
        Key key = new Key(subject, versions.current(cl.andesops.shared.events.DataChanged.Dataset.ORDERS),
                versions.current(cl.andesops.shared.events.DataChanged.Dataset.TENDERS),
                java.time.LocalDate.now(clock.withZone(cl.andesops.shared.format.Formats.CHILE)),
                language.getLanguage());
        return cache.get(key, k -> FactsText.in(language, () -> compute(subject)));
    }

    /** How many subjects' facts were computed (not served from the cache): for tests. */
    long computed() {
        return computed.get();
    }

    private final java.util.concurrent.atomic.AtomicLong computed = new java.util.concurrent.atomic.AtomicLong();

    private Optional<Facts> compute(Subject subject) {
        computed.incrementAndGet();
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
