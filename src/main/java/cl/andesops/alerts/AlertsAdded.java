package cl.andesops.alerts;

import java.util.Set;

/**
 * Alerts were stored for these keys: bells move. Published by the leader's matching, and on every other node when
 * its notice arrives ({@code fromOtherNode}).
 */
public record AlertsAdded(Set<String> keyIds, boolean fromOtherNode) {

    public AlertsAdded(Set<String> keyIds) {
        this(keyIds, false);
    }
}
