package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process per data directory; a directory that cannot be written is refused at start with a message. */
class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void a_second_holder_of_the_same_directory_is_refused_with_who_holds_it() throws Exception {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            assertThat(Files.readString(dir.resolve(DataDirLock.FILE))).contains("pid " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Otro proceso de AndesOps").hasMessageContaining("ANDESOPS_DATA_DIR");
        }
        DataDirLock.acquire(dir).close(); // released at the end: the next start takes it
    }

    @Test
    void a_read_only_directory_is_refused_at_start() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(ro)) {
                return; // running as root: permissions do not bind; the packaged-jar test covers the lock
            }
            assertThatThrownBy(() -> DataDirLock.acquire(ro)).hasMessageContaining("no se puede escribir");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
