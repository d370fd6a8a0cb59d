package cl.andesops.orders.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.shared.format.Formats;

/**
 * The Monitor's filtered orders as a file, streamed page by page from the database straight to the response:
 * memory stays flat whatever the size. CSV (commons-csv) is UTF-8 with a BOM and semicolons, what a Chilean Excel
 * opens; XLSX is written by fastexcel, row by row.
 */
final class OrderExport implements DownloadHandler {

    enum Format { CSV, XLSX }

    /** Rows a file holds at most; the file says so when it stops there. */
    static final long MAX_ROWS = 200_000;
    /** Files written at once, for all visitors: fewer than the read connections, so pages and the API never wait. */
    static final int AT_ONCE = 3;
    private static final Gate GATE = new Gate(AT_ONCE);
    private static final String SESSION_BUSY = OrderExport.class.getName() + ".running";
    /** The last line of a file that stopped at the limit. */
    static String capped(long maxRows) {
        return "Se alcanzó el límite de " + Formats.count(maxRows)
                + " filas por archivo: acote los filtros (fechas, comprador, región) para exportar el resto.";
    }

    static final String[] HEADER = {"Código", "Nombre", "Comprador", "Proveedor", "Tipo", "Estado", "Moneda", "Total",
            "Monto CLP", "Fecha (Chile)", "Región", "Alerta"};

    private final OrderService orders;
    private final Supplier<OrderFilter> filter;
    private final Format format;

    private final long maxRows;

    OrderExport(OrderService orders, Supplier<OrderFilter> filter, Format format) {
        this(orders, filter, format, MAX_ROWS);
    }

    OrderExport(OrderService orders, Supplier<OrderFilter> filter, Format format, long maxRows) {
        this.maxRows = maxRows;
        this.orders = orders;
        this.filter = filter;
        this.format = format;
    }

    /**
     * One file per session at a time and {@value #AT_ONCE} for everyone: a refused download gets 429 and a sentence
     * that says why. The rows are read by keyset pages, no connection held while the client reads slowly.
     */
    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        com.vaadin.flow.server.VaadinSession session = event.getSession();
        java.util.concurrent.atomic.AtomicBoolean busy = session == null ? new java.util.concurrent.atomic.AtomicBoolean()
                : busy(session);
        String refusal = GATE.admit(busy);
        if (refusal != null) {
            refuse(event, refusal);
            return;
        }
        try {
            String name = "ordenes-" + LocalDate.now(Formats.CHILE) + (format == Format.CSV ? ".csv" : ".xlsx");
            event.setFileName(name);
            event.setContentType(format == Format.CSV ? "text/csv; charset=utf-8"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            write(filter.get(), event.getOutputStream());
        } finally {
            GATE.release(busy);
        }
    }

    /** Who may start a file now: one per session at a time, and so many for everyone. */
    static final class Gate {
        private final int atOnce;
        private final java.util.concurrent.Semaphore running;

        Gate(int atOnce) {
            this.atOnce = atOnce;
            this.running = new java.util.concurrent.Semaphore(atOnce);
        }

        /** Null when the file may start ({@link #release} it when done), else the sentence that says why not. */
        String admit(java.util.concurrent.atomic.AtomicBoolean session) {
            if (!session.compareAndSet(false, true)) {
                return "Ya hay una exportación en curso en esta sesión: espere a que termine.";
            }
            if (!running.tryAcquire()) {
                session.set(false);
                return "Hay " + atOnce + " exportaciones en curso, el máximo a la vez: intente en un momento.";
            }
            return null;
        }

        void release(java.util.concurrent.atomic.AtomicBoolean session) {
            running.release();
            session.set(false);
        }
    }

    /**
     * Writes the file; a reader who leaves mid-download (a closed tab, a cut connection) ends it quietly: the keyset
     * pages stop, the slot is freed, and the log says so in one line, not as an error.
     *
     * @return whether the whole file was written
     */
    boolean write(OrderFilter f, OutputStream stream) throws IOException {
        try (OutputStream out = stream) {
            if (format == Format.CSV) {
                writeCsv(f, out);
            } else {
                writeXlsx(f, out);
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            if (!readerLeft(e)) {
                throw e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            }
            org.slf4j.LoggerFactory.getLogger(OrderExport.class).info("An export ({}) was left by its reader: {}",
                    format, e.getMessage());
            return false;
        }
    }

    /** The client went away: Tomcat's ClientAbortException, or the socket's own words. */
    static boolean readerLeft(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t.getClass().getSimpleName().equals("ClientAbortException") || m.contains("Broken pipe")
                    || m.contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    private static java.util.concurrent.atomic.AtomicBoolean busy(com.vaadin.flow.server.VaadinSession session) {
        session.lock();
        try {
            Object b = session.getAttribute(SESSION_BUSY);
            if (b == null) {
                b = new java.util.concurrent.atomic.AtomicBoolean();
                session.setAttribute(SESSION_BUSY, b);
            }
            return (java.util.concurrent.atomic.AtomicBoolean) b;
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

    void writeCsv(OrderFilter f, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                .setQuoteMode(QuoteMode.ALL).setHeader(HEADER).get();
        CSVPrinter csv = new CSVPrinter(w, format);
        try {
            long[] n = {0};
            long written = orders.forEachNewest(f, maxRows + 1, o -> {
                if (++n[0] > maxRows) {
                    return; // the one beyond the limit only tells that there are more
                }
                try {
                    String[] cells = cells(o);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = neutralise(cells[i]);
                    }
                    csv.printRecord((Object[]) cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (written > maxRows) {
                csv.printRecord(capped(maxRows));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    void writeXlsx(OrderFilter f, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "AndesOps", "1.0");
        Worksheet ws = wb.newWorksheet("Órdenes");
        for (int c = 0; c < HEADER.length; c++) {
            ws.value(0, c, HEADER[c]);
            ws.style(0, c).bold().set();
        }
        AtomicInteger row = new AtomicInteger(1);
        long written = orders.forEachNewest(f, maxRows + 1, o -> {
            if (row.get() > maxRows) {
                return; // the one beyond the limit only tells that there are more
            }
            int r = row.getAndIncrement();
            String[] cells = cells(o);
            for (int c = 0; c < cells.length; c++) {
                if ((c == 7 && o.total() != null)) {
                    ws.value(r, c, o.total());
                } else if (c == 8 && o.amountClp() != null) {
                    ws.value(r, c, o.amountClp());
                } else {
                    ws.value(r, c, cells[c]);
                }
            }
            if (r % 1_000 == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        if (written > maxRows) {
            ws.value(row.get(), 0, capped(maxRows));
        }
        wb.finish();
    }

    private static String[] cells(OrderRow o) {
        return new String[]{o.code(), nz(o.name()), nz(o.buyerName()), nz(o.supplierName()), nz(o.type()),
                nz(o.state()), nz(o.currency()), o.total() == null ? "" : o.total().toPlainString(),
                o.amountClp() == null ? "" : o.amountClp().toString(), Formats.dateTime(o.createdAt()),
                nz(o.region()), nz(o.flag())};
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * A cell a spreadsheet could run as a formula gets a leading apostrophe: one that starts with = + - @, their
     * full-width forms, a tab or a carriage return (numbers stay numbers).
     */
    static String neutralise(String v) {
        if (!v.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+([.,]\\d+)?")) {
            return "'" + v;
        }
        return v;
    }
}
