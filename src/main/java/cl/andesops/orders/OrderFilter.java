package cl.andesops.orders;

/** What the Monitor is filtered by; empty fields do not filter. */
public record OrderFilter(String text) {

    public static OrderFilter none() {
        return new OrderFilter(null);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
