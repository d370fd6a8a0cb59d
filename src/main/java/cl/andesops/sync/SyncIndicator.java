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
    private final SyncJobs jobs;

    private record Memo(long at, java.util.List<Status> jobs) {
    }

    private volatile Memo last;

    SyncIndicator(LiveUpdates live, SyncJobs jobs) {
        this.live = live;
        this.jobs = jobs;
    }

    /** The jobs of the run the badge sums up: running and queued ones, then those just finished. */
    @Override
    public java.util.List<Status> details() {
        SyncProgress p = live.lastProgress();
        if (p == null || !p.active() || p.total() < 20) {
            return java.util.List.of();
        }
        // every open page asks at every progress push (several a second while syncing): one query a second serves all
        long now = System.nanoTime();
        Memo memo = last;
        if (memo != null && now - memo.at() < 1_000_000_000L) {
            return memo.jobs();
        }
        java.util.List<Status> fresh = jobs.recent(8).stream()
                .map(j -> new Status("job-" + j.id(), "status.sync.job", null,
                        switch (j.state()) {
                            case "DONE" -> "success";
                            case "FAILED" -> "error";
                            default -> "";
                        }, new Key("sync.kind." + j.kind().name()), param(j.param()), j.done() + j.failed(), j.total(),
                        new Key("sync.state." + j.state())))
                .toList();
        last = new Memo(now, fresh);
        return fresh;
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

    /** A job's day as Chile writes it ({@code 30-11-2026}); a window or anything else is left out. */
    static String param(String param) {
        return param != null && param.matches("\\d{4}-\\d{2}-\\d{2}")
                ? " " + param.substring(8) + "-" + param.substring(5, 7) + "-" + param.substring(0, 4) : "";
    }

    static String minutes(Duration d) {
        if (d == null) {
            return "?";
        }
        long m = d.toMinutes();
        return m < 1 ? "<1 min" : m + " min";
    }
}
