package cl.andesops.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** A key's alerts as the bell, its page, the API and its feeds read them. */
@Service
public class Alerts {

    /** The most entries a feed carries. */
    static final int FEED_SIZE = 100;

    private final AlertStore store;
    private final KeyRepository keys;
    private final SavedSearchRepository searches;
    private final Clock clock;

    Alerts(AlertStore store, KeyRepository keys, SavedSearchRepository searches, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.searches = searches;
        this.clock = clock;
    }

    public List<Alert> page(AlertKey key, int offset, int limit) {
        return store.page(key.id(), Math.max(0, offset), Math.clamp(limit, 1, 200));
    }

    public long count(AlertKey key) {
        return store.count(key.id());
    }

    public long unseen(AlertKey key) {
        return store.unseen(key.id());
    }

    public void markSeen(AlertKey key) {
        store.markSeen(key.id(), clock.instant());
    }

    /** What a feed's private name opens: a saved search's alerts or a key's, with its title. */
    public record Feed(String id, String title, String path, java.time.Instant updated, List<Alert> alerts,
                       java.util.Locale locale) {
    }

    /** The feed of this private name (a search's or a key's), or empty: unknown and revoked look alike. */
    public Optional<Feed> feed(String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        Optional<SavedSearch> s = searches.findByFeedToken(token);
        if (s.isPresent()) {
            Optional<AlertKey> k = keys.findById(s.get().keyId()).filter(x -> x.replacedAt() == null);
            if (k.isEmpty()) {
                return Optional.empty();
            }
            List<Alert> alerts = store.ofSearch(s.get().id(), FEED_SIZE);
            return Optional.of(new Feed("search:" + s.get().id(), s.get().name(), s.get().path(),
                    alerts.isEmpty() ? s.get().createdAt() : alerts.getFirst().createdAt(), alerts,
                    k.get().language()));
        }
        return keys.findByFeedToken(token).filter(k -> k.replacedAt() == null).map(k -> {
            List<Alert> alerts = store.page(k.id(), 0, FEED_SIZE);
            return new Feed("key:" + k.id(), null, "/alerts", alerts.isEmpty() ? k.createdAt()
                    : alerts.getFirst().createdAt(), alerts, k.language());
        });
    }

    /** A key by its feed's private name (its calendar), unless replaced. */
    public Optional<AlertKey> byFeed(String token) {
        return Tokens.plausible(token) ? keys.findByFeedToken(token).filter(k -> k.replacedAt() == null)
                : Optional.empty();
    }
}
