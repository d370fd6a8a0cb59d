package cl.andesops.parties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Figures computed from a whole period's orders, kept by key with the data version they were read at. A request
 * gets them at once: read there only when none are kept, or when those kept were empty and the data has moved
 * since (a start before the first sync); when the data has moved and they are older than {@code refresh}, they
 * are read again off the request (one read per key at a time) and the kept ones served meanwhile.
 */
final class Kept<K, V> {

    /** A value, the data version it was read at, and when. */
    record Value<V>(V value, long version, Instant at) {
    }

    private final Cache<K, Value<V>> cache;
    private final Function<K, V> read;
    private final Predicate<V> empty;
    private final LongSupplier version;
    private final Clock clock;
    private final Duration refresh;
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();

    Kept(int size, Duration refresh, Function<K, V> read, Predicate<V> empty, LongSupplier version, Clock clock) {
        this.cache = Caffeine.newBuilder().maximumSize(size).expireAfterAccess(Duration.ofHours(2)).build();
        this.read = read;
        this.empty = empty;
        this.version = version;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** Forgets every kept value: the next request of each key reads it. */
    void forget() {
        cache.invalidateAll();
    }

    Value<V> get(K key) {
        long now = version.getAsLong();
        Value<V> kept = cache.getIfPresent(key);
        if (kept != null && kept.version() != now && empty.test(kept.value())) {
            cache.asMap().remove(key, kept);
            kept = null;
        }
        if (kept == null) {
            return cache.get(key, k -> load(k, now));
        }
        if (kept.version() != now && Duration.between(kept.at(), clock.instant()).compareTo(refresh) >= 0
                && refreshing.add(key)) {
            Thread.ofVirtual().name("kept-figures").start(() -> {
                try {
                    cache.put(key, load(key, version.getAsLong()));
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return kept;
    }

    private Value<V> load(K key, long at) {
        return new Value<>(read.apply(key), at, clock.instant());
    }
}
