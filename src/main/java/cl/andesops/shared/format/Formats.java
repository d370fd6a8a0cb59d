package cl.andesops.shared.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every amount, date and relative time the app shows goes through here, so that CLP, UF, USD and Chile time read
 * the same on every screen. Numbers are written as the reader's language writes them: Chile's dot for thousands and
 * comma for decimals, or in English a comma and a point ({@code $ 1,234,567}, {@code $ 3.4 B}). The language is the
 * one set for the work at hand ({@link #in}), else the screen's ({@link #numbersFollow}), else Chile's.
 */
public final class Formats {

    public static final ZoneId CHILE = ZoneId.of("America/Santiago");
    public static final Locale ES_CL = Locale.of("es", "CL");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private Formats() {
    }

    private static final ThreadLocal<Locale> LOCALE = new ThreadLocal<>();
    private static volatile java.util.function.Supplier<Locale> screen = () -> null;

    /** Where a screen's language comes from (the UI layer says: its page's locale); null where there is none. */
    public static void numbersFollow(java.util.function.Supplier<Locale> screenLocale) {
        screen = screenLocale == null ? () -> null : screenLocale;
    }

    /** Runs {@code work} with numbers written in {@code locale}'s way (facts computed off the screen's thread). */
    public static <T> T in(Locale locale, java.util.function.Supplier<T> work) {
        Locale before = LOCALE.get();
        LOCALE.set(locale);
        try {
            return work.get();
        } finally {
            if (before == null) {
                LOCALE.remove();
            } else {
                LOCALE.set(before);
            }
        }
    }

    private static boolean english() {
        Locale l = LOCALE.get();
        if (l == null) {
            try {
                l = screen.get();
            } catch (RuntimeException e) {
                l = null; // no screen here
            }
        }
        return l != null && "en".equals(l.getLanguage());
    }

    /** A region without its "Región de …" prefix, as lists and pickers show it: "Valparaíso", "Biobío". */
    public static String regionShort(String region) {
        return region == null ? null : region.replaceFirst("^Regi[oó]n (de la |del |de los |de )?", "");
    }

    /** {@code $ 1.234.567}; pesos have no decimals, so they are rounded half-up. Null gives an empty text. */
    public static String clp(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal pesos = amount.setScale(0, RoundingMode.HALF_UP);
        String digits = grouped(pesos.abs(), 0);
        return (pesos.signum() < 0 ? "-$ " : "$ ") + digits;
    }

    public static String clp(long pesos) {
        return clp(BigDecimal.valueOf(pesos));
    }

    /** A compact CLP figure for KPI cards and chart axes: {@code $ 1,2 MM} (millones), {@code $ 3,4 mil MM}. */
    public static String clpCompact(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal abs = amount.abs();
        String sign = amount.signum() < 0 ? "-" : "";
        boolean english = english();
        if (abs.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) >= 0) {
            return sign + "$ " + grouped(abs.movePointLeft(12), 1) + (english ? " T" : " billones");
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
            return sign + "$ " + grouped(abs.movePointLeft(9), 1) + (english ? " B" : " mil MM");
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0) {
            return sign + "$ " + grouped(abs.movePointLeft(6), 1) + (english ? " M" : " MM");
        }
        return clp(amount);
    }

    /** {@code UF 1.234,56}: the Unidad de Fomento carries two decimals. */
    public static String uf(BigDecimal amount) {
        return amount == null ? "" : "UF " + grouped(amount, 2);
    }

    /** {@code US$ 1.234,56}. */
    public static String usd(BigDecimal amount) {
        return amount == null ? "" : "US$ " + grouped(amount, 2);
    }

    /**
     * An amount in the currency code Mercado Público uses: CLP, CLF (UF), USD, UTM, EUR. Unknown codes are shown
     * as they came.
     */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String code = currency == null ? "CLP" : currency.strip().toUpperCase(Locale.ROOT);
        return switch (code) {
            case "", "CLP", "PESO", "$" -> clp(amount);
            case "CLF", "UF" -> uf(amount);
            case "USD", "DOLAR" -> usd(amount);
            case "UTM" -> "UTM " + grouped(amount, 2);
            case "EUR" -> "€ " + grouped(amount, 2);
            default -> code + " " + grouped(amount, 2);
        };
    }

    /** A number with so many decimals, grouped: {@code 1.234,5}, in English {@code 1,234.5}. */
    public static String decimal(double value, int decimals) {
        return Double.isFinite(value) ? grouped(BigDecimal.valueOf(value), decimals) : "—";
    }

    /** A share (0–1) as a percentage with one decimal: {@code 42,5 %}, in English {@code 42.5 %}. */
    public static String percent(double share) {
        return decimal(share * 100, 1) + " %";
    }

    /** A whole number with thousands grouped: {@code 12.345}, in English {@code 12,345}. */
    public static String count(long n) {
        return grouped(BigDecimal.valueOf(n), 0);
    }

    private static String grouped(BigDecimal value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(ES_CL);
        boolean english = english();
        symbols.setGroupingSeparator(english ? ',' : '.');
        symbols.setDecimalSeparator(english ? '.' : ',');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** {@code 27-11-2026} in Chile time. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(CHILE));
    }

    /** {@code 27-11-2026}. */
    public static String date(java.time.LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /**
     * {@code 27-11-2026 09:05} in Chile time; the date alone at midnight sharp, which is how the open-data files give
     * a day with no time of day (a time the API sends has its seconds, so it is almost never exactly 00:00:00).
     */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        java.time.ZonedDateTime t = instant.atZone(CHILE);
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DATE.format(t) : DATE_TIME.format(t);
    }

    /** Mercado Público sends Chile local times without a zone; this places one on the timeline. */
    public static Instant fromChileLocal(LocalDateTime local) {
        return local == null ? null : local.atZone(CHILE).toInstant();
    }

    /**
     * "hace 5 min", "en 2 días": the distance from {@code now} in words, in Spanish or English. Past times say
     * how long ago, future ones how long until.
     */
    public static String relative(Instant when, Instant now, Locale locale) {
        if (when == null) {
            return "";
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        Duration d = Duration.between(when, now);
        boolean future = d.isNegative();
        long seconds = Math.abs(d.getSeconds());
        String amount;
        if (seconds < 45) {
            return english ? (future ? "in a moment" : "just now") : (future ? "en un momento" : "recién");
        } else if (seconds < 3600) {
            amount = Math.max(1, Math.round(seconds / 60.0)) + " min";
        } else if (seconds < 86_400) {
            long h = Math.round(seconds / 3600.0);
            amount = h + (english ? (h == 1 ? " hour" : " hours") : " h");
        } else if (seconds < 86_400L * 60) {
            long days = Math.round(seconds / 86_400.0);
            amount = days + (english ? (days == 1 ? " day" : " days") : (days == 1 ? " día" : " días"));
        } else {
            long months = Math.round(seconds / (86_400.0 * 30.44));
            amount = months + (english ? (months == 1 ? " month" : " months") : (months == 1 ? " mes" : " meses"));
        }
        if (english) {
            return future ? "in " + amount : amount + " ago";
        }
        return future ? "en " + amount : "hace " + amount;
    }
}
