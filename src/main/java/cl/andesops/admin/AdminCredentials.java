package cl.andesops.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.AdminProperties;
import cl.andesops.shared.config.Secret;
import cl.andesops.shared.config.StorageProperties;

/**
 * The {@code admin} user's password: {@code ADMIN_PASSWORD}, which must be at least {@value #MIN_LENGTH} characters
 * and not one character repeated (a shorter one stops the start with a message that says so); or, when unset, a
 * strong one generated at start and written to {@code admin-password.txt} in the data directory, readable by the
 * process's user only. The log says where, never the password (it changes at every restart until the variable is
 * set).
 */
@Component
public class AdminCredentials {

    public static final String USER = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminCredentials.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static final int MIN_LENGTH = 12;
    static final String FILE = "admin-password.txt";

    private final Secret password;
    private final boolean generated;

    AdminCredentials(AdminProperties properties, StorageProperties storage) {
        if (properties.password().isSet()) {
            String p = properties.password().reveal();
            if (p.length() < MIN_LENGTH || p.chars().distinct().count() < 4) {
                throw new IllegalStateException("ADMIN_PASSWORD es demasiado débil: use al menos " + MIN_LENGTH
                        + " caracteres y no uno solo repetido (tiene " + p.length() + "). AndesOps no parte con ella.");
            }
            this.password = properties.password();
            this.generated = false;
        } else {
            SecureRandom random = new SecureRandom();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            this.password = Secret.of(sb.toString());
            this.generated = true;
            Path file = storage.dataDir().resolve(FILE).toAbsolutePath();
            try {
                write(file, password.reveal());
                log.warn("ADMIN_PASSWORD is not set: the password of user 'admin' for this run is in {} (readable by "
                        + "this user only); set ADMIN_PASSWORD to choose one", file);
            } catch (IOException e) {
                log.warn("ADMIN_PASSWORD is not set and the generated password could not be written to {} ({}): set "
                        + "ADMIN_PASSWORD to use /admin", file, e.getClass().getSimpleName());
            }
        }
    }

    /** Writes the password to a file only its owner may read, created so (never readable by others, not even once). */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: its default permissions
        }
        Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response times reveal nothing about the password. */
    public boolean matches(String user, String candidate) {
        if (user == null || candidate == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(USER.getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password.reveal().getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
        return userOk & passwordOk;
    }

    public Secret password() {
        return password;
    }

    public boolean generated() {
        return generated;
    }
}
