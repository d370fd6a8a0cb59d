package cl.andesops.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.compraagil.CompraAgilChanges;
import cl.andesops.flags.FlagFollower;
import cl.andesops.orders.OrderChanges;
import cl.andesops.tenders.TenderChanges;
import cl.andesops.shared.events.Stamped;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Follower;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.Writer;

/**
 * Matches every commit and imported chunk against the saved searches and follows, by data version and off the
 * sync's thread, after the indicators have judged it (a follow tells of a new flag). The records stamped since the
 * version it reflects are read a window at a time; each window's alerts and the follows' {@code seen} are written in
 * one transaction, and the unique keys of the alerts make a window read twice (after a crash, on a new leader) tell
 * nothing twice. On PostgreSQL the leader matches.
 */
@Component
class AlertFollower extends Follower {

    private static final Logger log = LoggerFactory.getLogger(AlertFollower.class);
    static final int WINDOW = 500;

    private final JdbcClient read;
    private final TransactionTemplate tx;
    private final SearchMatching searches;
    private final FollowEvents follows;
    private final AlertStore store;
    private final FlagFollower flags;
    private final Cluster cluster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TenderChanges tenders;
    private final OrderChanges orders;
    private final CompraAgilChanges requests;

    AlertFollower(DataVersions versions, JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer,
                  @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, SearchMatching searches,
                  FollowEvents follows, AlertStore store, FlagFollower flags, Cluster cluster,
                  ApplicationEventPublisher events, Clock clock, TenderChanges tenders, OrderChanges orders,
                  CompraAgilChanges requests) {
        this.tenders = tenders;
        this.orders = orders;
        this.requests = requests;
        super("alerts", Set.of(Dataset.TENDERS, Dataset.ORDERS, Dataset.COMPRA_AGIL), versions, read, writer);
        this.read = read;
        this.tx = tx;
        this.searches = searches;
        this.follows = follows;
        this.store = store;
        this.flags = flags;
        this.cluster = cluster;
        this.events = events;
        this.clock = clock;
        flags.afterEach(this::queue);
    }

    @Override
    protected boolean active() {
        return cluster.leads();
    }

    /** Up to what the indicators judged: a new flag on a followed record is told with the change that raised it. */
    @Override
    protected long upTo(Dataset dataset, long current) {
        return Math.min(current, flags.reflects(dataset));
    }

    @Override
    protected void follow(Dataset d, long from, long to) {
        boolean anyFollow = follows.any();
        var since = searches.since(d);
        if (since.isEmpty() && !anyFollow) {
            return; // nobody asks about this dataset: nothing to read
        }
        // nothing stamped before the oldest search or follow of the dataset alerts anyone: history is not read again
        // (a party's follow counts the tenders' versions: for orders and requests only the searches set the floor)
        long floor = Math.min(since.orElse(Long.MAX_VALUE), anyFollow ? oldestFollow(d) : Long.MAX_VALUE);
        long start = floor != Long.MAX_VALUE ? Math.max(from, floor) : anyFollow && from > 0 ? from : to;
        long after = 0;
        while (isRunning()) {
            Map<String, Stamped> window = window(d, start, to, after);
            if (window.isEmpty()) {
                return;
            }
            List<AlertStore.New> found = new ArrayList<>(searches.match(d, window));
            Set<String> keys = new HashSet<>();
            int added = tx.execute(s -> {
                if (anyFollow) {
                    found.addAll(follows.events(d, window));
                }
                return store.insert(found, clock.instant());
            });
            if (added > 0) {
                found.forEach(a -> keys.add(a.keyId()));
                log.debug("{} alerts from {} changed {} records", added, window.size(), d);
                events.publishEvent(new AlertsAdded(keys));
            }
            after = window.values().stream().mapToLong(Stamped::id).max().orElse(after);
            stopIfStopping();
        }
    }

    /** The oldest version a follow of this dataset's records (and, for tenders, of a party) alerts after. */
    private long oldestFollow(Dataset d) {
        List<String> kinds = switch (d) {
            case TENDERS -> List.of("TENDER", "BUYER", "SUPPLIER");
            case COMPRA_AGIL -> List.of("COMPRA_AGIL");
            case ORDERS -> List.of();
        };
        if (kinds.isEmpty()) {
            return Long.MAX_VALUE;
        }
        Long v = read.sql("SELECT min(since_version) FROM follow WHERE kind IN (:k)").param("k", kinds)
                .query(Long.class).optional().orElse(null);
        return v == null ? Long.MAX_VALUE : v;
    }

    /** The records stamped in ({@code from}, {@code to}], after row {@code after}, a window at a time. */
    private Map<String, Stamped> window(Dataset d, long from, long to, long after) {
        List<Stamped> rows = switch (d) {
            case TENDERS -> tenders.stamped(from, to, after, WINDOW);
            case ORDERS -> orders.stamped(from, to, after, WINDOW);
            case COMPRA_AGIL -> requests.stamped(from, to, after, WINDOW);
        };
        Map<String, Stamped> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.code(), r));
        return out;
    }

    /** For tests and benchmarks: waits until every commit is matched. */
    boolean awaitMatched(java.time.Duration atMost) throws InterruptedException {
        flags.awaitJudged(atMost);
        return awaitJudged(atMost);
    }
}
