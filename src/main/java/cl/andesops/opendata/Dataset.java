package cl.andesops.opendata;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/** The three monthly datasets and where each month's ZIP is under the base URL (the month padded or not). */
public enum Dataset {
    /** Purchase orders, one row per item (from 2007). */
    OC("oc", YearMonth.of(2007, 1), "órdenes de compra"),
    /** Tenders, one row per tender × item × offer (from 2014-12). */
    LIC("lic", YearMonth.of(2014, 12), "licitaciones"),
    /** Compra Ágil quotes (from 2020). */
    COT("cot", YearMonth.of(2020, 1), "Compra Ágil");

    private final String key;
    private final YearMonth first;
    private final String title;

    Dataset(String key, YearMonth first, String title) {
        this.key = key;
        this.first = first;
        this.title = title;
    }

    public String key() {
        return key;
    }

    /** The first month ChileCompra publishes: a month before it is refused, not queued to fail. */
    public YearMonth first() {
        return first;
    }

    /** Its name in a message, in Spanish. */
    String title() {
        return title;
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
