package cl.andesops.mercadopublico;

import java.math.BigDecimal;

/** One item of a tender, with its UNSPSC product and category, and its award when there is one. */
public record TenderLine(int line, String productCode, String categoryCode, String category, String productName,
                         String description, String unit, BigDecimal quantity, LineAward award) {
}
