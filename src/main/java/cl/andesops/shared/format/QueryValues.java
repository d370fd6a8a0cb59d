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
}
