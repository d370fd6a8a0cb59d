package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A quote a supplier sent to a Compra Ágil request. */
public record CaQuote(long quoteId, String supplierRut, String supplierName, String supplierCode, String description,
                      Instant validUntil, Instant createdAt, BigDecimal netTotal, BigDecimal tax,
                      BigDecimal shipping, BigDecimal total, boolean selected, Integer state, String orderId,
                      List<CaQuoteLine> lines, String supplierSize, String criterion) {
}
