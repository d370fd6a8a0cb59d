package cl.andesops.mercadopublico;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import cl.andesops.shared.format.Formats;

/**
 * The date spellings Mercado Público actually sends. v1 object dates are Chile local times with 0-7 fraction
 * digits and no zone (some 2026 answers add an offset); v1 envelope timestamps may end in {@code Z}; Compra Ágil
 * sends {@code 2026-06-15 11:59} and ISO values with a {@code Z} that is false: they are Chile local too.
 */
final class MpDates {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter();

    private MpDates() {
    }

    /** A v1 date: Chile local unless it carries its own offset. Null, blank or unparseable gives null. */
    static Instant v1(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            if (hasOffset(s)) {
                return OffsetDateTime.parse(normalizeOffset(s)).toInstant();
            }
            return Formats.fromChileLocal(LocalDateTime.parse(s, LOCAL));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A Compra Ágil date: always Chile local, whatever zone letter it wears. */
    static Instant compraAgil(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            if (s.length() >= 11 && s.charAt(10) == ' ') {
                return Formats.fromChileLocal(LocalDateTime.parse(s, SPACED));
            }
            String local = stripZone(s);
            return Formats.fromChileLocal(LocalDateTime.parse(local, LOCAL));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean hasOffset(String s) {
        if (s.endsWith("Z")) {
            return true;
        }
        int t = s.indexOf('T');
        return t > 0 && (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0);
    }

    private static String normalizeOffset(String s) {
        // OffsetDateTime.parse accepts up to 9 fraction digits and Z or ±hh:mm; add the colon when missing
        if (s.matches(".*[+-]\\d{4}$")) {
            return s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2);
        }
        return s;
    }

    private static String stripZone(String s) {
        if (s.endsWith("Z")) {
            return s.substring(0, s.length() - 1);
        }
        int t = s.indexOf('T');
        if (t > 0) {
            int plus = Math.max(s.indexOf('+', t), s.indexOf('-', t));
            if (plus > 0) {
                return s.substring(0, plus);
            }
        }
        return s;
    }
}
