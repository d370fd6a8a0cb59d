package cl.andesops.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is analysed: a tender code, a buyer (organism code), a supplier code, or a market slice written as
 * {@code categoria=42271700;region=...;desde=2026-01-01;hasta=2026-03-31}. The key is canonical, so the same
 * subject always finds the same cached analysis.
 */
public record Subject(AnalysisKind kind, String key) {

    public Subject {
        key = key == null ? "" : key.strip();
    }

    /** A category (UNSPSC code, may be blank), a region name (may be blank) and a period of Chile days. */
    public record Slice(String category, String region, LocalDate from, LocalDate to) {
        public String key() {
            Map<String, String> parts = new LinkedHashMap<>();
            if (category != null && !category.isBlank()) {
                parts.put("categoria", category.strip());
            }
            if (region != null && !region.isBlank()) {
                parts.put("region", region.strip());
            }
            parts.put("desde", from.toString());
            parts.put("hasta", to.toString());
            StringBuilder b = new StringBuilder();
            parts.forEach((k, v) -> b.append(b.isEmpty() ? "" : ";").append(k).append('=').append(v.replace(";", ",")));
            return b.toString();
        }
    }

    public static Subject market(Slice slice) {
        return new Subject(AnalysisKind.MARKET, slice.key());
    }

    /** The slice of a market subject; empty when the key is not one (a hand-edited URL). */
    public Optional<Slice> slice() {
        if (kind != AnalysisKind.MARKET) {
            return Optional.empty();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : key.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        try {
            LocalDate from = LocalDate.parse(parts.getOrDefault("desde", ""));
            LocalDate to = LocalDate.parse(parts.getOrDefault("hasta", ""));
            if (to.isBefore(from) || from.plusYears(3).isBefore(to)) {
                return Optional.empty();
            }
            return Optional.of(new Slice(parts.get("categoria"), parts.get("region"), from, to));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean isBlank() {
        return key.isEmpty();
    }
}
