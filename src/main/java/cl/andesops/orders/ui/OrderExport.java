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
import cl.andesops.orders.OrderSort;
import cl.andesops.shared.format.Formats;

/**
 * The Monitor's filtered orders as a file, streamed page by page from the database straight to the response:
 * memory stays flat whatever the size. CSV (commons-csv) is UTF-8 with a BOM and semicolons, what a Chilean Excel
 * opens; XLSX is written by fastexcel, row by row.
 */
final class OrderExport implements DownloadHandler {

    enum Format { CSV, XLSX }

    static final String[] HEADER = {"Código", "Nombre", "Comprador", "Proveedor", "Tipo", "Estado", "Moneda", "Total",
            "Monto CLP", "Fecha (Chile)", "Región", "Alerta"};

    private final OrderService orders;
    private final Supplier<OrderFilter> filter;
    private final Format format;

    OrderExport(OrderService orders, Supplier<OrderFilter> filter, Format format) {
        this.orders = orders;
        this.filter = filter;
        this.format = format;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        String name = "ordenes-" + LocalDate.now(Formats.CHILE) + (format == Format.CSV ? ".csv" : ".xlsx");
        event.setFileName(name);
        event.setContentType(format == Format.CSV ? "text/csv; charset=utf-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        OrderFilter f = filter.get();
        try (OutputStream out = event.getOutputStream()) {
            if (format == Format.CSV) {
                writeCsv(f, out);
            } else {
                writeXlsx(f, out);
            }
        }
    }

    void writeCsv(OrderFilter f, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                .setQuoteMode(QuoteMode.ALL).setHeader(HEADER).get();
        CSVPrinter csv = new CSVPrinter(w, format);
        try {
            orders.forEach(f, OrderSort.NEWEST, o -> {
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
        orders.forEach(f, OrderSort.NEWEST, o -> {
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
