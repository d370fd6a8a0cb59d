package cl.andesops.shared.events;

import java.time.Duration;
import java.time.Instant;

/**
 * How the sync is doing, published while it works so every screen can show a bar instead of looking empty.
 *
 * @param state   RUNNING, IDLE, PAUSED or STOPPED (a ticket or quota problem that needs a person)
 * @param done    records stored in the current backlog
 * @param total   records in the current backlog (listed, to fetch)
 * @param timeLeft estimated from the recent rate; null when unknown
 */
public record SyncProgress(String state, String job, long done, long total, Duration timeLeft, String lastError,
                           Instant at) {

    public int percent() {
        return total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }

    public boolean active() {
        return "RUNNING".equals(state) && done < total;
    }
}
