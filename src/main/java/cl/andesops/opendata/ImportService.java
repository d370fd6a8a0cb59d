package cl.andesops.opendata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.mercadopublico.Endpoints;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.cluster.LeaderWorker;
import cl.andesops.shared.persistence.PlannerStatistics;
import cl.andesops.shared.config.StorageProperties;
import cl.andesops.shared.persistence.Writer;

/**
 * The history import: months of each dataset queued (by the admin, the API, or a first start), then worked one at a
 * time in the background, newest first: downloaded (resumed after a cut, skipped when unchanged), imported a batch
 * at a time with its position saved in each batch's transaction. Killed at any point, it resumes at the same file
 * and line with nothing lost or doubled; a month that keeps failing is marked failed with its reason and the rest
 * go on.
 */
@Service
public class ImportService extends LeaderWorker {


    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** One month of one dataset, as the status API shows it. */
    public record Month(String dataset, String month, String state, long rows, long records, long rejected,
                        Long bytes, String etag, Instant finishedAt, String lastError) {
    }

    /** What the worker is doing now. */
    /**
     * The month at work: while importing, {@code bytesDone} of {@code bytesTotal} is how far into the ZIP the reading
     * is, the share of the month done.
     */
    public record Current(String dataset, String month, String phase, long bytesDone, long bytesTotal, long rows,
                          double rowsPerSecond) {
        /** Seconds left at the pace so far, or -1 when there is no pace yet. */
        public long secondsLeft(double elapsedSeconds) {
            if (bytesDone <= 0 || bytesTotal <= 0 || elapsedSeconds <= 0) {
                return -1;
            }
            return Math.round(elapsedSeconds * (bytesTotal - bytesDone) / bytesDone);
        }

        /** Whole percent of the month done. */
        public int percent() {
            return bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesDone * 100 / bytesTotal);
        }
    }

    /** Seconds left of the month being imported, or -1 when unknown. */
    public long secondsLeft() {
        return month.secondsLeft();
    }

    public record Status(boolean running, boolean paused, Current current, List<Month> months) {
    }

    private final ImportFiles files;
    private final MonthImport month;
    private final OpenDataProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final FirstImport bulk;
    private volatile boolean paused;

    ImportService(Cluster cluster, ImportFiles files, OpenDataImport importer, OpenDataProperties properties,
                  @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, Clock clock, StorageProperties storage,
                  Endpoints endpoints, PlannerStatistics statistics, cl.andesops.shared.DataOrigin origin,
                  FirstImport bulk) {
        super("open-data-import", cluster);
        this.bulk = bulk;
        this.files = files;
        // in demo mode the simulator serves the months too (in the real format, from the world the API shows),
        // unless DATOS_ABIERTOS_BASE_URL says where the real files are: the origin decides, and marks the records so
        boolean toSimulator = origin.historySimulated();
        Downloads downloads = new Downloads(toSimulator ? endpoints.v1Base() : properties.baseUrl(), properties);
        this.month = new MonthImport(files, importer, downloads, properties, tx, clock,
                storage.dataDir().resolve("opendata"), statistics);
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- control -----------------------------------------------------------------------------------------

    /** Queues the months from {@code from} to {@code to} (inclusive) of a dataset; returns how many. */
    public int enqueue(Dataset dataset, YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' debe ser anterior o igual a 'to'");
        }
        if (from.isBefore(dataset.first())) {
            throw new IllegalArgumentException("Los datos abiertos de " + dataset.title() + " empiezan en "
                    + dataset.first() + ": " + from + " es anterior");
        }
        YearMonth newest = newestPublished(LocalDate.now(clock.withZone(cl.andesops.shared.format.Formats.CHILE)));
        if (to.isAfter(newest)) {
            throw new IllegalArgumentException("El mes más reciente que los datos abiertos pueden tener es " + newest
                    + ": " + to + " es posterior");
        }
        if (from.plusYears(20).isBefore(to)) {
            throw new IllegalArgumentException("A lo más 20 años por solicitud");
        }
        Instant now = clock.instant();
        int n = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), n++) {
            YearMonth month = m;
            tx.executeWithoutResult(s -> files.enqueue(dataset, month.toString(), 0, now));
        }
        wake();
        return n;
    }

    /** Pauses the imports here and, given on a node that does not lead, on the leader. */
    public void pause() {
        paused = true;
        cluster().tellLeader(PAUSE);
    }

    public void resume() {
        paused = false;
        wake();
        cluster().tellLeader(RESUME);
    }

    static final String PAUSE = "import.pause";
    static final String RESUME = "import.resume";

    @EventListener
    void on(Cluster.Command command) {
        switch (command.name()) {
            case PAUSE -> paused = true;
            case RESUME -> {
                paused = false;
                wake();
            }
            default -> { }
        }
    }

    /**
     * Forgets a month's file and progress and queues it to be fetched whole again: for a month whose file was wrong
     * (the source fixed it since) or that failed. An attempt at it now in course stops at its next checkpoint.
     */
    public boolean discard(Dataset dataset, YearMonth month) {
        boolean known = Boolean.TRUE.equals(tx.execute(s -> files.discard(dataset, month.toString(),
                clock.instant())));
        if (known) {
            log.info("{} {}: discarded by the admin; fetched again", dataset.key(), month);
            wake();
        }
        return known;
    }

    public Status status() {
        List<Month> months = files.all().stream().map(f -> new Month(f.dataset(), f.month(), f.state(), f.rows(),
                f.records(), f.rejected(), f.bytes(), f.etag(), f.finishedAt(), f.lastError())).toList();
        return new Status(working(), paused, month.current(), months);
    }

    /** The rows a month's import left out: file entry, line and why. */
    public List<String[]> rejections(Dataset dataset, YearMonth month) {
        return files.rejections(dataset, month.toString());
    }

    /**
     * On the first start (nothing imported or queued yet) queues the last {@code historyMonths} months of every
     * dataset the source publishes (in demo mode the simulator serves purchase orders and tenders), up to the newest
     * month the files can hold ({@link #newestPublished}): the live sync fills today while the history comes in,
     * newest first.
     */
    /**
     * The files hold the days up to yesterday: the current month, except on its first day, when the newest month they
     * can hold is the one that just ended (queuing the current one then imported nothing).
     */
    static YearMonth newestPublished(LocalDate today) {
        return YearMonth.from(today.minusDays(1));
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstStart() {
        int months = properties.historyMonths();
        if (!properties.enabled() || months <= 0 || !files.all().isEmpty()) {
            return;
        }
        YearMonth now = newestPublished(LocalDate.now(clock.withZone(cl.andesops.shared.format.Formats.CHILE)));
        YearMonth from = now.minusMonths(months - 1);
        for (Dataset d : Dataset.values()) {
            if (!now.isBefore(d.first())) { // each from the first month it is published
                enqueue(d, from.isBefore(d.first()) ? d.first() : from, now);
            }
        }
        log.info("First start: the last {} months of history are queued from the open data", months);
    }

    /**
     * What history the database holds: from which month, complete or still coming in (for the header), and whether on
     * the bulk path (the integrity signals take the history in when it ends).
     */
    public record Coverage(String from, boolean complete, String importing, int percent, boolean bulk) {
    }

    public java.util.Optional<Coverage> coverage() {
        List<ImportFiles.ImportFile> all = files.all().stream().filter(f -> f.dataset().equals("oc")).toList();
        if (all.isEmpty()) {
            return java.util.Optional.empty();
        }
        String from = all.stream().filter(f -> f.state().equals("DONE")).map(ImportFiles.ImportFile::month)
                .min(String::compareTo).orElse(null);
        long done = all.stream().filter(f -> f.state().equals("DONE") || f.state().equals("MISSING")
                || f.state().equals("FAILED")).count();
        Current c = month.current();
        String importing = c != null && c.dataset().equals("oc") ? c.month() : null;
        double share = c != null && c.dataset().equals("oc") ? c.percent() / 100.0 : 0;
        return java.util.Optional.of(new Coverage(from, done == all.size(), importing,
                (int) ((done + share) * 100 / all.size()), bulk.active()));
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    /**
     * Months worked one at a time; the first on (almost) no orders begins the bulk path, which ends when nothing is left
     * to work or the import is paused (a stop leaves it to the next start, which makes the indexes again).
     */
    @Override
    protected void loop() {
        try {
            bulk.restoreLeftovers();
        } catch (RuntimeException e) {
            log.error("Making again the indexes a cut-short import set aside failed: the next start tries again", e);
        }
        while (working()) {
            try {
                var next = paused ? java.util.Optional.<ImportFiles.ImportFile>empty()
                        : files.next(properties.maxAttempts());
                if (next.isEmpty()) {
                    bulk.end();
                    month.idle();
                    idle(Duration.ofSeconds(5));
                    continue;
                }
                bulk.beginIfEmpty();
                if (!month.work(next.get(), this::working)) {
                    // a failed attempt: a pause before the next (a month's timeout, at most 5 s)
                    idle(properties.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? properties.timeout()
                            : Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                quit();
            } catch (RuntimeException | Error e) {
                log.error("The open-data import loop failed; going on in 30 s", e);
                idle(Duration.ofSeconds(30));
            }
        }
    }
}
