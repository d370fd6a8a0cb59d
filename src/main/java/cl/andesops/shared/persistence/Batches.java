package cl.andesops.shared.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** What every writer does with a batch before it writes: one copy per code, and bounded {@code IN} lists. */
public final class Batches {

    /** Codes per {@code IN (...)} list: far below SQLite's and PostgreSQL's parameter limits. */
    public static final int CHUNK = 500;

    private Batches() {
    }

    /** The batch by code, in order, a repeated code keeping its last copy; records without a code are left out. */
    public static <T> Map<String, T> lastOfEachCode(List<T> batch, Function<T, String> code) {
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T t : batch) {
            String c = code.apply(t);
            if (c != null && !c.isBlank()) {
                byCode.remove(c);
                byCode.put(c, t);
            }
        }
        return byCode;
    }

    /** Runs the action on consecutive chunks of at most {@link #CHUNK} codes. */
    public static void inChunks(List<String> codes, Consumer<List<String>> action) {
        for (int from = 0; from < codes.size(); from += CHUNK) {
            action.accept(codes.subList(from, Math.min(codes.size(), from + CHUNK)));
        }
    }

    /** The distinct codes in chunks of at most {@link #CHUNK}, for {@code IN (...)} lists. */
    public static List<List<String>> chunks(java.util.Collection<String> codes) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(codes));
        List<List<String>> out = new java.util.ArrayList<>();
        inChunks(all, out::add);
        return out;
    }

    /**
     * Of these codes, the ones whose details in {@code table} (a feature's, with {@code code}, {@code has_detail}
     * and {@code fetched_at}) were fetched at or after {@code at}: what a file of that time must not overwrite.
     */
    public static java.util.Set<String> detailedSince(org.springframework.jdbc.core.JdbcTemplate jdbc, String table,
                                                      List<String> codes, long at) {
        java.util.Set<String> out = new java.util.HashSet<>();
        inChunks(codes, chunk -> {
            List<Object> args = new java.util.ArrayList<>(chunk);
            args.add(at);
            jdbc.query("SELECT code FROM " + table + " WHERE code IN (" + marks(chunk.size())
                    + ") AND has_detail = 1 AND fetched_at >= ?", rs -> {
                out.add(rs.getString(1));
            }, args.toArray());
        });
        return out;
    }

    public static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    /** An instant as the schema keeps it: epoch milliseconds, or null. */
    public static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /** A decimal as the schema keeps it: exact text, or null. */
    public static String str(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    /** A row of batch parameters with one more value inserted at {@code at}. */
    public static Object[] with(Object[] row, int at, Object value) {
        Object[] out = Arrays.copyOf(row, row.length + 1);
        System.arraycopy(row, at, out, at + 1, row.length - at);
        out[at] = value;
        return out;
    }
}
