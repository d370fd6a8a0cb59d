package cl.andesops.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One purchase order as the Monitor grid shows it; {@code fromOpenData} says where it came from last. The buyer's
 * organism code and the supplier's RUT are the keys of their profiles, whose addresses ({@code /buyers/…},
 * {@code /suppliers/…}) are given too, or null when the record lacks the key.
 */
public record OrderRow(String code, String name, String buyerName, String supplierName, String type,
                       Integer stateCode, String state, String currency, BigDecimal total, Long amountClp,
                       Instant createdAt, String region, String flag, boolean fromOpenData, String buyerCode,
                       String supplierRut, String buyerProfile, String supplierProfile) {
}
