package cl.andesops.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cl.andesops.shared.config.FxRates;

/**
 * An amount in pesos for sums and charts: UTM at the value of the record's own month (the rules' table), UF, USD and
 * EUR at the configured reference rates. Records keep their exact amount and currency; only the CLP column converts.
 */
@Component
public class Pesos {

    private static final ZoneId CHILE = ZoneId.of("America/Santiago");

    private final FxRates fx;
    private final Rules rules;

    public Pesos(FxRates fx, Rules rules) {
        this.fx = fx;
        this.rules = rules;
    }

    /** The amount in pesos on its day; {@code on} null (a record without its date) takes today's rates. */
    public Long toClp(BigDecimal amount, String currency, Instant on) {
        if (amount == null) {
            return null;
        }
        if (currency != null && currency.strip().toUpperCase(Locale.ROOT).equals("UTM")) {
            LocalDate day = LocalDate.ofInstant(on == null ? Instant.now() : on, CHILE);
            return FxRates.saturate(amount.multiply(BigDecimal.valueOf(rules.table().utm(day).pesos())));
        }
        return fx.toClp(amount, currency);
    }
}
