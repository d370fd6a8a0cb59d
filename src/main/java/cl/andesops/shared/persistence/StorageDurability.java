package cl.andesops.shared.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.StorageProperties;

/**
 * Whether the data will survive a restart. On a Hugging Face Space (which sets {@code SPACE_HOST}) the container's
 * own disk is wiped by every restart, rebuild or sleep: SQLite there keeps its data only on a mounted volume (the
 * Space's persistent storage at {@code /data}). When the database file lies on the container's root filesystem the
 * operator is told, at start in the log and on {@code /admin}, with the two ways out.
 */
@Component
public class StorageDurability {

    private static final Logger log = LoggerFactory.getLogger(StorageDurability.class);
    private final boolean ephemeral;

    StorageDurability(DatabaseTarget target, StorageProperties storage,
                      @Value("${andesops.security.space-host:}") String spaceHost) {
        Path file = target.sqliteFile() != null ? target.sqliteFile() : storage.dataDir().resolve("andesops.db");
        this.ephemeral = ephemeral(target.kind(), !spaceHost.isBlank(), mountPointOf(file, mountPoints()));
        if (ephemeral) {
            log.warn("The data is in SQLite on this Space's container disk ({}): a restart, rebuild or sleep wipes it. "
                    + "Set DATABASE_URL to a managed PostgreSQL or turn on the Space's persistent storage (/data).", file);
        }
    }

    /** Whether the data will not survive a restart. */
    public boolean ephemeral() {
        return ephemeral;
    }

    static boolean ephemeral(DatabaseTarget.Kind kind, boolean onSpace, String mountPoint) {
        return kind == DatabaseTarget.Kind.SQLITE && onSpace && "/".equals(mountPoint);
    }

    /** The longest mount point that holds {@code file} (Linux), or "/" when none is known. */
    static String mountPointOf(Path file, List<String> mountPoints) {
        String path = file.toAbsolutePath().normalize().toString();
        String best = "/";
        for (String m : mountPoints) {
            if ((path.equals(m) || path.startsWith(m.endsWith("/") ? m : m + "/")) && m.length() > best.length()) {
                best = m;
            }
        }
        return best;
    }

    private static List<String> mountPoints() {
        try {
            // mountinfo: "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw": the fifth is the point
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" "))
                    .filter(f -> f.length > 4).map(f -> f[4].replace("\\040", " ")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
