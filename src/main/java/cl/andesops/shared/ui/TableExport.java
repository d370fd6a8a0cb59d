package cl.andesops.shared.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cl.andesops.shared.format.Formats;

/**
 * A screen's filtered list as a file, streamed row by row from its source straight to the response: memory stays
 * flat whatever the size. CSV (commons-csv) is UTF-8 with a BOM; in Spanish it uses semicolons and a decimal comma,
 * what a Chilean Excel opens as numbers, in English commas and a decimal point. XLSX (fastexcel) has real numeric
 * cells and real date cells (Chile time). Simulated records say so in every row and in the file's name. One file per
 * session at a time and {@value #AT_ONCE} for everyone; a refused download gets 429 and a sentence that says why.
 *
 * @param <T> a row of the list
 */
public final class TableExport<T> implements DownloadHandler {

    public enum Format { CSV, XLSX }

    /** How a column's values are written: text, a number, or an instant shown as a Chile date and time. */
    public enum Kind { TEXT, NUMBER, DATETIME }

    public record Column<T>(String header, Kind kind, Function<T, Object> value) {

        public static <T> Column<T> text(String header, Function<T, Object> value) {
            return new Column<>(header, Kind.TEXT, value);
        }

        public static <T> Column<T> number(String header, Function<T, Object> value) {
            return new Column<>(header, Kind.NUMBER, value);
        }

        public static <T> Column<T> dateTime(String header, Function<T, Object> value) {
            return new Column<>(header, Kind.DATETIME, value);
        }
    }

    /** The rows, in the screen's order, given one by one to {@code each}: at most {@code limit}; returns how many. */
    @FunctionalInterface
    public interface Rows<T> {
        long forEach(long limit, Consumer<T> each);
    }

    /** Files written at once, for all visitors: fewer than the read connections, so pages and the API never wait. */
    public static final int AT_ONCE = 3;
    private static final Gate GATE = new Gate(AT_ONCE);
    private static final String SESSION_BUSY = TableExport.class.getName() + ".running";
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String baseName;
    private final String sheet;
    private final List<Column<T>> columns;
    private final Rows<T> rows;
    private final Format format;
    private final long maxRows;
    private final boolean spanish;
    private final boolean simulated;
    private volatile Progress progress = Progress.NONE;

    /** How far a file has got, for the person waiting for it: rows written so far, then done; or why it was refused. */
    public interface Progress {
        Progress NONE = (rows, done) -> {
        };

        /** Every {@link #EVERY} rows while writing, and once when the file is complete. */
        void written(long rows, boolean done);

        default void refused(String why) {
        }
    }

    /** Rows between two progress reports. */
    static final int EVERY = 2_000;

    /** Reports how far each file gets to {@code p}. */
    public TableExport<T> withProgress(Progress p) {
        this.progress = p == null ? Progress.NONE : p;
        return this;
    }

    /**
     * @param baseName  the file's name without date or extension ({@code ordenes})
     * @param rows      read when the file is asked for, so it follows the filters as they are then
     * @param locale    Spanish: semicolons, decimal comma, Spanish words; otherwise English
     * @param simulated the records are the simulator's: a last column says so in every row, and the name too
     */
    public TableExport(String baseName, String sheet, List<Column<T>> columns, Rows<T> rows, Format format,
                       long maxRows, Locale locale, boolean simulated) {
        this.baseName = baseName;
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.format = format;
        this.maxRows = maxRows;
        this.spanish = locale == null || "es".equals(locale.getLanguage());
        this.simulated = simulated;
    }

    public String fileName(LocalDate today) {
        return baseName + "-" + today + (simulated ? (spanish ? "-simulado" : "-simulated") : "")
                + (format == Format.CSV ? ".csv" : ".xlsx");
    }

    /** The last line of a file that stopped at the limit. */
    public String capped() {
        return spanish
                ? "Se alcanzó el límite de " + Formats.count(maxRows)
                        + " filas por archivo: acote los filtros para exportar el resto."
                : "The limit of " + String.format(Locale.ENGLISH, "%,d", maxRows)
                        + " rows per file was reached: narrow the filters to export the rest.";
    }

