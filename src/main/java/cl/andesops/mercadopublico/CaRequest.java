package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A Compra Ágil request: what the list says, plus (when {@code detailed}) the detail's description, delivery,
 * budget, products and quotes. */
public record CaRequest(String code, String name, Integer stateId, String stateCode, String state, Integer callState,
                        Instant publishedAt, Instant closesAt, Instant firstCallClosesAt, Instant secondCallClosesAt,
                        Instant changedAt, Instant cancelledAt, String currency, BigDecimal availableAmount,
                        BigDecimal availableClp, String budgetType, BigDecimal estimatedBudget, String organism,
                        String organismRut, String unitName, Integer regionId, String regionName,
                        Integer offersReceived, String cancelReason, String desertedReason, String description,
                        String deliveryAddress, Integer deliveryDays, String orderCode, boolean detailed,
                        List<CaProduct> products, List<CaQuote> quotes) {
}
