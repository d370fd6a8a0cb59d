package cl.andesops.orders;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the Monitor, the API and the analyses filter orders by; null or empty fields do not filter. Dates are Chile
 * calendar days, inclusive; amounts are pesos; categories are UNSPSC codes of the order's first item.
 */
public record OrderFilter(String text, Set<Integer> states, Set<String> types, String buyerCode,
                          String supplierCode, String region, Long minAmount, Long maxAmount, LocalDate from,
                          LocalDate to, Set<String> categories) {

    /** The days a filter may name: outside them a date is a typing error or a probe, not a period to search. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    public OrderFilter {
        for (LocalDate d : new LocalDate[]{from, to}) {
            if (d != null && (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY))) {
                throw new IllegalArgumentException("Las fechas deben estar entre " + FIRST_DAY + " y " + LAST_DAY
                        + ": " + d + " no lo está");
            }
        }
        text = text == null || text.isBlank() ? null : text.strip();
        states = states == null ? Set.of() : Set.copyOf(states);
        types = types == null ? Set.of() : Set.copyOf(types);
        buyerCode = blankToNull(buyerCode);
        supplierCode = blankToNull(supplierCode);
        region = blankToNull(region);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public OrderFilter(String text, Set<Integer> states, Set<String> types, String buyerCode, String supplierCode,
                       String region, Long minAmount, Long maxAmount, LocalDate from, LocalDate to) {
        this(text, states, types, buyerCode, supplierCode, region, minAmount, maxAmount, from, to, Set.of());
    }

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, null, null, null, null, null);
    }

    public static OrderFilter text(String text) {
        return none().withText(text);
    }

    public boolean hasText() {
        return text != null;
    }

    public OrderFilter withText(String t) {
        return new OrderFilter(t, states, types, buyerCode, supplierCode, region, minAmount, maxAmount, from, to,
                categories);
    }

    public OrderFilter withStates(Set<Integer> s) {
        return new OrderFilter(text, s, types, buyerCode, supplierCode, region, minAmount, maxAmount, from, to,
                categories);
    }

    public OrderFilter withTypes(Set<String> t) {
        return new OrderFilter(text, states, t, buyerCode, supplierCode, region, minAmount, maxAmount, from, to,
                categories);
    }

    public OrderFilter withBuyer(String b) {
        return new OrderFilter(text, states, types, b, supplierCode, region, minAmount, maxAmount, from, to,
                categories);
    }

    public OrderFilter withSupplier(String s) {
        return new OrderFilter(text, states, types, buyerCode, s, region, minAmount, maxAmount, from, to,
                categories);
    }

    public OrderFilter withRegion(String r) {
        return new OrderFilter(text, states, types, buyerCode, supplierCode, r, minAmount, maxAmount, from, to,
                categories);
    }

    public OrderFilter withAmount(Long min, Long max) {
        return new OrderFilter(text, states, types, buyerCode, supplierCode, region, min, max, from, to,
                categories);
    }

    public OrderFilter withDates(LocalDate f, LocalDate t) {
        return new OrderFilter(text, states, types, buyerCode, supplierCode, region, minAmount, maxAmount, f, t,
                categories);
    }

    public OrderFilter withCategories(Set<String> c) {
        return new OrderFilter(text, states, types, buyerCode, supplierCode, region, minAmount, maxAmount, from, to, c);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
