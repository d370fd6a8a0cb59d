package cl.andesops.orders;

import java.math.BigDecimal;
import java.time.Instant;

/** One purchase order as the Monitor grid shows it; {@code fromOpenData} says where it came from last. */
public record OrderRow(String code, String name, String buyerName, String supplierName, String type,
                       Integer stateCode, String state, String currency, BigDecimal total, Long amountClp,
                       Instant createdAt, String region, String flag, boolean fromOpenData) {
}
