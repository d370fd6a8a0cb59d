package cl.andesops.orders.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.router.QueryParameters;

import cl.andesops.orders.OrderFilter;

/**
 * The Monitor's filter as URL query parameters, so a view can be shared as a link and survives a reload:
 * {@code ?q=…&desde=2026-11-01&hasta=2026-11-27&tipo=SE,AG&estado=6&region=…&comprador=…&proveedor=…&min=…&max=…}.
 * Anything malformed in a URL is ignored, never an error.
 */
final class FilterCodec {

    private FilterCodec() {
    }

    static QueryParameters toQuery(OrderFilter f) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "q", f.text());
        put(m, "desde", f.from() == null ? null : f.from().toString());
        put(m, "hasta", f.to() == null ? null : f.to().toString());
        put(m, "tipo", f.types().isEmpty() ? null : f.types().stream().sorted().collect(Collectors.joining(",")));
        put(m, "estado", f.states().isEmpty() ? null
                : f.states().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        put(m, "region", f.region());
        put(m, "comprador", f.buyerCode());
        put(m, "proveedor", f.supplierCode());
        put(m, "min", f.minAmount() == null ? null : f.minAmount().toString());
        put(m, "max", f.maxAmount() == null ? null : f.maxAmount().toString());
        return QueryParameters.simple(m);
    }

    static OrderFilter fromQuery(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        return new OrderFilter(first(p, "q"), ints(first(p, "estado")), strings(first(p, "tipo")),
                first(p, "comprador"), first(p, "proveedor"), first(p, "region"), number(first(p, "min")),
                number(first(p, "max")), date(first(p, "desde")), date(first(p, "hasta")));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static String first(Map<String, List<String>> p, String key) {
        return cl.andesops.shared.ui.UrlParams.first(p, key, null);
    }

    private static Set<Integer> ints(String csv) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String s : strings(csv)) {
            try {
                out.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                // ignored: a hand-edited URL
            }
        }
        return out;
    }

    private static Set<String> strings(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 40)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            LocalDate d = s == null ? null : LocalDate.parse(s.strip());
            // a day a filter may not name (a probe's +999999999-12-31) is no date, as an unreadable one
            return d == null || d.isBefore(OrderFilter.FIRST_DAY) || d.isAfter(OrderFilter.LAST_DAY) ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
