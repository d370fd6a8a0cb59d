package cl.andesops.rules;

import java.time.YearMonth;

/**
 * The UTM in pesos for a month, and where that figure comes from: the rules file, SII's page, the administrator, or
 * the last known month carried forward ({@code assumed}, which the screens say).
 */
public record UtmValue(YearMonth month, long pesos, Source source, YearMonth knownMonth) {

    public enum Source { SHIPPED, SII, MANUAL }

    /** Whether the month has no value of its own and uses the last known one. */
    public boolean assumed() {
        return !month.equals(knownMonth);
    }
}
