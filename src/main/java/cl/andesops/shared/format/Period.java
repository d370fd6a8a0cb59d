package cl.andesops.shared.format;

import java.time.LocalDate;

/**
 * The days a profile covers, Chile calendar days inclusive: the last 12 months by default, up to all the history.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'desde' debe ser anterior o igual a 'hasta'");
        }
    }

    /** The twelve months up to {@code today}. */
    public static Period lastYear(LocalDate today) {
        return new Period(today.minusMonths(12).plusDays(1), today);
    }

    /**
     * The period an address or a request names: {@code desde} and {@code hasta} (yyyy-mm-dd), or {@code meses}
     * (12 by default, at most 240; {@code todo} for all the history, from 2007). An unreadable one is the default.
     */
    public static Period of(String desde, String hasta, String meses, LocalDate today) {
        try {
            if (desde != null && hasta != null) {
                return new Period(LocalDate.parse(desde.strip()), LocalDate.parse(hasta.strip()));
            }
        } catch (RuntimeException e) {
            // an unreadable period: the default
        }
        if ("todo".equals(meses)) {
            return new Period(LocalDate.of(2007, 1, 1), today);
        }
        try {
            int m = meses == null ? 12 : Math.max(1, Math.min(240, Integer.parseInt(meses.strip())));
            return new Period(today.minusMonths(m).plusDays(1), today);
        } catch (NumberFormatException e) {
            return lastYear(today);
        }
    }

    /**
     * The same, for a request that must say what it means: an unreadable date or month count, a start after the end,
     * or only one end given is refused with a sentence that says which, not read as the default.
     */
    public static Period strict(String desde, String hasta, String meses, LocalDate today) {
        if ((desde == null) != (hasta == null)) {
            throw new IllegalArgumentException("Indique 'desde' y 'hasta' juntos (AAAA-MM-DD), o 'meses'");
        }
        if (desde != null) {
            LocalDate from;
            LocalDate to;
            try {
                from = LocalDate.parse(desde.strip());
                to = LocalDate.parse(hasta.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'desde' y 'hasta' deben ser fechas AAAA-MM-DD");
            }
            return new Period(from, to);
        }
        if (meses != null && !"todo".equals(meses.strip()) && !meses.strip().matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'meses' debe ser un número de meses (1 a 240) o 'todo'; para fechas "
                    + "use 'desde' y 'hasta'");
        }
        return of(null, null, meses, today);
    }

    public int fromDay() {
        return day(from);
    }

    public int toDay() {
        return day(to);
    }

    public static int day(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
