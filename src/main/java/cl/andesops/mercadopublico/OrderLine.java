package cl.andesops.mercadopublico;

import java.math.BigDecimal;

/** One item of a purchase order, with its prices. */
public record OrderLine(int line, String categoryCode, String category, String productCode, String product,
                        String buyerSpec, String supplierSpec, BigDecimal quantity, String unit, String currency,
                        BigDecimal netPrice, BigDecimal charges, BigDecimal discounts, BigDecimal taxes,
                        BigDecimal total) {
}
