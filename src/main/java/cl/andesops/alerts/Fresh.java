package cl.andesops.alerts;

import java.time.Duration;
import java.time.Instant;

import cl.andesops.shared.events.Stamped;

/**
 * Whether a stamped record is news to a search or a follow made at some instant: dated at most two days before it
 * (or undated). A record published a little before a search was saved may not have been on its screen yet; one
 * published long before is history the sync or an import fills in, and does not flood anyone.
 */
final class Fresh {

    static final Duration SLACK = Duration.ofDays(2);

    private Fresh() {
    }

    static boolean forSince(Stamped r, Instant createdAt) {
        return r.date() == null || r.date() >= createdAt.minus(SLACK).toEpochMilli();
    }
}
