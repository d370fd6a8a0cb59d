package cl.andesops.tenders;

import java.math.BigDecimal;
import java.time.Instant;

/** A tender in a result list. */
public record TenderRow(String code, String name, Integer stateCode, String state, String type, String buyerName,
                        String region, BigDecimal estimatedAmount, boolean amountVisible, Instant publishedAt,
                        Instant closesAt, String buyerCode) {
}
