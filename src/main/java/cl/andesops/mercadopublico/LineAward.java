package cl.andesops.mercadopublico;

import java.math.BigDecimal;

/** Who was awarded a tender item, how much of it and at what unit price. */
public record LineAward(String supplierRut, String supplierName, BigDecimal quantity, BigDecimal unitPrice) {
}
