package cl.andesops.mercadopublico;

/** An order as a v1 day list shows it: code, name and current state only. */
public record ListedOrder(String code, String name, Integer stateCode) {
}
