package cl.andesops.opendata;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/** The three monthly datasets and where each month's ZIP is under the base URL (the month padded or not). */
public enum Dataset {
    /** Purchase orders, one row per item. */
    OC("oc"),
    /** Tenders, one row per tender × item × offer (from 2014-12). */
    LIC("lic"),
    /** Compra Ágil quotes (from 2020). */
    COT("cot");

    private final String key;

    Dataset(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The file's path under the base URL, as ChileCompra publishes it. */
    String path(YearMonth month) {
        return switch (this) {
            case OC -> "oc-da/" + month.getYear() + "-" + month.getMonthValue() + ".zip";
            case LIC -> "lic-da/" + month.getYear() + "-" + month.getMonthValue() + ".zip";
            case COT -> String.format(Locale.ROOT, "trnspchc/COT_%d-%02d.zip", month.getYear(), month.getMonthValue());
        };
    }

    public static Optional<Dataset> of(String key) {
        for (Dataset d : values()) {
            if (d.key.equalsIgnoreCase(key == null ? "" : key.strip())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
