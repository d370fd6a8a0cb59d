package cl.andesops.shared.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory belongs to one process: a second one on the same directory (the SQLite database, the search
 * indexes, the downloads) would interleave its writes and its indexes with the first's. The first holds an OS lock on
 * {@code .andesops.lock} for its life; a second refuses to start, with a message, before it sends any request. A
 * directory that cannot be written is refused the same way, at start, not with a silent stop later.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = ".andesops.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dir) {
        if (!Files.isWritable(dir)) {
            throw new IllegalStateException("El directorio de datos " + dir.toAbsolutePath() + " no se puede escribir "
                    + "(solo lectura o sin permisos): AndesOps necesita escribir ahí su base de datos y sus índices. "
                    + "Defina ANDESOPS_DATA_DIR con un directorio escribible.");
        }
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new IllegalStateException("Otro proceso de AndesOps" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + " ya usa el directorio de datos " + dir.toAbsolutePath() + ". Deténgalo o use otro "
                        + "ANDESOPS_DATA_DIR; varios nodos comparten una base PostgreSQL, no un directorio.");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing after a failure
            }
            throw new IllegalStateException("No se pudo reservar el directorio de datos " + dir.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
