package cl.andesops.opendata;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV of ChileCompra's monthly open data, read as a stream (never the whole month in memory): cp1252 without
 * BOM, {@code ;} between fields, fields quoted and holding {@code ;} and newlines. The header names the columns;
 * rows come with the line they start on. A row with another number of fields than the header, or one the file ends
 * in the middle of, is not returned: it is handed to the rejection callback with its line and why, and the rest of
 * the file goes on.
 */
final class OpenDataFile implements Closeable, Iterable<OpenDataFile.Row> {

    static final Charset CP1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setQuote('"')
            .setRecordSeparator("\r\n").setLenientEof(true).setTrailingData(true).setIgnoreEmptyLines(true).get();

    /** A row as published: its fields and the line of the file it starts on. */
    record Row(long line, String[] fields) {
    }

    /** A row left out, with the line it starts on and why. */
    record Rejection(String file, long line, String reason) {
    }

    interface Rejections {
        void reject(Rejection r);
    }

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Rejections rejections;
    private long nextLine = 2;

    OpenDataFile(InputStream in, String name, Rejections rejections) throws IOException {
        this.name = name;
        this.rejections = rejections;
        this.parser = CSVParser.builder().setReader(new BufferedReader(new InputStreamReader(in, CP1252), 1 << 16))
                .setFormat(FORMAT).get();
        this.records = parser.iterator();
        if (!records.hasNext()) {
            throw new IOException("El archivo " + name + " está vacío: no tiene ni encabezado");
        }
        List<String> names = new ArrayList<>();
        for (String h : records.next()) {
            names.add(h.strip());
        }
        this.header = List.copyOf(names);
        this.nextLine = parser.getCurrentLineNumber() + 1;
    }

    String name() {
        return name;
    }

    /** The column names, in file order. */
    List<String> header() {
        return header;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    CSVRecord record;
                    long line = nextLine;
                    try {
                        if (!records.hasNext()) {
                            return false;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        // a quote the file never closes: nothing after it can be read as rows
                        rejections.reject(new Rejection(name, line, "comillas sin cerrar hasta el final del archivo"));
                        return false;
                    }
                    nextLine = parser.getCurrentLineNumber() + 1;
                    if (record.size() != header.size()) {
                        boolean last = !safeHasNext();
                        rejections.reject(new Rejection(name, line, last && record.size() < header.size()
                                ? "fila cortada al final del archivo (" + record.size() + " de " + header.size()
                                + " campos)" : "tiene " + record.size() + " campos y el encabezado " + header.size()));
                        continue;
                    }
                    String[] fields = new String[record.size()];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = record.get(i);
                    }
                    next = new Row(line, fields);
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }

    private boolean safeHasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
