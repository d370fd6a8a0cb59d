package cl.andesops.compraagil;

import java.math.BigDecimal;
import java.time.Instant;

/** A Compra Ágil request in a list. */
public record CompraAgilRow(String code, String name, Integer stateId, String state, String organism, String region,
                            String currency, BigDecimal availableAmount, Long amountClp, Instant publishedAt,
                            Instant closesAt, Integer offersReceived) {
}
