package cl.andesops.rules;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cl.andesops.shared.persistence.Writer;

/**
 * Chile's procurement rules in force: the shipped rules file plus the UTM months SII's page or the administrator
 * added ({@code utm_month}). Read the {@link #table()}; a new month replaces the table and tells whoever judges by
 * it (the indicators judge again under the new {@link RuleTable#fingerprint()}).
 */
@Service
public class Rules {

    /** Least and most pesos a UTM month may be: a typo of a digit is refused, not applied to every record. */
    static final long MIN_PESOS = 10_000;
    static final long MAX_PESOS = 1_000_000;

    private final RuleBook book = RuleBook.shipped();
    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<RuleTable>> listeners = new CopyOnWriteArrayList<>();
    private volatile RuleTable table;

    Rules(JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer, Clock clock) {
        this.read = read;
        this.writer = writer;
        this.clock = clock;
    }

    /** The rules as they stand now (read once, then kept until a month is added). */
    public RuleTable table() {
        RuleTable t = table;
        if (t == null) {
            t = reload();
        }
        return t;
    }

    /** Called with the new table whenever a UTM month is added or changed. */
    public Runnable onChange(Consumer<RuleTable> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Stores a month's UTM (the administrator's, or SII's); false when it is already so. A value outside
     * {@value #MIN_PESOS}–{@value #MAX_PESOS} pesos is refused.
     */
    public boolean setUtm(YearMonth month, long pesos, UtmValue.Source source) {
        if (pesos < MIN_PESOS || pesos > MAX_PESOS) {
            throw new IllegalArgumentException("A UTM of " + pesos + " pesos is not credible (between "
                    + MIN_PESOS + " and " + MAX_PESOS + ")");
        }
        if (source == UtmValue.Source.SHIPPED) {
            throw new IllegalArgumentException("Shipped values come from the rules file");
        }
        UtmValue now = table().utmMonths().stream().filter(v -> v.month().equals(month)).findFirst().orElse(null);
        if (now != null && now.pesos() == pesos) {
            return false;
        }
        writer.update("DELETE FROM utm_month WHERE month = ?", month.toString());
        writer.update("INSERT INTO utm_month (month, pesos, source, updated_at) VALUES (?, ?, ?, ?)",
                month.toString(), pesos, source.name(), clock.millis());
        RuleTable t = reload();
        for (Consumer<RuleTable> l : listeners) {
            l.accept(t);
        }
        return true;
    }

    /** Removes a month added by hand or from SII: the shipped value (or the last known month) applies again. */
    public void removeUtm(YearMonth month) {
        if (writer.update("DELETE FROM utm_month WHERE month = ?", month.toString()) > 0) {
            RuleTable t = reload();
            for (Consumer<RuleTable> l : listeners) {
                l.accept(t);
            }
        }
    }

    private synchronized RuleTable reload() {
        Map<YearMonth, UtmValue> added = new HashMap<>();
        read.sql("SELECT month, pesos, source FROM utm_month").query((rs, n) -> {
            YearMonth m = YearMonth.parse(rs.getString(1));
            return new UtmValue(m, rs.getLong(2), UtmValue.Source.valueOf(rs.getString(3)), m);
        }).list().forEach(v -> added.put(v.month(), v));
        RuleTable t = new RuleTable(book, added);
        table = t;
        return t;
    }
}
