package cl.andesops.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules file as shipped ({@code rules/rules-cl.json}): its version, the monthly UTM values it knows and every rule
 * with its source and the dates it is in force. Values are data: a change to the file raises its version, and what
 * was judged under the old version is judged again.
 */
public record RuleBook(String version, String note, Utm utm, List<Rule> rules) {

    public static final String RESOURCE = "rules/rules-cl.json";

    public RuleBook {
        rules = List.copyOf(rules);
    }

    /** The monthly UTM values the file ships, in pesos, and where they come from. */
    public record Utm(String source, Map<String, Long> months) {

        public Utm {
            months = new TreeMap<>(months);
        }

        public TreeMap<YearMonth, Long> byMonth() {
            TreeMap<YearMonth, Long> out = new TreeMap<>();
            months.forEach((k, v) -> out.put(YearMonth.parse(k), v));
            return out;
        }
    }

    /**
     * One rule: what it is ({@code kind}), which procedure types it speaks of, its bounds or days or value, the days
     * it is in force (either end open) and its source.
     */
    public record Rule(String id, String kind, Map<String, String> name, List<String> types, BigDecimal min,
            BigDecimal max, Integer days, Integer reducibleTo, BigDecimal value, LocalDate from, LocalDate to,
            String source, String note) {

        public Rule {
            types = types == null ? List.of() : List.copyOf(types);
            name = name == null ? Map.of() : Map.copyOf(name);
        }

        public boolean inForce(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }

        public String name(String language) {
            return name.getOrDefault(language, name.getOrDefault("es", id));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static RuleBook shipped() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The rules file " + RESOURCE + " is missing from the build");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules file " + RESOURCE, e);
        }
    }

    static RuleBook read(InputStream in) {
        RuleBook book = JSON.readValue(in, RuleBook.class);
        for (Rule r : book.rules()) {
            if (r.id() == null || r.kind() == null || r.source() == null || r.source().isBlank()) {
                throw new IllegalStateException("A rule without an id, a kind or a source: " + r);
            }
            if (r.from() != null && r.to() != null && r.to().isBefore(r.from())) {
                throw new IllegalStateException("Rule " + r.id() + " ends before it starts");
            }
        }
        return book;
    }
}
