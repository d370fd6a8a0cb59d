package cl.andesops.opendata;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV of ChileCompra's monthly open data, read as a stream (never the whole month in memory): cp1252 without
 * BOM, {@code ;} between fields, fields quoted and holding {@code ;} and newlines. A file written in UTF-8 instead
 * (a BOM, or accents that are valid UTF-8 and not cp1252) is read as UTF-8 rather than stored as mojibake. The
 * header names the columns; rows come with the line they start on. A row with another number of fields than the
 * header, one the file ends in the middle of, or one with a field past the {@link ReadBounds}, is not returned: it
 * is handed to the rejection callback with its line and why, and the rest of the file goes on. A row past the
 * bounds' characters (a quote never closed), a header past its columns, and a file that cannot be read on (a
 * truncated or damaged ZIP) stop the reading with an {@link IOException} that says which.
 */
final class OpenDataFile implements Closeable, Iterable<OpenDataFile.Row> {

    static final Charset CP1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setQuote('"')
            .setRecordSeparator("\r\n").setLenientEof(true).setTrailingData(true).setIgnoreEmptyLines(true).get();
    /** How much of the file the encoding is judged on. */
    private static final int SNIFF = 1 << 20;
    private static final Locale ES = Locale.forLanguageTag("es-CL");

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
    private final ReadBounds bounds;
    private final Bounded reader;
    private final Charset charset;
    private long nextLine = 2;

    OpenDataFile(InputStream in, String name, Rejections rejections) throws IOException {
        this(in, name, rejections, ReadBounds.DEFAULT);
    }

    OpenDataFile(InputStream in, String name, Rejections rejections, ReadBounds bounds) throws IOException {
        this.name = name;
        this.rejections = rejections;
        this.bounds = bounds;
        BufferedInputStream bytes = new BufferedInputStream(new Sticky(in), 1 << 16);
        this.charset = sniff(bytes);
        this.reader = new Bounded(new BufferedReader(new InputStreamReader(bytes, charset), 1 << 16),
                bounds.recordChars());
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
        CSVRecord first;
        try {
            if (!records.hasNext()) {
                throw new IOException("El archivo " + name + " está vacío: no tiene ni encabezado");
            }
            first = records.next();
        } catch (UncheckedIOException e) {
            throw unreadable(e, 1, "el encabezado");
        }
        if (first.size() > bounds.columns()) {
            throw new IOException("El encabezado de " + name + " tiene " + n(first.size()) + " columnas, más que el "
                    + "límite de " + n(bounds.columns()) + ": no es un archivo de datos abiertos");
        }
        List<String> names = new ArrayList<>();
        for (String h : first) {
            names.add(h.strip());
        }
        this.header = List.copyOf(names);
        this.nextLine = parser.getCurrentLineNumber() + 1;
        reader.record();
    }

    String name() {
        return name;
    }

    /** What the file was read as: cp1252 as published, or UTF-8 when it was written so. */
    Charset charset() {
        return charset;
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
                        throw new UncheckedIOException(unreadable(e, line, "la fila de la línea " + n(line)));
                    }
                    reader.record();
                    nextLine = parser.getCurrentLineNumber() + 1;
                    if (record.size() != header.size()) {
                        boolean last = !safeHasNext();
                        rejections.reject(new Rejection(name, line, last && record.size() < header.size()
                                ? "fila cortada al final del archivo (" + record.size() + " de " + header.size()
                                + " campos)" : "tiene " + record.size() + " campos y el encabezado " + header.size()));
                        continue;
                    }
                    String tooLong = null;
                    String[] fields = new String[record.size()];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = record.get(i);
                        if (tooLong == null && fields[i].length() > bounds.fieldChars()) {
                            tooLong = "el campo «" + clip(header.get(i)) + "» tiene " + n(fields[i].length())
                                    + " caracteres, más que el límite de " + n(bounds.fieldChars());
                        }
                    }
                    if (tooLong != null) {
                        rejections.reject(new Rejection(name, line, tooLong));
                        continue;
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

    /** Why the reading cannot go on at {@code what}, in words an operator can act on. */
    private IOException unreadable(UncheckedIOException e, long line, String what) {
        Throwable cause = e.getCause();
        if (cause instanceof TooLong) {
            return new IOException(name + ": " + what + " pasa de " + n(bounds.recordChars()) + " caracteres "
                    + "(¿comillas sin cerrar?): el resto del archivo no se puede leer", cause);
        }
        if (cause instanceof EOFException || cause instanceof java.util.zip.ZipException) {
            return new IOException(name + ": el archivo termina o se daña en " + what + " (ZIP incompleto o dañado: "
                    + cause.getMessage() + ")", cause);
        }
        return new IOException(name + ": no se pudo leer " + what + ": " + cause.getMessage(), cause);
    }

    private static String n(long v) {
        return String.format(ES, "%,d", v);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /**
     * The file's encoding, judged on its first megabyte: a UTF-8 BOM (skipped), or bytes past ASCII that all read as
     * UTF-8 (cp1252 Spanish, where {@code ó} is one byte before a letter, never does), mean UTF-8; otherwise cp1252.
     */
    static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = new byte[SNIFF];
        int n = 0;
        try {
            for (int r; n < SNIFF && (r = in.read(head, n, SNIFF - n)) >= 0; ) {
                n += r;
            }
        } catch (IOException e) {
            // a damaged file: judged on what could be read; the reading meets the same failure where it is
        }
        in.reset();
        head = java.util.Arrays.copyOf(head, n);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        boolean high = false;
        for (byte b : head) {
            if (b < 0) {
                high = true;
                break;
            }
        }
        if (!high) {
            return CP1252;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // not the end of input: a character cut by the megabyte's end is not an error
        boolean valid = !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
        return valid ? StandardCharsets.UTF_8 : CP1252;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A stream that, once it failed, fails again the same way (rather than look ended to a reader that goes on). */
    private static final class Sticky extends java.io.FilterInputStream {
        private IOException failure;

        Sticky(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** A row past the characters a row may take. */
    private static final class TooLong extends IOException {
        TooLong(int limit) {
            super("más de " + limit + " caracteres en una fila");
        }
    }

    /**
     * The parser's reader, counting the characters of the row being read: past the limit it throws, so a quote
     * never closed costs a row's bound of memory, not the rest of the file. (The parser's own buffer reads a few
     * kilobytes ahead: the count is the row's within that.)
     */
    private static final class Bounded extends Reader {
        private final Reader in;
        private final int limit;
        private long count;

        Bounded(Reader in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        /** A row ended: the next one counts from here. */
        void record() {
            count = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (count > limit) {
                throw new TooLong(limit);
            }
            int n = in.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            if (count > limit) {
                throw new TooLong(limit);
            }
            int c = in.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
