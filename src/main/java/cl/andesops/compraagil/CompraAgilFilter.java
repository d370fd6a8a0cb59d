package cl.andesops.compraagil;

import java.time.Instant;

/** What the Compra Ágil list is filtered by; nulls do not filter. Amounts are pesos; {@code closesBefore} is a time. */
public record CompraAgilFilter(String text, Integer state, String region, Long minAmount, Long maxAmount,
                               Instant closesAfter, Instant closesBefore) {

    public static CompraAgilFilter of(String text, Integer state) {
        return new CompraAgilFilter(text, state, null, null, null, null, null);
    }
}
