package cl.andesops.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.mercadopublico.CaPage;
import cl.andesops.mercadopublico.CaQuery;
import cl.andesops.mercadopublico.CaRequest;
import cl.andesops.mercadopublico.CompraAgilClient;
import cl.andesops.mercadopublico.Endpoints;
import cl.andesops.mercadopublico.ListQuery;
import cl.andesops.mercadopublico.ListedOrder;
import cl.andesops.mercadopublico.ListedTender;
import cl.andesops.mercadopublico.MercadoPublicoClient;
import cl.andesops.mercadopublico.MercadoPublicoException;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.Purpose;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.cluster.LeaderWorker;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.SyncProgress;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.ListOutcome;
import cl.andesops.shared.persistence.Writer;
import cl.andesops.orders.OrderWriter;
import cl.andesops.tenders.TenderWriter;
import cl.andesops.compraagil.CompraAgilWriter;

/**
 * The one worker that talks to Mercado Público. It runs the persisted jobs by priority: a job first lists (and
 * stores what the list says, with its work list, in one transaction), then fetches details one by one, each stored
 * and marked done in one transaction. Killed at any point, it resumes from the database with nothing lost or
 * doubled. Every commit is announced as a {@link DataChanged} event; progress as {@link SyncProgress}.
 */
@Component
public class SyncEngine extends LeaderWorker {

    /** What a stop gives the worker (docker stop kills after 10 s). */

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final JobQueue jobs;
    private final OrderWriter orders;
    private final TenderWriter tenders;
    private final CompraAgilWriter compraAgil;
    private final MercadoPublicoClient v1;
    private final CompraAgilClient v2;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final DataVersions versions;
    private final Clock clock;
    private final SyncProperties properties;
    private final boolean simulated;
    private final Deque<Instant> recentDone = new ArrayDeque<>();
    private volatile boolean paused;
    private volatile Instant stoppedUntil;
    private volatile String stopReason;
    private volatile String currentJob;
    private volatile Instant lastProgressAt = Instant.EPOCH;
    private final SyncSchedule schedule;
    private final JobFailures failures;

