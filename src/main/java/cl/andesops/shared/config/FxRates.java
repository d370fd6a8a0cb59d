package cl.andesops.shared.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reference rates to express UF, USD and EUR amounts in pesos for sums and charts. Orders keep their exact amount and
 * currency; only the CLP column used for aggregates is converted. The UTM is not a rate here: it changes every
 * month and Chile's rules in force say its value on each day ({@code cl.andesops.rules.Pesos}).
 */
@ConfigurationProperties("andesops.fx")
public record FxRates(@DefaultValue("39500") BigDecimal uf, @DefaultValue("950") BigDecimal usd,
          @DefaultValue("1030") BigDecimal eur) {

    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE / 4);
    private static final BigDecimal MIN = MAX.negate();

    /** Pesos of an amount in CLP, UF, USD or EUR; null for UTM, whose value depends on the day. */
    public Long toClp(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        String c = currency == null ? "CLP" : currency.strip().toUpperCase(Locale.ROOT);
        BigDecimal rate = switch (c) {
            case "CLF", "UF" -> uf;
            case "USD" -> usd;
            case "EUR" -> eur;
            case "UTM" -> null;
            default -> BigDecimal.ONE;
        };
        return rate == null ? null : saturate(amount.multiply(rate));
    }

    /** Whole pesos; an absurd amount saturates instead of failing the whole batch it came in. */
    public static long saturate(BigDecimal clp) {
        return clp.setScale(0, RoundingMode.HALF_UP).max(MIN).min(MAX).longValueExact();
    }
}
