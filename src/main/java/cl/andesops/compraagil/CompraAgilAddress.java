package cl.andesops.compraagil;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.QueryValues;

/**
 * The one address form of the Compra Ágil list's filter, what its address bar shows and a saved search stores:
 * {@code ?q=…&estado=3&region=…&min=…&cierre=open|today|week}. The closing window is kept as its key and made a
 * period only when the filter is used ({@link #filter}), so a saved "closes this week" means the week of the day it is
 * matched, as the screen means the week of the day it is opened. Anything malformed reads as absent.
 */
public record CompraAgilAddress(String text, Integer state, String region, Long minAmount, String closing) {

    /** The states a filter offers (published, closed, awarded, cancelled, deserted). */
    public static final List<Integer> STATES = List.of(2, 3, 4, 5, 6);
    /** Still open; closing before tomorrow (Chile time); within seven days. */
    public static final List<String> CLOSING = List.of("open", "today", "week");

    public CompraAgilAddress {
        text = text == null || text.isBlank() ? null : text.strip();
        state = state != null && STATES.contains(state) ? state : null;
        region = region == null || region.isBlank() ? null : region;
        minAmount = minAmount != null && minAmount >= 0 ? minAmount : null;
        closing = closing != null && CLOSING.contains(closing) ? closing : null;
    }

    public static CompraAgilAddress decode(Map<String, List<String>> p) {
        java.util.Set<Integer> states = QueryValues.ints(p, "estado");
        return new CompraAgilAddress(QueryValues.first(p, "q"), states.isEmpty() ? null : states.iterator().next(),
                QueryValues.first(p, "region"), QueryValues.whole(p, "min"), QueryValues.first(p, "cierre"));
    }

    public Map<String, List<String>> encode() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        QueryValues.put(m, "q", text);
        QueryValues.put(m, "estado", state);
        QueryValues.put(m, "region", region);
        QueryValues.put(m, "min", minAmount);
        QueryValues.put(m, "cierre", closing);
        return m;
    }

    /** The filter at instant {@code now}: the closing window counted from it, in Chile time. */
    public CompraAgilFilter filter(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Formats.CHILE);
        Instant before = switch (closing == null ? "" : closing) {
            case "today" -> today.plusDays(1).atStartOfDay(Formats.CHILE).toInstant();
            case "week" -> now.plus(Duration.ofDays(7));
            default -> null;
        };
        return new CompraAgilFilter(text, state, region, minAmount, null, closing == null ? null : now, before);
    }
}
