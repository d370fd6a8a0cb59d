package cl.andesops.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.AdminProperties;
import cl.andesops.shared.config.Secret;

/**
 * The {@code admin} user's password: {@code ADMIN_PASSWORD}, or, when unset, a strong one generated at start and
 * logged once (the operator reads it from the log; it changes at every restart until the variable is set).
 */
@Component
public class AdminCredentials {

    public static final String USER = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminCredentials.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Secret password;
    private final boolean generated;

    AdminCredentials(AdminProperties properties) {
        if (properties.password().isSet()) {
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
            log.warn("ADMIN_PASSWORD is not set: generated the password of user 'admin' for this run: {}",
                    password.reveal());
        }
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
