package cl.andesops.sync;

import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.events.LiveUpdates;
import cl.andesops.shared.events.SyncProgress;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import cl.andesops.mercadopublico.Endpoints;
import cl.andesops.mercadopublico.RequestLedger;
import cl.andesops.shared.format.Formats;

/** The sync as other features see it: its status, and the few controls an admin has. */
@Service
public class SyncService {

    private final SyncEngine engine;
    private final JobQueue jobs;
    private final RequestLedger ledger;
    private final Endpoints endpoints;
    private final Clock clock;
    private final Cluster cluster;
    private final LiveUpdates live;

    SyncService(SyncEngine engine, JobQueue jobs, RequestLedger ledger, Endpoints endpoints, Clock clock,
                Cluster cluster, LiveUpdates live) {
        this.cluster = cluster;
        this.live = live;
        this.engine = engine;
        this.jobs = jobs;
        this.ledger = ledger;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    public SyncStatus status(int recentJobs) {
        RequestLedger.Usage usage = ledger.usage(endpoints.ticket());
        // on a node that does not lead, the leader's progress as it announced it last
        SyncProgress progress = cluster.leads() || live.lastProgress() == null ? engine.progress() : live.lastProgress();
        return new SyncStatus(progress, endpoints.simulated(), usage.day(), usage.total(),
                usage.background(), usage.interactive(), usage.quota(), usage.left(), jobs.recent(recentJobs),
                cluster.view());
    }

    /** Whether this node runs the sync: its pause and resume act here, not on another node. */
    public boolean leads() {
        return cluster.leads();
    }

    /** Queues a day's orders and tenders ahead of everything else; refuses days in the future. */
    public long syncDay(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("La fecha " + day + " está en el futuro");
        }
        if (day.isBefore(LocalDate.of(2007, 1, 1))) {
            throw new IllegalArgumentException("Mercado Público no tiene datos anteriores a 2007");
        }
        return engine.enqueueDay(day);
    }

    public void pause() {
        engine.pause();
    }

    public boolean paused() {
        return engine.paused();
    }

    public void resume() {
        engine.resume();
    }
}
