package cl.andesops.orders;

/** A buyer organism or a supplier, for filter pickers: the code filters, the name is shown. */
public record Party(String code, String name) {
}
