package cl.andesops.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cl.andesops.shared.format.Formats;

/**
 * The columns a dataset reads, found by header name (never by position: the schema drifts across years, with
 * renamed, missing and extra columns and typos kept as published). Each column may go by several names; a missing
 * required one stops the file with a message that names it, a missing optional one reads as null. Values are read
 * as ChileCompra writes them: {@code NA} is null, a decimal comma, {@code 1900-01-01} for "no date", trailing
 * spaces.
 */
final class Columns {

    /** A column the dataset reads: the names it goes by, newest first. */
    record Column(String key, boolean required, List<String> names) {
        static Column required(String key, String... names) {
            return new Column(key, true, List.of(names));
        }

        static Column optional(String key, String... names) {
            return new Column(key, false, List.of(names));
        }
    }

    /** A required column the file lacks: the file cannot be read. */
    static final class MissingColumns extends RuntimeException {
        MissingColumns(String file, List<String> missing) {
            super("Al archivo " + file + " le faltan columnas necesarias: " + String.join(", ", missing));
        }
    }

    private static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> missingOptional = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();

    /** Resolves the dataset's columns against a file's header. */
    Columns(String file, List<String> header, List<Column> wanted) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(normal(header.get(i)), i);
        }
        Set<String> used = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (Column c : wanted) {
            Integer at = null;
            for (String n : c.names()) {
                at = positions.get(normal(n));
                if (at != null) {
                    used.add(normal(n));
                    break;
                }
            }
            if (at != null) {
                index.put(c.key(), at);
            } else if (c.required()) {
                missing.add(c.names().getFirst());
            } else {
                missingOptional.add(c.names().getFirst());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingColumns(file, missing);
        }
        for (String h : header) {
            if (!used.contains(normal(h))) {
                unknown.add(h);
            }
        }
    }

    /** Optional columns this file does not have (they read as null). */
    List<String> missingOptional() {
        return missingOptional;
    }

    /** Columns of the file the dataset does not read. */
    List<String> unknown() {
        return unknown;
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    // ---- values ----------------------------------------------------------------------------------------------

    /** The text of a column, stripped; null for {@code NA}, an empty field or a column the file lacks. */
    String text(OpenDataFile.Row row, String key) {
        Integer at = index.get(key);
        if (at == null) {
            return null;
        }
        String v = row.fields()[at].strip();
        return v.isEmpty() || v.equals("NA") ? null : v;
    }

    /** A number written with a decimal comma (or none); null when empty or {@code NA}. */
    BigDecimal decimal(OpenDataFile.Row row, String key) {
        String v = text(row, key);
        if (v == null) {
            return null;
        }
        try {
            // a decimal comma, maybe with dots between thousands; a number without a comma is read as written
            return new BigDecimal(v.indexOf(',') >= 0 ? v.replace(".", "").replace(',', '.') : v);
        } catch (NumberFormatException e) {
            throw new BadValue(key, v, "no es un número");
        }
    }

    Integer integer(OpenDataFile.Row row, String key) {
        BigDecimal d = decimal(row, key);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue(key, text(row, key), "no es un número entero");
        }
    }

    /** A date ({@code yyyy-MM-dd}, maybe followed by a time) as the start of that day in Chile; 1900-01-01 is none. */
    Instant date(OpenDataFile.Row row, String key) {
        String v = text(row, key);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
            return d.equals(NO_DATE) ? null : d.atStartOfDay(Formats.CHILE).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadValue(key, v, "no es una fecha");
        }
    }

    /** "Sí"/"Si"/"1"/"true" as true, "No"/"0"/"false" as false, anything else null. */
    Boolean yesNo(OpenDataFile.Row row, String key) {
        String v = text(row, key);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "sí", "si", "1", "true", "s" -> true;
            case "no", "0", "false", "n" -> false;
            default -> null;
        };
    }

    /** A value a column cannot hold: its row is rejected with this reason. */
    static final class BadValue extends RuntimeException {
        BadValue(String column, String value, String why) {
            super(column + " = «" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "» " + why);
        }
    }
}
