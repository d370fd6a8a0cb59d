package cl.andesops.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import cl.andesops.rules.RuleBook.Rule;

/**
 * The rules as in force on a given day, from the shipped file and the UTM months the administrator or SII's page
 * added. Immutable and without I/O, so an indicator is a pure function of its records and this table.
 */
public final class RuleTable {

    public static final String BAND = "band";
    public static final String CA_CEILING = "compra-agil-ceiling";
    public static final String MIN_DAYS = "min-publication-days";
    public static final String INTENTION = "direct-award-intention";
    public static final String PARAMETER = "parameter";

    private final RuleBook book;
    private final NavigableMap<YearMonth, UtmValue> utm;
    private final String fingerprint;

    public RuleTable(RuleBook book, Map<YearMonth, UtmValue> added) {
        this.book = book;
        TreeMap<YearMonth, UtmValue> months = new TreeMap<>();
        book.utm().byMonth().forEach((m, v) -> months.put(m, new UtmValue(m, v, UtmValue.Source.SHIPPED, m)));
        months.putAll(added);
        this.utm = months;
        StringBuilder f = new StringBuilder(book.version());
        added.values().stream().sorted(Comparator.comparing(UtmValue::month))
                .forEach(v -> f.append(';').append(v.month()).append('=').append(v.pesos()));
        this.fingerprint = f.toString();
    }

    /** The shipped rules alone. */
    public static RuleTable shipped() {
        return new RuleTable(RuleBook.shipped(), Map.of());
    }

    /** What identifies these rules: a change to it means every indicator is judged again. */
    public String fingerprint() {
        return fingerprint;
    }

    public RuleBook book() {
        return book;
    }

    /** The UTM of the day's month; a month with no value uses the last known one before it (or the first known). */
    public UtmValue utm(LocalDate day) {
        YearMonth m = YearMonth.from(day);
        Map.Entry<YearMonth, UtmValue> e = utm.floorEntry(m);
        if (e == null) {
            e = utm.firstEntry();
        }
        UtmValue v = e.getValue();
        return new UtmValue(m, v.pesos(), v.source(), v.month());
    }

    /** The months with a value of their own. */
    public List<UtmValue> utmMonths() {
        return List.copyOf(utm.values());
    }

    /** An amount in pesos expressed in the UTM of its day. */
    public BigDecimal inUtm(long clp, LocalDate day) {
        return BigDecimal.valueOf(clp).divide(BigDecimal.valueOf(utm(day).pesos()), 2, RoundingMode.HALF_UP);
    }

    /** Pesos of an amount in UTM on its day. */
    public long clp(BigDecimal utmAmount, LocalDate day) {
        return utmAmount.multiply(BigDecimal.valueOf(utm(day).pesos())).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    public List<Rule> inForce(LocalDate day) {
        return book.rules().stream().filter(r -> r.inForce(day)).toList();
    }

    /** The band of a tender type on its day, empty for a type no band speaks of (or not in force then). */
    public Optional<Rule> band(String type, LocalDate day) {
        return first(BAND, type, day);
    }

    /** The bands whose amounts hold this many UTM on the day: the types that would fit the amount. */
    public List<Rule> bandsHolding(BigDecimal utmAmount, LocalDate day) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : book.rules()) {
            if (r.kind().equals(BAND) && r.inForce(day) && utmAmount.compareTo(r.min()) >= 0
                    && (r.max() == null || utmAmount.compareTo(r.max()) < 0)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The Compra Ágil ceiling in force on the day, in UTM. */
    public Rule compraAgilCeiling(LocalDate day) {
        return book.rules().stream().filter(r -> r.kind().equals(CA_CEILING) && r.inForce(day)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No Compra Ágil ceiling in force on " + day));
    }

    /** The least days between publication and close for a tender type on its day. */
    public Optional<Rule> minPublication(String type, LocalDate day) {
        return first(MIN_DAYS, type, day);
    }

    /** The single-supplier direct award above which the intention must be published first, if in force. */
    public Optional<Rule> directAwardIntention(LocalDate day) {
        return book.rules().stream().filter(r -> r.kind().equals(INTENTION) && r.inForce(day)).findFirst();
    }

    /** An indicator's parameter, by its id in the rules file. */
    public Rule parameter(String id) {
        return book.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The rules file has no parameter " + id));
    }

    public double value(String id) {
        return parameter(id).value().doubleValue();
    }

    private Optional<Rule> first(String kind, String type, LocalDate day) {
        if (type == null) {
            return Optional.empty();
        }
        return book.rules().stream().filter(r -> r.kind().equals(kind) && r.inForce(day) && r.types().contains(type))
                .findFirst();
    }
}
