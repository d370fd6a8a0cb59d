package cl.andesops.shared.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reference rates to express UF, USD, UTM and EUR amounts in pesos for sums and charts. Orders keep their exact
 * amount and currency; only the CLP column used for aggregates is converted.
 */
@ConfigurationProperties("andesops.fx")
public record FxRates(@DefaultValue("39500") BigDecimal uf, @DefaultValue("950") BigDecimal usd,
          @DefaultValue("68000") BigDecimal utm, @DefaultValue("1030") BigDecimal eur) {

    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE / 4);
    private static final BigDecimal MIN = MAX.negate();

    public Long toClp(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        String c = currency == null ? "CLP" : currency.strip().toUpperCase(Locale.ROOT);
        BigDecimal rate = switch (c) {
            case "CLF", "UF" -> uf;
            case "USD" -> usd;
            case "UTM" -> utm;
            case "EUR" -> eur;
            default -> BigDecimal.ONE;
        };
        BigDecimal clp = amount.multiply(rate).setScale(0, RoundingMode.HALF_UP);
        // an absurd amount saturates instead of failing the whole batch it came in
        return clp.max(MIN).min(MAX).longValueExact();
    }
}