    private List<String> headers() {
        List<String> h = new ArrayList<>(columns.stream().map(Column::header).toList());
        if (simulated) {
            h.add(spanish ? "Datos simulados" : "Simulated data");
        }
        return h;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinSession session = event.getSession();
        AtomicBoolean busy = session == null ? new AtomicBoolean() : busy(session);
        String refusal = GATE.admit(busy);
        if (refusal != null) {
            progress.refused(refusal);
            refuse(event, refusal);
            return;
        }
        try {
            event.setFileName(fileName(LocalDate.now(Formats.CHILE)));
            event.setContentType(format == Format.CSV ? "text/csv; charset=utf-8"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            write(event.getOutputStream());
        } finally {
            GATE.release(busy);
        }
    }

    /** Who may start a file now: one per session at a time, and so many for everyone. */
    public static final class Gate {
        private final int atOnce;
        private final Semaphore running;

        public Gate(int atOnce) {
            this.atOnce = atOnce;
            this.running = new Semaphore(atOnce);
        }

        /** Null when the file may start ({@link #release} it when done), else the sentence that says why not. */
        public String admit(AtomicBoolean session) {
            if (!session.compareAndSet(false, true)) {
                return "Ya hay una exportación en curso en esta sesión: espere a que termine.";
            }
            if (!running.tryAcquire()) {
                session.set(false);
                return "Hay " + atOnce + " exportaciones en curso, el máximo a la vez: intente en un momento.";
            }
            return null;
        }

        public void release(AtomicBoolean session) {
            running.release();
            session.set(false);
        }
    }

    /**
     * Writes the file; a reader who leaves mid-download (a closed tab, a cut connection) ends it quietly: the rows
     * stop, the slot is freed, and the log says so in one line, not as an error.
     *
     * @return whether the whole file was written
     */
    public boolean write(OutputStream stream) throws IOException {
        try (OutputStream out = stream) {
            if (format == Format.CSV) {
                writeCsv(out);
            } else {
                writeXlsx(out);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            if (!readerLeft(e)) {
                throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            }
            org.slf4j.LoggerFactory.getLogger(TableExport.class).info("An export ({} {}) was left by its reader: {}",
                    baseName, format, e.getMessage());
            return false;
        }
    }

    /** The client went away: Tomcat's ClientAbortException, or the socket's own words. */
    public static boolean readerLeft(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t.getClass().getSimpleName().equals("ClientAbortException") || m.contains("Broken pipe")
                    || m.contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    public void writeCsv(OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        CSVFormat csvFormat = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(spanish ? ';' : ',')
                .setQuoteMode(QuoteMode.ALL).setHeader(headers().toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(w, csvFormat);
        String mark = spanish ? "sí" : "yes";
        try {
            AtomicLong n = new AtomicLong();
            long read = rows.forEach(maxRows + 1, row -> {
                if (n.incrementAndGet() > maxRows) {
                    return; // the one beyond the limit only tells that there are more
                }
                List<String> cells = new ArrayList<>(columns.size() + 1);
                for (Column<T> c : columns) {
                    cells.add(csvCell(c, c.value().apply(row)));
                }
                if (simulated) {
                    cells.add(mark);
                }
                try {
                    csv.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (n.get() % EVERY == 0) {
                    progress.written(n.get(), false);
                }
            });
            if (read > maxRows) {
                csv.printRecord(capped());
            }
            csv.flush();
            progress.written(Math.min(read, maxRows), true);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private String csvCell(Column<T> c, Object v) {
        if (v == null) {
            return "";
        }
        return switch (c.kind()) {
            case NUMBER -> {
                String plain = v instanceof BigDecimal b ? b.toPlainString() : v.toString();
                yield spanish ? plain.replace('.', ',') : plain;
            }
            case DATETIME -> v instanceof Instant i
                    ? (spanish ? Formats.dateTime(i) : EN_DATE_TIME.format(i.atZone(Formats.CHILE)))
                    : v.toString();
            case TEXT -> neutralise(v.toString());
        };
    }

    public void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "AndesOps", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        List<String> headers = headers();
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.style(0, c).bold().set();
        }
        String mark = spanish ? "sí" : "yes";
        AtomicLong row = new AtomicLong(1);
        try {
            long read = rows.forEach(maxRows + 1, item -> {
                if (row.get() > maxRows) {
                    return; // the one beyond the limit only tells that there are more
                }
                int r = (int) row.getAndIncrement();
                for (int c = 0; c < columns.size(); c++) {
                    Column<T> column = columns.get(c);
                    Object v = column.value().apply(item);
                    if (v == null) {
                        continue;
                    }
                    switch (column.kind()) {
                        case NUMBER -> ws.value(r, c, v instanceof Number number ? number : parse(v.toString()));
                        case DATETIME -> {
                            if (v instanceof Instant i) {
                                ws.value(r, c, LocalDateTime.ofInstant(i, Formats.CHILE));
                                ws.style(r, c).format(spanish ? "dd-mm-yyyy hh:mm" : "yyyy-mm-dd hh:mm").set();
                            } else {
                                ws.value(r, c, v.toString());
                            }
                        }
                        case TEXT -> ws.value(r, c, v.toString());
                    }
                }
                if (simulated) {
                    ws.value(r, columns.size(), mark);
                }
                if (r % EVERY == 0) {
                    progress.written(r, false);
                }
                if (r % 1_000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            if (read > maxRows) {
                ws.value((int) row.get(), 0, capped());
            }
            wb.finish();
            progress.written(Math.min(read, maxRows), true);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Number parse(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AtomicBoolean busy(VaadinSession session) {
        session.lock();
        try {
            Object b = session.getAttribute(SESSION_BUSY);
            if (b == null) {
                b = new AtomicBoolean();
                session.setAttribute(SESSION_BUSY, b);
            }
            return (AtomicBoolean) b;
        } finally {
            session.unlock();
        }
    }

    private static void refuse(DownloadEvent event, String why) throws IOException {
        event.getResponse().setStatus(429);
        event.setContentType("text/plain; charset=utf-8");
        try (OutputStream out = event.getOutputStream()) {
            out.write(why.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A cell a spreadsheet could run as a formula gets a leading apostrophe: one that starts with = + - @, their
     * full-width forms, a tab or a carriage return (numbers stay numbers).
     */
    public static String neutralise(String v) {
        if (!v.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+([.,]\\d+)?")) {
            return "'" + v;
        }
        return v;
    }
}
