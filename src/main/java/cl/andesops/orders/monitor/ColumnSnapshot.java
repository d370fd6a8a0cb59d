package cl.andesops.orders.monitor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The columns on disk, so that a start reads a file instead of two million rows: a header (format, schema, data
 * version, the highest detailed id and its code, to tell another database), the dictionaries, then each array.
 * Written to a temporary file, forced to disk, then renamed over the last one: a crash leaves the old snapshot or
 * the new one, never half of one.
 */
final class ColumnSnapshot {

    private static final long MAGIC = 0x414e4445_53434f4cL; // "ANDESCOL"
    private static final int FORMAT = 3;

    /** What identifies the database a snapshot was taken from. */
    record Header(int schema, long version, int maxId, String maxCode) {
    }

    private ColumnSnapshot() {
    }

    /** Writes the columns (the caller holds the read lock). */
    static void write(Path file, OrderColumns c, Header h) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.getParent());
        int n = c.day.length;
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeLong(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(h.schema());
            out.writeLong(h.version());
            out.writeInt(h.maxId());
            out.writeUTF(h.maxCode());
            out.writeInt(c.rows);
            out.writeInt(n);
            for (Dict d : List.of(c.states, c.types, c.regions, c.buyers, c.suppliers)) {
                out.writeInt(d.size());
                for (int i = 0; i < d.size(); i++) {
                    out.writeUTF(d.value(i));
                }
            }
            ByteBuffer buffer = ByteBuffer.allocate(n * 8);
            buffer.asIntBuffer().put(c.day);
            out.write(buffer.array(), 0, n * 4);
            buffer.clear().asIntBuffer().put(c.hour);
            out.write(buffer.array(), 0, n * 4);
            buffer.clear().asLongBuffer().put(c.amount);
            out.write(buffer.array(), 0, n * 8);
            for (short[] column : List.of(c.state, c.type, c.region)) {
                buffer.clear().asShortBuffer().put(column);
                out.write(buffer.array(), 0, n * 2);
            }
            buffer.clear().asIntBuffer().put(c.buyer);
            out.write(buffer.array(), 0, n * 4);
            buffer.clear().asIntBuffer().put(c.supplier);
            out.write(buffer.array(), 0, n * 4);
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The header alone, to decide whether the snapshot fits this database before reading the arrays. */
    static Header header(Path file) throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4_096))) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            return new Header(in.readInt(), in.readLong(), in.readInt(), in.readUTF());
        }
    }

    /** Reads the columns, or null when the file is damaged; {@code maxRows} bounds what a damaged header may ask. */
    static OrderColumns read(Path file, long maxRows) throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            in.readInt();
            long version = in.readLong();
            int maxId = in.readInt();
            in.readUTF();
            int count = in.readInt();
            int n = in.readInt();
            if (n <= maxId || n > 2 * maxRows + 2_048 || count < 0 || count > n) {
                return null;
            }
            OrderColumns c = new OrderColumns();
            for (Dict d : List.of(c.states, c.types, c.regions, c.buyers, c.suppliers)) {
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    d.id(in.readUTF());
                }
            }
            ByteBuffer buffer = ByteBuffer.allocate(n * 8);
            c.day = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(c.day);
            c.hour = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(c.hour);
            c.amount = new long[n];
            read(in, buffer, n * 8).asLongBuffer().get(c.amount);
            c.state = new short[n];
            read(in, buffer, n * 2).asShortBuffer().get(c.state);
            c.type = new short[n];
            read(in, buffer, n * 2).asShortBuffer().get(c.type);
            c.region = new short[n];
            read(in, buffer, n * 2).asShortBuffer().get(c.region);
            c.buyer = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(c.buyer);
            c.supplier = new int[n];
            read(in, buffer, n * 4).asIntBuffer().get(c.supplier);
            c.rows = count;
            c.version = version;
            c.bounds();
            return c;
        }
    }

    /** Reads the next {@code length} bytes of the file into the buffer, ready to be viewed from its start. */
    private static ByteBuffer read(DataInputStream in, ByteBuffer buffer, int length) throws IOException {
        in.readFully(buffer.array(), 0, length);
        return buffer.clear();
    }
}
