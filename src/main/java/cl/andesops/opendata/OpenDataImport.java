package cl.andesops.opendata;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;


/**
 * Imports a month of ChileCompra's open data from its ZIP, as a stream: each CSV entry is read row by row, the
 * rows of each record (an order, a tender, a Compra Ágil request) grouped, and records stored a batch at a time
 * through the features' writers ({@link FileRecordStore}: the same records the API sync stores; a code already stored
 * is one record), each batch one transaction and one event. Heap stays bounded by the batch, whatever the size of the month. A row that cannot be read is
 * rejected with its line and reason; the rest of the file goes in.
 */
@Service
public class OpenDataImport {

    private static final Logger log = LoggerFactory.getLogger(OpenDataImport.class);
    static final int BATCH = 5_000;
    static final int REJECTIONS_KEPT = 1_000;

    private final FileRecordStore store;
    private final Clock clock;
    private final ReadBounds bounds;

    OpenDataImport(FileRecordStore store, Clock clock, OpenDataProperties properties) {
        this.store = store;
        this.clock = clock;
        this.bounds = properties.bounds();
    }

    /**
     * Where an import stands, so that a killed one resumes: rows up to the line of the last committed batch are
     * skipped, and each batch's position is recorded in the batch's own transaction.
     */
    public interface Checkpoint {
        Checkpoint NONE = new Checkpoint() {
            @Override
            public long resumeAfter(String entry) {
                return 0;
            }

            @Override
            public void committed(String entry, long line, long rows, long records, long rejected) {
            }
        };

        /** Rows of this entry up to this line are already in. */
        long resumeAfter(String entry);

        /** Inside the batch's transaction: the entry and line now stored, with this entry's counts so far. */
        void committed(String entry, long line, long rows, long records, long rejected);

        /**
         * When the file's information stood: its Last-Modified. A tender or request fetched after it keeps what it
         * has (the files carry no change date of their own for those); null means now.
         */
        default Instant asOf() {
            return null;
        }

        /** A row left out (called outside any transaction). */
        default void rejected(OpenDataFile.Rejection rejection) {
        }
    }

    /** What one file gave: rows read, records stored, rows rejected (the first {@value #REJECTIONS_KEPT} kept). */
    public record Outcome(String file, long rows, long records, long rejectedRows,
                          List<OpenDataFile.Rejection> rejections, List<String> missingColumns,
                          List<String> unknownColumns) {
    }

    /** Imports every CSV inside a purchase-order ZIP ({@code oc-da}). */
    public List<Outcome> importOrders(InputStream zip, String name) throws IOException {
        return importZip(Dataset.OC, zip, name, Checkpoint.NONE);
    }

    /** Imports every CSV inside a tender ZIP ({@code lic-da}). */
    public List<Outcome> importTenders(InputStream zip, String name) throws IOException {
        return importZip(Dataset.LIC, zip, name, Checkpoint.NONE);
    }

    /** Imports every CSV inside a Compra Ágil ZIP ({@code trnspchc/COT_…}: COT1, COT2, …). */
    public List<Outcome> importQuotes(InputStream zip, String name) throws IOException {
        return importZip(Dataset.COT, zip, name, Checkpoint.NONE);
    }

