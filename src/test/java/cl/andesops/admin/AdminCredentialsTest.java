package cl.andesops.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import cl.andesops.shared.config.AdminProperties;
import cl.andesops.shared.config.Secret;
import cl.andesops.shared.config.StorageProperties;

/** The admin's password: a weak one stops the start; a generated one goes to a private file, never the log. */
class AdminCredentialsTest {

    @TempDir Path dir;

    private StorageProperties storage() {
        return new StorageProperties(dir, Secret.empty());
    }

    @Test
    void a_short_or_repeated_admin_password_stops_the_start_with_a_message_that_says_what_to_do() {
        for (String weak : new String[]{"admin", "ca-admin", "aaaaaaaaaaaaaaaa"}) {
            assertThatThrownBy(() -> new AdminCredentials(new AdminProperties(Secret.of(weak)), storage()))
                    .as(weak).isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_PASSWORD")
                    .hasMessageContaining("al menos 12 caracteres").hasMessageNotContaining(weak);
        }
        assertThat(new AdminCredentials(new AdminProperties(Secret.of("ca-admin-pass")), storage())
                .matches("admin", "ca-admin-pass")).isTrue();
    }

    @Test
    void a_generated_password_is_written_to_a_file_only_its_user_can_read_and_the_log_says_where_not_what() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(AdminCredentials.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        AdminCredentials c;
        try {
            c = new AdminCredentials(new AdminProperties(Secret.empty()), storage());
        } finally {
            logger.detachAppender(seen);
        }
        Path file = dir.resolve("admin-password.txt");
        String password = Files.readString(file).strip();
        assertThat(password).hasSize(24);
        assertThat(c.matches("admin", password)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(seen.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(password)).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains(file.toString()));
    }
}
