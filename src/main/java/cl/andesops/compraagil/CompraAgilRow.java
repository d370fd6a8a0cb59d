package cl.andesops.compraagil;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.annotation.JsonSerialize;

/** A Compra Ágil request in a list. */
public record CompraAgilRow(String code, String name, Integer stateId, String state, String organism, String region,
                            String currency, BigDecimal availableAmount, Long amountClp, Instant publishedAt,
                            Instant closesAt, Integer offersReceived, @JsonIgnore String organismRut) {

    /** The buyer's profile, by its unit's RUT (relative to the app; null without one): the API answers it from the root. */
    @JsonSerialize(using = cl.andesops.shared.format.SitePath.class)
    public String buyerProfile() {
        return cl.andesops.shared.format.PartyKeys.supplier(organismRut).map(k -> "buyers/" + k).orElse(null);
    }
}
