package cl.andesops.mercadopublico;

import java.math.BigDecimal;

/** A product a Compra Ágil request asks for. */
public record CaProduct(int line, String productCode, String name, String description, BigDecimal quantity, String unit) {
}