    SyncEngine(Cluster cluster, JobQueue jobs, OrderWriter orders, TenderWriter tenders, CompraAgilWriter compraAgil,
               MercadoPublicoClient v1, CompraAgilClient v2, @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx,
               ApplicationEventPublisher events, DataVersions versions, Clock clock, SyncProperties properties,
               Endpoints endpoints) {
        super("sync-worker", cluster);
        this.versions = versions;
        this.jobs = jobs;
        this.orders = orders;
        this.tenders = tenders;
        this.compraAgil = compraAgil;
        this.v1 = v1;
        this.v2 = v2;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.simulated = endpoints.simulated();
        this.schedule = new SyncSchedule(jobs, tx, clock, properties, simulated);
        this.failures = new JobFailures(jobs, tx, clock);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected void beforeStart() {
        schedule.bootstrap();
    }

    // ---- control -----------------------------------------------------------------------------------------

    /** Pauses the sync here and, given on a node that does not lead, on the leader. */
    public void pause() {
        pauseHere();
        cluster().tellLeader(PAUSE);
    }

    public void resume() {
        resumeHere();
        cluster().tellLeader(RESUME);
    }

    static final String PAUSE = "sync.pause";
    static final String RESUME = "sync.resume";

    @EventListener
    void on(Cluster.Command command) {
        switch (command.name()) {
            case PAUSE -> pauseHere();
            case RESUME -> resumeHere();
            default -> { }
        }
    }

    private void pauseHere() {
        paused = true;
        publishProgress(true);
    }

    private void resumeHere() {
        paused = false;
        stoppedUntil = null;
        stopReason = null;
        wake();
        publishProgress(true);
    }

    public boolean paused() {
        return paused;
    }

    static final int ADMIN_DAY_PRIORITY = 99;

    /** Queues the orders and tenders of one day ahead of the backlog, never ahead of today's orders. */
    public long enqueueDay(LocalDate day) {
        long id = tx.execute(s -> {
            // ahead of the backlog, behind today's orders (100): a day of details takes hours of quota spacing
            long orderJob = jobs.enqueue(JobKind.DAY_ORDERS, day.toString(), ADMIN_DAY_PRIORITY, clock.instant());
            jobs.enqueue(JobKind.DAY_TENDERS, day.toString(), ADMIN_DAY_PRIORITY - 3, clock.instant());
            return orderJob;
        });
        wake();
        return id;
    }

    /** The state and backlog, as the progress badge and the status API show them. */
    public SyncProgress progress() {
        long[] backlog = jobs.backlog();
        long total = backlog[0];
        long done = backlog[1];
        String state = !working() ? (cluster().leads() || !properties.enabled() ? "DISABLED" : "FOLLOWING") : stopReason != null ? "STOPPED" : paused ? "PAUSED"
                : backlog[2] > 0 ? "RUNNING" : "IDLE";
        Duration left = null;
        synchronized (recentDone) {
            Instant cutoff = clock.instant().minusSeconds(60);
            while (!recentDone.isEmpty() && recentDone.peekFirst().isBefore(cutoff)) {
                recentDone.pollFirst();
            }
            if (recentDone.size() >= 3 && total > done) {
                double perSecond = recentDone.size()
                        / Math.max(1.0, Duration.between(recentDone.peekFirst(), clock.instant()).toMillis() / 1000.0);
                left = Duration.ofSeconds((long) ((total - done) / perSecond));
            }
        }
        return new SyncProgress(state, currentJob, done, total, left, stopReason, clock.instant());
    }

    // ---- the loop ----------------------------------------------------------------------------------------

    @Override
    protected void loop() {
        log.info("Sync started ({})", simulated ? "simulator" : "Mercado Público");
        while (working()) {
            try {
                schedule.poll();
                if (paused || (stoppedUntil != null && clock.instant().isBefore(stoppedUntil))) {
                    idle(Duration.ofSeconds(1));
                    continue;
                }
                if (stoppedUntil != null) {
                    stoppedUntil = null;
                    stopReason = null;
                }
                Optional<SyncJob> next = jobs.next();
                if (next.isEmpty()) {
                    currentJob = null;
                    publishProgress(false);
                    idle(Duration.ofSeconds(1));
                    continue;
                }
                SyncJob job = next.get();
                try {
                    step(job);
                    failures.succeeded(job);
                } catch (MercadoPublicoException e) {
                    throw e;
                } catch (RuntimeException | Error e) {
                    idle(properties.failureBackoff().multipliedBy(failures.failed(job, e)));
                }
            } catch (MercadoPublicoException e) {
                handleStop(e);
            } catch (RuntimeException | Error e) {
                // outside any job (the schedule, the queue): wait and go on; the worker never dies of it
                log.error("Sync step failed; retrying in {}", properties.failureBackoff(), e);
                idle(properties.failureBackoff());
            }
        }
        log.info("Sync stopped");
    }

    private void step(SyncJob job) {
        currentJob = job.kind() + (job.param() == null ? "" : " " + job.param());
        switch (job.state()) {
            case "QUEUED", "LISTING" -> list(job);
            default -> details(job);
        }
    }

    private void list(SyncJob job) {
        tx.executeWithoutResult(s -> jobs.markListing(job.id(), clock.instant()));
        switch (job.kind()) {
            case TODAY_ORDERS, DAY_ORDERS -> {
                ListQuery q = job.kind() == JobKind.TODAY_ORDERS ? ListQuery.today()
                        : ListQuery.day(LocalDate.parse(job.param()));
                List<ListedOrder> listed = v1.orders(q, Purpose.BACKGROUND);
                commitList(job, Dataset.ORDERS, listed.size(), () -> orders.storeList(listed), Map.of());
            }
            case DAY_TENDERS, ACTIVE_TENDERS -> {
                ListQuery q = job.kind() == JobKind.ACTIVE_TENDERS ? ListQuery.state("activas")
                        : ListQuery.day(LocalDate.parse(job.param()));
                List<ListedTender> listed = v1.tenders(q, Purpose.BACKGROUND);
                Map<String, Long> due = new HashMap<>();
                commitList(job, Dataset.TENDERS, listed.size(), () -> tenders.storeList(listed, due), due);
            }
            case COMPRA_AGIL -> listCompraAgil(job);
        }
    }

    private void commitList(SyncJob job, Dataset dataset, int listed,
                            java.util.function.Supplier<ListOutcome> store, Map<String, Long> due) {
        ListOutcome outcome = tx.execute(s -> {
            ListOutcome o = store.get();
            jobs.addTasks(job.id(), o.toFetch(), due, listed);
            jobs.countRequests(job.id(), 1);
            jobs.markDetails(job.id());
            return o;
        });
        log.info("{} {}: {} listed, {} new, {} changed, {} to fetch", job.kind(), job.param() == null ? ""
                : job.param(), listed, outcome.added().size(), outcome.changed().size(), outcome.toFetch().size());
        publish(dataset, outcome.added(), outcome.changed());
    }

    private void listCompraAgil(SyncJob job) {
        String[] window = job.param().split("/");
        Instant from = Instant.parse(window[0]);
        Instant to = Instant.parse(window[1]);
        String cursorName = "job:" + job.id() + ":page";
        int page = jobs.cursor(cursorName).map(Integer::parseInt).orElse(1);
        while (working()) {
            CaPage result = v2.list(CaQuery.changedBetween(from, to, page), Purpose.BACKGROUND);
            int current = page;
            ListOutcome outcome = tx.execute(s -> {
                ListOutcome o = compraAgil.storeList(result.items());
                jobs.addTasks(job.id(), o.toFetch(), Map.of(), result.items().size());
                jobs.countRequests(job.id(), 1);
                jobs.cursor(cursorName, Integer.toString(current + 1));
                return o;
            });
            publish(Dataset.COMPRA_AGIL, outcome.added(), outcome.changed());
            if (page >= result.totalPages() || result.items().isEmpty()) {
                // every page listed: on to the details
                tx.executeWithoutResult(s -> jobs.markDetails(job.id()));
                return;
            }
            page++;
        }
        // stopped between pages (a shutdown): the job stays LISTING, and its cursor says where to go on after a restart
    }

    private void details(SyncJob job) {
        List<String> codes = jobs.pendingTasks(job.id(), properties.chunk());
        if (codes.isEmpty()) {
            tx.executeWithoutResult(s -> jobs.finish(job.id(), "DONE", null, clock.instant()));
            log.info("{} {} done", job.kind(), job.param() == null ? "" : job.param());
            publishProgress(true);
            return;
        }
        for (String code : codes) {
            if (!working() || paused) {
                return;
            }
            try {
                fetchAndStore(job, code);
            } catch (MercadoPublicoException e) {
                switch (e.kind()) {
                    case AUTH_OR_QUOTA, QUOTA_RESERVED -> throw e;
                    case BAD_PARAMETERS, NOT_FOUND -> tx.executeWithoutResult(s ->
                            jobs.taskFailed(job.id(), code, e.getMessage(), true));
                    default -> {
                        tx.executeWithoutResult(s -> jobs.taskFailed(job.id(), code, e.getMessage(), false));
                        idle(properties.failureBackoff());
                        return;
                    }
                }
            }
            publishProgress(false);
        }
    }

    private void fetchAndStore(SyncJob job, String code) {
        switch (job.kind()) {
            case TODAY_ORDERS, DAY_ORDERS -> {
                Optional<OrderDetail> detail = v1.order(code, Purpose.BACKGROUND);
                List<String> added = new ArrayList<>();
                tx.executeWithoutResult(s -> {
                    if (detail.isPresent()) {
                        added.addAll(orders.storeDetails(List.of(detail.get())));
                        jobs.taskDone(job.id(), code);
                    } else {
                        jobs.taskFailed(job.id(), code, "Mercado Público no devolvió el detalle de " + code, true);
                    }
                    jobs.countRequests(job.id(), 1);
                });
                detail.ifPresent(d -> publish(Dataset.ORDERS, added, added.isEmpty() ? List.of(code) : List.of()));
            }
            case DAY_TENDERS, ACTIVE_TENDERS -> {
                Optional<TenderDetail> detail = v1.tender(code, Purpose.BACKGROUND);
                List<String> added = new ArrayList<>();
                tx.executeWithoutResult(s -> {
                    if (detail.isPresent()) {
                        added.addAll(tenders.storeDetails(List.of(detail.get())));
                        jobs.taskDone(job.id(), code);
                    } else {
                        jobs.taskFailed(job.id(), code, "Mercado Público no devolvió el detalle de " + code, true);
                    }
                    jobs.countRequests(job.id(), 1);
                });
                detail.ifPresent(d -> publish(Dataset.TENDERS, added, added.isEmpty() ? List.of(code) : List.of()));
            }
            case COMPRA_AGIL -> {
                Optional<CaRequest> detail = v2.detail(code, Purpose.BACKGROUND);
                List<String> added = new ArrayList<>();
                tx.executeWithoutResult(s -> {
                    if (detail.isPresent()) {
                        added.addAll(compraAgil.storeDetails(List.of(detail.get())));
                        jobs.taskDone(job.id(), code);
                    } else {
                        jobs.taskFailed(job.id(), code, "Compra Ágil no devolvió el detalle de " + code, true);
                    }
                    jobs.countRequests(job.id(), 1);
                });
                detail.ifPresent(d -> publish(Dataset.COMPRA_AGIL, added, added.isEmpty() ? List.of(code)
                        : List.of()));
            }
        }
        synchronized (recentDone) {
            recentDone.addLast(clock.instant());
        }
    }

    private void handleStop(MercadoPublicoException e) {
        Instant now = clock.instant();
        if (e.kind() == MercadoPublicoException.Kind.QUOTA_RESERVED) {
            // wait for the next Chile day, when the quota resets
            LocalDate tomorrow = LocalDate.ofInstant(now, Formats.CHILE).plusDays(1);
            stoppedUntil = tomorrow.atStartOfDay(Formats.CHILE).toInstant();
        } else if (e.kind() == MercadoPublicoException.Kind.AUTH_OR_QUOTA) {
            stoppedUntil = now.plus(Duration.ofHours(1));
        } else {
            stoppedUntil = now.plus(properties.failureBackoff());
        }
        stopReason = e.getMessage();
        log.warn("Sync stopped until {}: {}", stoppedUntil, e.getMessage());
        publishProgress(true);
    }

    private void publish(Dataset dataset, List<String> added, List<String> changed) {
        if (!added.isEmpty() || !changed.isEmpty()) {
            log.debug("Committed {}: {} added, {} changed", dataset, added.size(), changed.size());
            events.publishEvent(new DataChanged(dataset, versions.committed(dataset), added, changed));
        }
    }

    private void publishProgress(boolean force) {
        Instant now = clock.instant();
        if (force || Duration.between(lastProgressAt, now).toMillis() >= 500) {
            lastProgressAt = now;
            events.publishEvent(progress());
        }
    }
}
