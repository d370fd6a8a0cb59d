package cl.andesops.mercadopublico;

import java.math.BigDecimal;

/** A supplier's price for one requested product. */
public record CaQuoteLine(int line, String productCode, String name, String description, BigDecimal quantity,
                          BigDecimal unitPrice, BigDecimal total) {
}
