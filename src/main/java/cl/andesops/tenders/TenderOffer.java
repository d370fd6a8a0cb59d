package cl.andesops.tenders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One supplier's offer on one item of a tender, as the open data publishes it: what was offered, at what price, in
 * what state, how much was awarded, and whether it was selected.
 */
public record TenderOffer(int line, String supplierCode, String supplierRut, String supplierName, String offerName,
                          String state, BigDecimal quantity, String currency, BigDecimal unitPrice, BigDecimal total,
                          BigDecimal awardedQuantity, BigDecimal awardedAmount, Instant sentAt, boolean selected) {
}
