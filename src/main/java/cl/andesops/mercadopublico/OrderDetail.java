package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A purchase order with everything the v1 detail gives; times are instants (read as Chile local time). */
public record OrderDetail(String code, String name, String description, Integer stateCode, String state, String tenderCode,
                          String typeCode, String type, String currency, Integer supplierStateCode,
                          String supplierState, Instant createdAt, Instant sentAt, Instant acceptedAt,
                          Instant cancelledAt, Instant modifiedAt, BigDecimal rating, BigDecimal discounts,
                          BigDecimal charges, BigDecimal netTotal, BigDecimal taxRate, BigDecimal tax,
                          BigDecimal total, String funding, String dispatchType, String paymentTerms,
                          BuyerInfo buyer, SupplierInfo supplier, List<OrderLine> items) {
}
