package cl.andesops.flags;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Chile's calendar days, and the yyyymmdd numbers the tables keep them as. */
final class Days {

    static final ZoneId CHILE = ZoneId.of("America/Santiago");

    private Days() {
    }

    static LocalDate of(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, CHILE);
    }

    static int number(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static LocalDate date(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
