package cl.andesops.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.mercadopublico.Endpoints;
import cl.andesops.shared.BackgroundWorker;
import cl.andesops.shared.cluster.Cluster;
import cl.andesops.shared.persistence.PlannerStatistics;
import cl.andesops.shared.cluster.LeadershipChanged;
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
public class ImportService implements SmartLifecycle {

    /** What a stop gives the worker (docker stop kills after 10 s). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(8);

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
        Current c = current;
        return c == null || !c.phase().equals("IMPORTING") ? -1
                : c.secondsLeft((System.nanoTime() - startedImporting) / 1e9);
    }

    public record Status(boolean running, boolean paused, Current current, List<Month> months) {
    }

    private final ImportFiles files;
    private final OpenDataImport importer;
    private final Downloads downloads;
    private final OpenDataProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path dir;
    private final BackgroundWorker worker = new BackgroundWorker("open-data-import");
    private volatile boolean paused;
    private volatile Current current;
    /** When the current month's import began (System.nanoTime), for the time left. */
    private volatile long startedImporting;

    private final Cluster cluster;

    private final PlannerStatistics statistics;

    ImportService(Cluster cluster, ImportFiles files, OpenDataImport importer, OpenDataProperties properties,
                  @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, Clock clock, StorageProperties storage,
                  Endpoints endpoints, PlannerStatistics statistics, cl.andesops.shared.DataOrigin origin) {
        this.cluster = cluster;
        this.statistics = statistics;
        this.files = files;
        this.importer = importer;
        // in demo mode the simulator serves the months too (in the real format, from the world the API shows),
        // unless DATOS_ABIERTOS_BASE_URL says where the real files are: the origin decides, and marks the records so
        boolean toSimulator = origin.historySimulated();
        this.downloads = new Downloads(toSimulator ? endpoints.v1Base() : properties.baseUrl(), properties);
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.dir = storage.dataDir().resolve("opendata");
    }

    // ---- control -----------------------------------------------------------------------------------------

    /** Queues the months from {@code from} to {@code to} (inclusive) of a dataset; returns how many. */
    public int enqueue(Dataset dataset, YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' debe ser anterior o igual a 'to'");
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
        cluster.tellLeader(PAUSE);
    }

