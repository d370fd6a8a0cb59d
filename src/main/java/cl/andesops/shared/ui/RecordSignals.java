package cl.andesops.shared.ui;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The integrity signals that fired on records, for the rows of a list (orders, tenders, Compra Ágil requests): for
 * each record with any, their names in words (a reason to look, never proof). The lists know only this interface;
 * the feature that judges the records provides it.
 */
public interface RecordSignals {

    /** The records among {@code codes} that a signal fired on, each with the signals' names, joined. */
    Map<String, String> of(Collection<String> codes, Locale locale);

    /**
     * What a list keeps of the signals of the rows it fetched: read once per page fetched (one query), kept for the
     * rows on screen, at most {@value #KEPT} records.
     */
    final class Rows {
        static final int KEPT = 2_000;

        private final RecordSignals signals;
        private final Locale locale;
        private final Map<String, String> texts = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > KEPT;
            }
        };

        public Rows(RecordSignals signals, Locale locale) {
            this.signals = signals;
            this.locale = locale;
        }

        /** Reads the signals of a fetched page of rows; returns the rows. */
        public <T> java.util.stream.Stream<T> page(java.util.List<T> rows, java.util.function.Function<T, String> code) {
            java.util.List<String> codes = rows.stream().map(code).filter(java.util.Objects::nonNull).toList();
            Map<String, String> found = signals.of(codes, locale);
            synchronized (texts) {
                codes.forEach(c -> texts.put(c, found.getOrDefault(c, "")));
            }
            return rows.stream();
        }

        /** The signals of a row fetched, or null when none fired on it. */
        public String text(String code) {
            synchronized (texts) {
                String t = texts.get(code);
                return t == null || t.isEmpty() ? null : t;
            }
        }
    }
}
