package cl.andesops.analysis;

import java.util.Locale;
import java.util.Optional;

/** What a user can analyse. */
public enum AnalysisKind {
    TENDER("Licitación"), BUYER("Comprador"), SUPPLIER("Proveedor"), MARKET("Segmento de mercado");

    private final String label;

    AnalysisKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower-case name used in URLs ({@code ?kind=tender}). */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AnalysisKind> fromParam(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AnalysisKind k : values()) {
            if (k.param().equalsIgnoreCase(value.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
