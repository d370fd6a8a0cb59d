package cl.andesops.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The admin is warned when SQLite lies on a Space's container disk, which every restart wipes. */
class StorageDurabilityTest {

    private static final List<String> MOUNTS = List.of("/", "/proc", "/data", "/dev/shm");

    @Test
    void a_file_belongs_to_the_longest_mount_point_that_holds_it() {
        assertThat(StorageDurability.mountPointOf(Path.of("/data/andesops.db"), MOUNTS)).isEqualTo("/data");
        assertThat(StorageDurability.mountPointOf(Path.of("/data/sub/andesops.db"), MOUNTS)).isEqualTo("/data");
        assertThat(StorageDurability.mountPointOf(Path.of("/database/andesops.db"), MOUNTS)).isEqualTo("/");
        assertThat(StorageDurability.mountPointOf(Path.of("/app/data/andesops.db"), MOUNTS)).isEqualTo("/");
        assertThat(StorageDurability.mountPointOf(Path.of("/app/data/andesops.db"), List.of())).isEqualTo("/");
    }

    @Test
    void only_sqlite_on_a_space_without_a_mounted_volume_is_ephemeral() {
        assertThat(StorageDurability.ephemeral(DatabaseTarget.Kind.SQLITE, true, "/")).isTrue();
        assertThat(StorageDurability.ephemeral(DatabaseTarget.Kind.SQLITE, true, "/data")).as("persistent storage")
                .isFalse();
        assertThat(StorageDurability.ephemeral(DatabaseTarget.Kind.SQLITE, false, "/")).as("a VM's own disk").isFalse();
        assertThat(StorageDurability.ephemeral(DatabaseTarget.Kind.POSTGRESQL, true, "/")).isFalse();
    }
}
