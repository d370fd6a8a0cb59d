package cl.andesops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Two packaged apps on one data directory: the second refuses to start and says why; the first keeps running. */
class DataDirIT {

    @Test
    void a_second_process_on_the_same_data_directory_refuses_to_start() throws Exception {
        Path dir = Files.createTempDirectory("andesops-one-dir");
        Map<String, String> env = Map.of("ADMIN_PASSWORD", "one-dir-admin");
        try (PackagedApp first = PackagedApp.start(env, dir)) {
            assertThatThrownBy(() -> PackagedApp.start(env, dir)).hasMessageContaining("The app exited")
                    .hasMessageContaining("Otro proceso de AndesOps").hasMessageContaining("pid " + first.pid());
            assertThat(first.logText()).contains("Started");
        }
    }
}
