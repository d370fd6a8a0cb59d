package cl.andesops.tenders;

import java.util.Set;

/**
 * A tender search: free text (words, "quoted phrases", -excluded words; the last word also matches as a prefix
 * while typing), facet selections and an order. Empty fields do not filter.
 */
public record TenderQuery(String text, Set<String> states, Set<String> types, Set<String> regions,
                          Set<String> buyers, Set<String> categories, String closing, String amount, Order order) {

    public enum Order { RELEVANCE, CLOSING, PUBLISHED, AMOUNT }

    public TenderQuery {
        text = text == null ? "" : text;
        states = states == null ? Set.of() : Set.copyOf(states);
        types = types == null ? Set.of() : Set.copyOf(types);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        buyers = buyers == null ? Set.of() : Set.copyOf(buyers);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        closing = closing == null || closing.isBlank() ? null : closing;
        amount = amount == null || amount.isBlank() ? null : amount;
        order = order == null ? Order.RELEVANCE : order;
    }

    public static TenderQuery text(String text) {
        return new TenderQuery(text, null, null, null, null, null, null, null, null);
    }
}
