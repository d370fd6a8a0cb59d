package cl.andesops.shared.format;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading and writing the values of an address's query, as every screen's filter codec does: anything malformed (a
 * hand-edited or probing URL) reads as absent, never as an error.
 */
public final class QueryValues {

    /** The longest value of a list a codec keeps: longer ones are probes, not codes. */
    static final int MAX_VALUE = 40;

    private QueryValues() {
    }

    /** The first value of {@code key}, or null when it is absent or blank. */
    public static String first(Map<String, List<String>> p, String key) {
        List<String> v = p.get(key);
        return v == null || v.isEmpty() || v.getFirst() == null || v.getFirst().isBlank() ? null : v.getFirst();
    }

    /** Comma-separated values of {@code key} (and repeated keys), in order, each at most 40 characters. */
    public static Set<String> list(Map<String, List<String>> p, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String csv : p.getOrDefault(key, List.of())) {
            if (csv != null) {
                Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty() && s.length() <= MAX_VALUE)
                        .forEach(out::add);
            }
        }
        return out;
    }

    public static Set<Integer> ints(Map<String, List<String>> p, String key) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String s : list(p, key)) {
            try {
                out.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                // ignored: a hand-edited URL
            }
        }
        return out;
    }

    public static Long whole(Map<String, List<String>> p, String key) {
        String s = first(p, key);
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A day between {@code first} and {@code last}, else null (a probe's +999999999-12-31 is no date). */
    public static LocalDate day(Map<String, List<String>> p, String key, LocalDate first, LocalDate last) {
        String s = first(p, key);
        try {
            LocalDate d = s == null ? null : LocalDate.parse(s.strip());
            return d == null || d.isBefore(first) || d.isAfter(last) ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Puts a single value when it is not null or blank. */
    public static void put(Map<String, List<String>> m, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            m.put(key, List.of(value.toString()));
        }
    }

    /** Puts values joined by commas, sorted, when there are any. */
    public static void putAll(Map<String, List<String>> m, String key, Set<?> values) {
        if (!values.isEmpty()) {
            m.put(key, List.of(values.stream().map(Object::toString).sorted().collect(Collectors.joining(","))));
        }
    }

    /**
     * The query of an address ({@code a=1&b=x%20y}, with or without a leading {@code ?}) as a codec reads it: each key
     * with its values in order, {@code +} and percent escapes decoded. A malformed escape reads as the text it is.
     */
    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return out;
        }
        for (String pair : (query.startsWith("?") ? query.substring(1) : query).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return out;
    }

    /** The query a codec's values make, in their order, each value percent-encoded (a space as {@code %20}). */
    public static String format(Map<String, List<String>> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((key, list) -> list.forEach(v -> {
            out.append(out.isEmpty() ? "" : "&").append(encode(key)).append('=').append(encode(v));
        }));
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