    /** Imports every CSV entry of a dataset's ZIP, resuming where the checkpoint says. */
    public List<Outcome> importZip(Dataset dataset, InputStream zip, String name, Checkpoint checkpoint)
            throws IOException {
        List<Outcome> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip, OpenDataFile.CP1252)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    out.add(importCsv(dataset, new NoClose(in), name + "!" + e.getName(), e.getName(), checkpoint));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("El archivo " + name + " no trae ningún CSV: no es un ZIP válido o está dañado");
        }
        return out;
    }

    /** Imports one CSV of a dataset. */
    public Outcome importCsv(Dataset dataset, InputStream csv, String name, String entry, Checkpoint checkpoint)
            throws IOException {
        return switch (dataset) {
            case OC -> importCsv(csv, name, entry, checkpoint, OrderRows.COLUMNS, OrderRows::order,
                    store::orders);
            case LIC -> importCsv(csv, name, entry, checkpoint, TenderRows.COLUMNS, TenderRows::tender,
                    store::tenders);
            case COT -> importCsv(csv, name, entry, checkpoint, QuoteRows.COLUMNS, QuoteRows::request,
                    store::requests);
        };
    }

    /** Stores a batch in one transaction that also runs {@code inTransaction}; returns the records stored. */
    private interface Store<T> {
        long store(List<T> batch, Instant asOf, Runnable inTransaction);
    }

    /**
     * Reads one CSV, groups consecutive rows sharing a code into a record, and stores records a batch at a time.
     * A record with a value its column cannot hold is rejected whole, each of its rows with the reason.
     */
    private <T> Outcome importCsv(InputStream csv, String name, String entry, Checkpoint checkpoint,
                                  List<Columns.Column> columns,
                                  BiFunction<Columns, List<OpenDataFile.Row>, T> toRecord, Store<T> store)
            throws IOException {
        List<OpenDataFile.Rejection> kept = new ArrayList<>();
        long[] rejected = {0};
        long resumeAfter = checkpoint.resumeAfter(entry);
        OpenDataFile.Rejections reject = r -> {
            if (r.line() <= resumeAfter) {
                return; // counted by the run that read it
            }
            rejected[0]++;
            if (kept.size() < REJECTIONS_KEPT) {
                kept.add(r);
                checkpoint.rejected(r);
            }
        };
        long[] rows = {0};
        long[] stored = {0};
        Instant asOf = checkpoint.asOf() != null ? checkpoint.asOf() : clock.instant();
        try (OpenDataFile file = new OpenDataFile(csv, name, reject, bounds)) {
            Columns c = new Columns(name, file.header(), columns);
            if (!c.missingOptional().isEmpty() || !c.unknown().isEmpty()) {
                log.info("{}: columns not in this file {}; columns not read {}", name, few(c.missingOptional()),
                        few(c.unknown()));
            }
            if (!file.charset().equals(OpenDataFile.CP1252)) {
                log.warn("{}: written in {}, not cp1252 as published: read as {}", name, file.charset(),
                        file.charset());
            }
            // the file is read and its records built on a thread of its own while this one stores the batch before
            SynchronousQueue<Batch<T>> handed = new SynchronousQueue<>();
            AtomicBoolean abandoned = new AtomicBoolean();
            Thread reader = Thread.ofPlatform().name("open-data-reader").daemon(true).start(() -> {
                try {
                    read(file, c, resumeAfter, rows, rejected, reject, name, toRecord, bounds.groupRows(),
                            batch -> hand(handed, batch, abandoned));
                } catch (CancellationException stopped) {
                    // the storing thread has given up: nothing more to hand
                } catch (Throwable e) {
                    try {
                        hand(handed, new Batch<>(List.of(), 0, 0, 0, true, e), abandoned);
                    } catch (CancellationException stopped) {
                        // the storing thread has given up
                    }
                }
            });
            try {
                while (true) {
                    Batch<T> batch = handed.take();
                    if (batch.failure() instanceof java.io.UncheckedIOException u) {
                        throw u.getCause(); // the file could not be read on: says where and why
                    } else if (batch.failure() instanceof RuntimeException r) {
                        throw r; // as if read here: a damaged file is the caller's to report
                    } else if (batch.failure() instanceof Error e) {
                        throw e;
                    } else if (batch.failure() != null) {
                        throw new IllegalStateException(batch.failure());
                    }
                    long before = stored[0];
                    stored[0] += store.store(batch.records(), asOf, () -> checkpoint.committed(entry,
                            batch.lastLine(), batch.rowsIn(), before + batch.records().size(), batch.rejected()));
                    if (batch.last()) {
                        break;
                    }
                }
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("The import of " + name + " was interrupted", e);
            } finally {
                abandoned.set(true);
            }
            return new Outcome(name, rows[0], stored[0], rejected[0], List.copyOf(kept), c.missingOptional(),
                    c.unknown());
        }
    }

    /**
     * A batch of records read, with where it ends: the line of its last row (Long.MAX_VALUE: the entry's end), the
     * rows read up to it and the rows rejected up to it; or why the file could not be read on.
     */
    private record Batch<T>(List<T> records, long lastLine, long rowsIn, long rejected, boolean last,
                            Throwable failure) {
    }

    /** A list of column names for a log line: the first ten and how many more. */
    private static String few(List<String> names) {
        return names.size() <= 10 ? names.toString()
                : names.subList(0, 10).stream().map(n -> n.length() > 40 ? n.substring(0, 40) + "…" : n).toList()
                + " and " + (names.size() - 10) + " more";
    }

    /**
     * Reads the rows after {@code resumeAfter}, groups consecutive rows sharing a code into a record and hands the
     * records on a batch at a time, the last one marked (possibly empty). A record of more than {@code groupRows}
     * rows is rejected, its rows let go as they come rather than held. Runs on the reading thread, which alone
     * counts rows and rejections ({@code reject} adds to {@code rejected}) until the storing thread has joined it.
     */
    private static <T> void read(OpenDataFile file, Columns c, long resumeAfter, long[] rows, long[] rejected,
                                 OpenDataFile.Rejections reject, String name,
                                 BiFunction<Columns, List<OpenDataFile.Row>, T> toRecord, int groupRows,
                                 java.util.function.Consumer<Batch<T>> hand) {
        List<T> batch = new ArrayList<>();
        List<OpenDataFile.Row> group = new ArrayList<>();
        String groupCode = null;
        String overflowing = null;
        long lastLine = resumeAfter;
        for (OpenDataFile.Row row : file) {
            if (row.line() <= resumeAfter) {
                continue; // a restart: already in
            }
            rows[0]++;
            String code = c.text(row, "code");
            if (code == null) {
                reject.reject(new OpenDataFile.Rejection(name, row.line(), "fila sin código"));
                continue;
            }
            if (code.equals(overflowing)) {
                reject.reject(new OpenDataFile.Rejection(name, row.line(), tooManyRows(code, groupRows)));
                continue;
            }
            overflowing = null;
            if (code.equals(groupCode) && group.size() >= groupRows) {
                for (OpenDataFile.Row r : group) {
                    reject.reject(new OpenDataFile.Rejection(name, r.line(), tooManyRows(code, groupRows)));
                }
                reject.reject(new OpenDataFile.Rejection(name, row.line(), tooManyRows(code, groupRows)));
                group = new ArrayList<>();
                groupCode = null;
                overflowing = code;
                continue;
            }
            if (!code.equals(groupCode) && !group.isEmpty()) {
                add(c, group, toRecord, batch, reject, name);
                lastLine = group.getLast().line();
                group = new ArrayList<>();
                if (batch.size() >= BATCH) {
                    // the rows read up to the batch's last line (not the row of the next record that closed it)
                    hand.accept(new Batch<>(batch, lastLine, rows[0] - 1, rejected[0], false, null));
                    batch = new ArrayList<>();
                }
            }
            groupCode = code;
            group.add(row);
        }
        if (!group.isEmpty()) {
            add(c, group, toRecord, batch, reject, name);
            lastLine = Long.MAX_VALUE; // the entry is done
        }
        hand.accept(new Batch<>(batch, lastLine, rows[0], rejected[0], true, null));
    }

    private static String tooManyRows(String code, int groupRows) {
        String shown = code.length() > 40 ? code.substring(0, 40) + "…" : code;
        return "el código " + shown + " tiene más de " + groupRows + " filas seguidas, más que el límite de un "
                + "registro: el registro entero queda fuera";
    }

    /** Hands a batch to the storing thread; gives up when that thread has stopped taking them. */
    private static <T> void hand(SynchronousQueue<Batch<T>> handed, Batch<T> batch, AtomicBoolean abandoned) {
        try {
            while (!handed.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new CancellationException("the import stopped storing");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static <T> void add(Columns c, List<OpenDataFile.Row> group,
                                BiFunction<Columns, List<OpenDataFile.Row>, T> toRecord, List<T> batch,
                                OpenDataFile.Rejections reject, String name) {
        try {
            batch.add(toRecord.apply(c, group));
        } catch (Columns.BadValue e) {
            for (OpenDataFile.Row r : group) {
                reject.reject(new OpenDataFile.Rejection(name, r.line(), e.getMessage()));
            }
        }
    }

    /** The ZIP entry's stream, which the CSV reader must not close (the next entry follows on it). */
    private static final class NoClose extends FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the ZIP stream is closed by its owner
        }
    }
}