    public void resume() {
        paused = false;
        wake();
        cluster.tellLeader(RESUME);
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

    public Status status() {
        List<Month> months = files.all().stream().map(f -> new Month(f.dataset(), f.month(), f.state(), f.rows(),
                f.records(), f.rejected(), f.bytes(), f.etag(), f.finishedAt(), f.lastError())).toList();
        return new Status(worker.running(), paused, current, months);
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
        enqueue(Dataset.OC, from, now);
        enqueue(Dataset.LIC, from, now);
        YearMonth firstCot = YearMonth.of(2020, 1); // Compra Ágil quotes are published from 2020
        if (!now.isBefore(firstCot)) {
            enqueue(Dataset.COT, from.isBefore(firstCot) ? firstCot : from, now);
        }
        log.info("First start: the last {} months of history are queued from the open data", months);
    }

    /** What history the database holds: from which month, complete or still coming in (for the header). */
    public record Coverage(String from, boolean complete, String importing, int percent) {
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
        Current c = current;
        String importing = c != null && c.dataset().equals("oc") ? c.month() : null;
        double share = c != null && c.dataset().equals("oc") ? c.percent() / 100.0 : 0;
        return java.util.Optional.of(new Coverage(from, done == all.size(), importing,
                (int) ((done + share) * 100 / all.size())));
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    /** Runs only on the node that leads (always, on SQLite); another node takes over where it stopped. */
    @Override
    public void start() {
        if (properties.enabled() && cluster.leads()) {
            worker.start(this::loop);
        }
    }

    @EventListener
    void on(LeadershipChanged change) {
        if (change.leads()) {
            start();
        } else {
            stop();
        }
    }

    @Override
    public void stop() {
        worker.stop(STOP_GRACE);
    }

    @Override
    public void stop(Runnable callback) {
        worker.stopAside(STOP_GRACE, callback);
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // like the sync: started after the indexes, stopped before them
    }

    private void wake() {
        worker.wake();
    }

    private void idle(Duration d) {
        worker.idle(d);
    }

    private void loop() {
        while (worker.running()) {
            try {
                var next = paused ? java.util.Optional.<ImportFiles.ImportFile>empty()
                        : files.next(properties.maxAttempts());
                if (next.isEmpty()) {
                    current = null;
                    idle(Duration.ofSeconds(5));
                    continue;
                }
                work(next.get());
            } catch (RuntimeException | Error e) {
                log.error("The open-data import loop failed; going on in 30 s", e);
                idle(Duration.ofSeconds(30));
            }
        }
    }

    /** Downloads (or resumes, or skips when unchanged) and imports one month; failures count an attempt. */
    void work(ImportFiles.ImportFile f) {
        Dataset dataset = Dataset.of(f.dataset()).orElseThrow();
        YearMonth month = YearMonth.parse(f.month());
        Path zip = dir.resolve(dataset.key() + "-" + f.month() + ".zip");
        String name = dataset.path(month);
        boolean[] importing = {false};
        try {
            boolean resumeImport = "IMPORTING".equals(f.state()) && Files.isRegularFile(zip);
            if (!resumeImport) {
                tx.executeWithoutResult(s -> files.downloading(dataset, f.month(), clock.instant()));
                boolean partial = "DOWNLOADING".equals(f.state()) && f.etag() != null;
                // a month cut in the middle of its import (here before a crash, or on a node that died) is not done,
                // whatever an earlier import of it finished: its file is fetched whole, not asked "unchanged?"
                boolean midImport = "IMPORTING".equals(f.state());
                boolean wasDone = f.finishedAt() != null && !partial && !midImport;
                long t0 = System.nanoTime();
                Downloads.Fetched fetched = downloads.fetch(name, zip, wasDone ? f.etag() : null,
                        wasDone ? f.lastModified() : null, partial ? f.etag() : null, new Downloads.Progress() {
                            @Override
                            public void started(String etag, String lastModified) {
                                tx.executeWithoutResult(s -> files.downloadEtag(dataset, f.month(), etag));
                            }

                            @Override
                            public void bytes(long done, long total) {
                                current = new Current(dataset.key(), f.month(), "DOWNLOADING", done, total, 0, 0);
                            }
                        });
                if (fetched.missing()) {
                    tx.executeWithoutResult(s -> files.finished(dataset, f.month(), "MISSING",
                            "ChileCompra no publica ese mes (404)", clock.instant()));
                    return;
                }
                if (fetched.unchanged()) {
                    log.info("{} {}: unchanged since its last import", dataset.key(), f.month());
                    tx.executeWithoutResult(s -> files.finished(dataset, f.month(), "DONE", null, clock.instant()));
                    return;
                }
                log.info("{} {}: downloaded {} bytes in {} ms", dataset.key(), f.month(), fetched.bytes(),
                        (System.nanoTime() - t0) / 1_000_000);
                // the same file as the one cut in the middle (its ETag): go on from its checkpoint, not from the start
                boolean sameFile = midImport && f.etag() != null && f.etag().equals(fetched.etag());
                if (sameFile) {
                    log.info("{} {}: the same file as before, resuming after line {} of {}", dataset.key(), f.month(),
                            f.resumeLine(), f.resumeEntry());
                }
                tx.executeWithoutResult(s -> files.importing(dataset, f.month(), fetched.etag(),
                        fetched.lastModified(), fetched.bytes(), !sameFile));
            }
            importing[0] = true;
            ImportFiles.ImportFile at = files.find(dataset, f.month()).orElseThrow();
            List<OpenDataImport.Outcome> outcomes = importFrom(dataset, zip, name, at);
            long rejected = outcomes.stream().mapToLong(OpenDataImport.Outcome::rejectedRows).sum();
            tx.executeWithoutResult(s -> files.finished(dataset, f.month(), "DONE", rejected == 0 ? null
                    : rejected + " filas rechazadas (descargables en /admin)", clock.instant()));
            statistics.refresh(); // a month is a bulk load: the planner should know it before autovacuum does
            Files.deleteIfExists(zip);
            current = null;
        } catch (IOException | RuntimeException e) {
            if (!worker.running() || Thread.currentThread().isInterrupted()) {
                // the app is stopping: no failure, nothing deleted; the month resumes from its last checkpoint
                log.info("{} {}: stopped with the app; it resumes at the next start", dataset.key(), f.month());
                current = null;
                return;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("{} {}: {}", dataset.key(), f.month(), why);
            if (importing[0]) {
                // the file on disk could not be read (a damaged ZIP, a missing column): the next attempt fetches
                // it again rather than failing on the same bytes; a cut download keeps its part for Range
                deleteQuietly(zip);
                tx.executeWithoutResult(s -> files.requeue(dataset, f.month()));
            }
            tx.executeWithoutResult(s -> files.failed(dataset, f.month(), why, properties.maxAttempts(),
                    clock.instant()));
            current = null;
            idle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.stop(Duration.ZERO);
        }
    }

    /**
     * When a file's information stood: its Last-Modified; without one, a day ago (ChileCompra rewrites the files
     * daily, a day behind), so that what the API fetched since is never overwritten by it.
     */
    Instant fileTime(String lastModified) {
        if (lastModified != null) {
            try {
                return java.time.ZonedDateTime.parse(lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                log.debug("Unreadable Last-Modified {}", lastModified);
            }
        }
        return clock.instant().minus(Duration.ofDays(1));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    /** Imports the ZIP on disk from where the last committed batch left it. */
    private List<OpenDataImport.Outcome> importFrom(Dataset dataset, Path zip, String name,
                                                    ImportFiles.ImportFile at) throws IOException {
        long t0 = System.nanoTime();
        long[] base = {at.rows(), at.records(), at.rejected()};
        long size = Files.size(zip);
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        InputStream counting = new java.io.FilterInputStream(new java.io.BufferedInputStream(Files.newInputStream(zip),
                1 << 16)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
        OpenDataImport.Checkpoint checkpoint = new OpenDataImport.Checkpoint() {
            private boolean reached = at.resumeEntry() == null;

            @Override
            public long resumeAfter(String entry) {
                if (!reached && entry.equals(at.resumeEntry())) {
                    reached = true;
                    return at.resumeLine();
                }
                return reached ? 0 : Long.MAX_VALUE; // an entry before the one it stopped in is done
            }

            @Override
            public void committed(String entry, long line, long rows, long records, long rejected) {
                files.committed(dataset, at.month(), entry, line, base[0] + rows, base[1] + records,
                        base[2] + rejected);
                double seconds = Math.max(0.001, (System.nanoTime() - t0) / 1e9);
                current = new Current(dataset.key(), at.month(), "IMPORTING", read.get(), size, base[0] + rows,
                        rows / seconds);
                startedImporting = t0;
                if (line == Long.MAX_VALUE) {
                    // the entry is done: the next entry's counts start from here
                    base[0] += rows;
                    base[1] += records;
                    base[2] += rejected;
                }
            }

            @Override
            public Instant asOf() {
                return fileTime(at.lastModified());
            }

            @Override
            public void rejected(OpenDataFile.Rejection r) {
                String entry = r.file().contains("!") ? r.file().substring(r.file().indexOf('!') + 1) : r.file();
                tx.executeWithoutResult(s -> files.rejection(dataset, at.month(), entry, r.line(), r.reason()));
            }
        };
        try (InputStream in = counting) {
            List<OpenDataImport.Outcome> outcomes = importer.importZip(dataset, in, name, checkpoint);
            log.info("{} {}: imported in {} ms: {}", dataset.key(), at.month(), (System.nanoTime() - t0) / 1_000_000,
                    outcomes);
            return outcomes;
        }
    }
}
