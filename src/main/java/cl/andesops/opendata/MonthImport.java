package cl.andesops.opendata;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.shared.persistence.PlannerStatistics;

/**
 * One attempt at one month: downloaded (resumed after a cut, skipped when unchanged), imported from where its last
 * committed batch left it. Whatever stops an attempt counts against the month, an {@link Error} and a process that
 * died in the middle included (its mark is found set at the next attempt); a month out of attempts is failed with its
 * reason and its file deleted, so a poisoned month costs three tries, not the queue. A month the admin discards
 * while it is at work stops at its next checkpoint.
 */
final class MonthImport {

    private static final Logger log = LoggerFactory.getLogger(MonthImport.class);

    private final ImportFiles files;
    private final OpenDataImport importer;
    private final Downloads downloads;
    private final OpenDataProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path dir;
    private final PlannerStatistics statistics;
    private volatile ImportService.Current current;
    /** When the current month's import began (System.nanoTime), for the time left. */
    private volatile long startedImporting;

    MonthImport(ImportFiles files, OpenDataImport importer, Downloads downloads, OpenDataProperties properties,
                TransactionTemplate tx, Clock clock, Path dir, PlannerStatistics statistics) {
        this.files = files;
        this.importer = importer;
        this.downloads = downloads;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.dir = dir;
        this.statistics = statistics;
    }

    ImportService.Current current() {
        return current;
    }

    void idle() {
        current = null;
    }

    /** Seconds left of the month being imported, or -1 when unknown. */
    long secondsLeft() {
        ImportService.Current c = current;
        return c == null || !c.phase().equals("IMPORTING") ? -1
                : c.secondsLeft((System.nanoTime() - startedImporting) / 1e9);
    }

    Path zip(Dataset dataset, String month) {
        return dir.resolve(dataset.key() + "-" + month + ".zip");
    }

    /**
     * Works one month; {@code running} false means the app is stopping (then nothing is counted or deleted, and the
     * month resumes from its last checkpoint). Returns false when the attempt failed.
     */
    boolean work(ImportFiles.ImportFile f, BooleanSupplier running) throws InterruptedException {
        Dataset dataset = Dataset.of(f.dataset()).orElseThrow();
        Path zip = zip(dataset, f.month());
        if (f.workingSince() != null) {
            // the last attempt never ended: its process died in the middle (killed, or out of memory)
            log.warn("{} {}: the attempt begun at {} never ended; counted as failed", dataset.key(), f.month(),
                    f.workingSince());
            if (fail(dataset, f.month(), zip, "El proceso se detuvo en medio de este mes (¿sin memoria?)")) {
                return false;
            }
        }
        tx.executeWithoutResult(s -> files.begin(dataset, f.month(), clock.instant()));
        boolean[] importing = {false};
        try {
            attempt(f, dataset, zip, importing);
        } catch (ImportFiles.Discarded e) {
            log.info("{} {}: discarded while at work; it is fetched again", dataset.key(), f.month());
            deleteQuietly(zip);
            current = null;
            return true;
        } catch (IOException | RuntimeException | Error e) {
            if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                // the app is stopping: no failure, nothing deleted; the month resumes from its last checkpoint
                log.info("{} {}: stopped with the app; it resumes at the next start", dataset.key(), f.month());
                tx.executeWithoutResult(s -> files.end(dataset, f.month()));
                current = null;
                return true;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof Error) {
                why = "Error interno al leer el mes (" + e.getClass().getSimpleName() + "): " + why;
                log.error("{} {}: {}", dataset.key(), f.month(), why, e);
            } else {
                log.warn("{} {}: {}", dataset.key(), f.month(), why);
            }
            if (importing[0]) {
                // the file on disk could not be read (a damaged ZIP, a missing column): the next attempt fetches
                // it again rather than failing on the same bytes; a cut download keeps its part for Range
                deleteQuietly(zip);
                tx.executeWithoutResult(s -> files.requeue(dataset, f.month()));
            }
            fail(dataset, f.month(), zip, why);
            current = null;
            return false;
        }
        return true;
    }

    /** Counts a failed attempt; a month out of attempts is failed and its file (whole or partial) deleted. */
    private boolean fail(Dataset dataset, String month, Path zip, String why) {
        String reason = why.length() > 500 ? why.substring(0, 500) + "…" : why;
        boolean failed = Boolean.TRUE.equals(tx.execute(s -> files.failed(dataset, month, reason,
                properties.maxAttempts(), clock.instant())));
        if (failed) {
            log.warn("{} {}: failed {} times, given up: {}", dataset.key(), month, properties.maxAttempts(), reason);
            deleteQuietly(zip);
        }
        return failed;
    }

    private void attempt(ImportFiles.ImportFile f, Dataset dataset, Path zip, boolean[] importing)
            throws IOException, InterruptedException {
        String name = dataset.path(YearMonth.parse(f.month()));
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
                            current = new ImportService.Current(dataset.key(), f.month(), "DOWNLOADING", done, total,
                                    0, 0);
                        }
                    });
            if (fetched.missing()) {
                tx.executeWithoutResult(s -> files.finished(dataset, f.month(), "MISSING",
                        "ChileCompra no publica ese mes (404)", clock.instant()));
                current = null;
                return;
            }
            if (fetched.unchanged()) {
                log.info("{} {}: unchanged since its last import", dataset.key(), f.month());
                tx.executeWithoutResult(s -> files.finished(dataset, f.month(), "DONE", null, clock.instant()));
                current = null;
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
    }

    /**
     * When a file's information stood: its Last-Modified; without one, a day ago (ChileCompra rewrites the files
     * daily, a day behind), so that what the API fetched since is never overwritten by it.
     */
    Instant fileTime(String lastModified) {
        if (lastModified != null) {
            try {
                return ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                log.debug("Unreadable Last-Modified {}", lastModified);
            }
        }
        return clock.instant().minus(Duration.ofDays(1));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file.getFileName(), e.toString());
        }
    }

    /** Imports the ZIP on disk from where the last committed batch left it. */
    private List<OpenDataImport.Outcome> importFrom(Dataset dataset, Path zip, String name,
                                                    ImportFiles.ImportFile at) throws IOException {
        long t0 = System.nanoTime();
        long[] base = {at.rows(), at.records(), at.rejected()};
        long size = Files.size(zip);
        AtomicLong read = new AtomicLong();
        InputStream counting = new FilterInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16)) {
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
                current = new ImportService.Current(dataset.key(), at.month(), "IMPORTING", read.get(), size,
                        base[0] + rows, rows / seconds);
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
                    outcomes.stream().map(o -> o.file() + " " + o.rows() + " rows, " + o.records() + " records, "
                            + o.rejectedRows() + " rejected").toList());
            return outcomes;
        }
    }
}
