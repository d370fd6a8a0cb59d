package cl.andesops.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Secrets of the alerts (keys, feed names, mail links): random, URL-safe, stored only as their hash. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 32 random bytes, URL-safe: a key or a link's token. */
    static String secret() {
        return random(32);
    }

    /** 18 random bytes: an id that is a feed's or a record's private name. */
    static String id() {
        return random(18);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a text may be a token at all (a probe of another shape is refused before any lookup). */
    static boolean plausible(String s) {
        return s != null && s.length() >= 16 && s.length() <= 64 && s.chars().allMatch(c -> c == '-' || c == '_'
                || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }
}
