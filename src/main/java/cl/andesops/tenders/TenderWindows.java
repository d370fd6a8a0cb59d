package cl.andesops.tenders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.facet.range.LongRange;

import cl.andesops.shared.format.Formats;

/**
 * The tender search's windows, one owner for their keys: when a tender closes (relative to now in Chile) and how
 * large its estimate is. The search filters and counts by them, the address keeps their keys.
 */
public final class TenderWindows {

    /** The closing-date keys, in the order a screen lists them. */
    public static final List<String> CLOSING = List.of("today", "week", "month", "later", "closed", "none");
    /** The estimated-amount keys (millions of pesos), in order. */
    public static final List<String> AMOUNTS = List.of("lt5", "5to50", "50to500", "gt500");

    private TenderWindows() {
    }

    /**
     * The closing-date buckets, relative to {@code now} in Chile and exclusive, so they add up to the results: closes
     * today, in 1 to 7 days, in 8 to 30 days, later, already closed, and tenders that give no closing date.
     */
    static LongRange[] closingRanges(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Formats.CHILE);
        long endOfToday = endOf(today);
        long endOfWeek = endOf(today.plusDays(7));
        long endOfMonth = endOf(today.plusDays(30));
        long nowMs = now.toEpochMilli();
        return new LongRange[]{new LongRange("today", nowMs, true, endOfToday, true),
                new LongRange("week", endOfToday, false, endOfWeek, true),
                new LongRange("month", endOfWeek, false, endOfMonth, true),
                new LongRange("later", endOfMonth, false, Long.MAX_VALUE - 1, true),
                new LongRange("closed", Long.MIN_VALUE, true, nowMs, false),
                new LongRange("none", Long.MAX_VALUE, true, Long.MAX_VALUE, true)}; // indexed as MAX_VALUE
    }

    static LongRange[] amountRanges() {
        return new LongRange[]{new LongRange("lt5", 0, true, 5_000_000, false),
                new LongRange("5to50", 5_000_000, true, 50_000_000, false),
                new LongRange("50to500", 50_000_000, true, 500_000_000, false),
                new LongRange("gt500", 500_000_000, true, Long.MAX_VALUE, true)};
    }

    /** A closing window's bounds (inclusive) at {@code now}, or null for a key it does not have. */
    static long[] closing(String key, Instant now) {
        return bounds(closingRanges(now), key);
    }

    /** An amount window's bounds (inclusive), or null for a key it does not have. */
    static long[] amount(String key) {
        return bounds(amountRanges(), key);
    }

    private static long[] bounds(LongRange[] ranges, String key) {
        for (LongRange r : ranges) {
            if (r.label.equals(key)) {
                return new long[]{r.min, r.max};
            }
        }
        return null;
    }

    /** The last millisecond of a Chile day. */
    private static long endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Formats.CHILE).toInstant().toEpochMilli() - 1;
    }
}
