package cl.andesops.sync;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.shared.StatusIndicator;
import cl.andesops.shared.events.LiveUpdates;
import cl.andesops.shared.events.SyncProgress;

/** The header badge while a long sync runs: percent, records and time left. */
@Component
class SyncIndicator implements StatusIndicator {

    private final LiveUpdates live;

    SyncIndicator(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public Optional<Status> current() {
        SyncProgress p = live.lastProgress();
        if (p == null || !p.active() || p.total() < 20) {
            return Optional.empty();
        }
        return Optional.of(new Status("sync", "status.sync", "status.sync.tooltip", "", p.percent(), p.done(),
                p.total(), minutes(p.timeLeft())));
    }

    static String minutes(Duration d) {
        if (d == null) {
            return "?";
        }
        long m = d.toMinutes();
        return m < 1 ? "<1 min" : m + " min";
    }
}
