package cl.andesops.flags;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cl.andesops.parties.PartyIndex;
import cl.andesops.rules.Rules;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Period;

/**
 * What the indicators found, for any period: each indicator's coverage (records it judged, could not judge and why,
 * fired on), its rate by month with a warning past the noise line, where it fires most, and the records behind each
 * figure with their evidence. Everything is read from {@code flag_record}, which {@link FlagFollower} keeps.
 */
@Service
public class Flags {

    /**
     * An indicator's figures in a period. {@code rate} is fired over applicable (judged), 0 when none; the trend is
     * the rate of the period's last three months beside the rate before them (-1 where nothing was judged).
     */
    public record Coverage(Indicator indicator, long applicable, long fired, long notJudged,
            Map<String, Long> notJudgedBy, double rate, boolean noisy, double target, double recentRate,
            double earlierRate) {
    }

    /** The months at the end of a period its trend compares with the rest. */
    public static final int RECENT_MONTHS = 3;

    /** One month of an indicator: records judged and fired. */
    public record Month(String month, long applicable, long fired) {
    }

    /** A buyer or supplier where an indicator fires, with how often. */
    public record Party(PartyKeys.Kind kind, String key, String name, String path, long fired) {
    }

    /** One record an indicator fired on, with the figures and records of its evidence. */
    public record Hit(Indicator indicator, String recordCode, LocalDate day, String buyerCode, String supplier,
            double score, List<Object> args, List<String> records, String buyerName, String supplierName) {

        Hit named(String buyer, String supplier) {
            return new Hit(indicator, recordCode, day, buyerCode, this.supplier, score, args, records, buyer,
                    supplier);
        }
    }

    /** A page of hits and how many there are. */
    public record Hits(List<Hit> hits, long total) {
    }

    private final JdbcClient jdbc;
    private final Rules rules;
    private final PartyIndex parties;
    private final FlagFollower follower;
    private final cl.andesops.parties.Parties identities;
    private final cl.andesops.parties.PeerGroups peers;

    Flags(JdbcClient jdbc, Rules rules, PartyIndex parties, FlagFollower follower,
          cl.andesops.parties.Parties identities, cl.andesops.parties.PeerGroups peers) {
        this.identities = identities;
        this.peers = peers;
        this.jdbc = jdbc;
        this.rules = rules;
        this.parties = parties;
        this.follower = follower;
    }

    /** Whether the indicators reflect every commit (false while they catch up, e.g. after a change of the rules). */
    public boolean current() {
        return follower.caughtUp();
    }

    /** The rate past which an indicator is shown as probably miscalibrated. */
    public double noiseRate() {
        return rules.table().value("param.noise-rate");
    }

    /** Every indicator's coverage in the period, in the catalogue's order. */
    public List<Coverage> coverage(Period period) {
        Map<Indicator, long[]> counts = new EnumMap<>(Indicator.class);
        Map<Indicator, Map<String, Long>> reasons = new EnumMap<>(Indicator.class);
        int recent = Period.day(period.to().minusMonths(RECENT_MONTHS).plusDays(1));
        // one pass over the index (indicator, outcome, day) in its order: by indicator and outcome, with how many
        // of them fall in the last months (for the trend)
        jdbc.sql("""
                SELECT indicator, outcome, sum(CASE WHEN day >= :recent THEN 1 ELSE 0 END), count(*)
                FROM flag_record WHERE day BETWEEN :from AND :to
                GROUP BY indicator, outcome""")
                .param("from", Period.day(period.from())).param("to", Period.day(period.to()))
                .param("recent", recent)
                .query(rs -> {
                    Indicator i = Indicator.of(rs.getString(1)).orElse(null);
                    if (i != null) {
                        String outcome = rs.getString(2);
                        long late = rs.getLong(3);
                        long n = rs.getLong(4);
                        // applicable, fired, not judged; then applicable and fired, recent and earlier
                        long[] c = counts.computeIfAbsent(i, k -> new long[7]);
                        if (outcome.equals("F")) {
                            c[0] += n;
                            c[1] += n;
                            c[3] += late;
                            c[4] += late;
                            c[5] += n - late;
                            c[6] += n - late;
                        } else if (outcome.equals("C")) {
                            c[0] += n;
                            c[3] += late;
                            c[5] += n - late;
                        } else {
                            c[2] += n;
                            reasons.computeIfAbsent(i, k -> new TreeMap<>()).merge(outcome.substring(2), n,
                                    Long::sum);
                        }
                    }
                });
        double noise = noiseRate();
        List<Coverage> out = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            long[] c = counts.getOrDefault(i, new long[7]);
            double rate = c[0] == 0 ? 0 : c[1] / (double) c[0];
            out.add(new Coverage(i, c[0], c[1], c[2], Map.copyOf(reasons.getOrDefault(i, Map.of())), rate,
                    rate > noise, i.kind.target, c[3] == 0 ? -1 : c[4] / (double) c[3],
                    c[5] == 0 ? -1 : c[6] / (double) c[5]));
        }
        return out;
    }

    /**
     * A buyer's share of its open tenders awarded with one bid, beside the buyers of its sector (those with
     * {@link #CONTEXT_MIN} such tenders or more in the period): a context rate, not a signal. {@code peers} leaves
     * the buyer out; {@code comparable} is false below the rules' least peers.
     */
    public record Context(String sector, long fired, long applicable, double rate, double peersMedian, int peers,
            boolean comparable) {
    }

    /** The least judged tenders a buyer needs to count among the peers of a context rate. */
    public static final int CONTEXT_MIN = 5;

    public java.util.Optional<Context> singleBidContext(String buyerCode, Period period) {
        Map<String, String> sectors = peers.sectors();
        String sector = sectors.getOrDefault(buyerCode, "");
        List<Double> others = new ArrayList<>();
        long[] mine = new long[2];
        jdbc.sql("""
                SELECT buyer_code, sum(CASE WHEN outcome = 'F' THEN 1 ELSE 0 END), count(*) FROM flag_record
                WHERE indicator = :i AND outcome IN ('F', 'C') AND day BETWEEN :from AND :to AND buyer_code IS NOT NULL
                GROUP BY buyer_code""")
                .param("i", Indicator.SINGLE_BID.id).param("from", Period.day(period.from()))
                .param("to", Period.day(period.to()))
                .query(rs -> {
                    String b = rs.getString(1);
                    if (b.equals(buyerCode)) {
                        mine[0] = rs.getLong(2);
                        mine[1] = rs.getLong(3);
                    } else if (rs.getLong(3) >= CONTEXT_MIN && sector.equals(sectors.getOrDefault(b, ""))) {
                        others.add(rs.getLong(2) / (double) rs.getLong(3));
                    }
                });
        if (mine[1] == 0) {
            return java.util.Optional.empty();
        }
        double[] v = others.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length == 0 ? 0 : PartyIndicators.quantile(v, 0.5, Double.NaN);
        return java.util.Optional.of(new Context(sector, mine[0], mine[1], mine[0] / (double) mine[1], median,
                v.length, v.length >= rules.table().value("param.peers-min")));
    }

    /** The last day of the 12 months a party indicator was last judged over, if it has been. */
    public java.util.Optional<LocalDate> judgedOn(Indicator indicator) {
        List<Integer> day = jdbc.sql("SELECT max(day) FROM flag_record WHERE indicator = :i")
                .param("i", indicator.id).query(Integer.class).list();
        return day.isEmpty() || day.getFirst() == null ? java.util.Optional.empty()
                : java.util.Optional.of(Days.date(day.getFirst()));
    }

    /** The indicator's records judged and fired per month of the period, every month listed. */
    public List<Month> months(Indicator indicator, Period period) {
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        for (LocalDate m = period.from().withDayOfMonth(1); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            byMonth.put(m.toString().substring(0, 7), new long[2]);
        }
        jdbc.sql("""
                SELECT day / 100 AS month, sum(CASE WHEN outcome = 'F' THEN 1 ELSE 0 END),
                       sum(CASE WHEN outcome IN ('F', 'C') THEN 1 ELSE 0 END)
                FROM flag_record WHERE indicator = :i AND day BETWEEN :from AND :to GROUP BY day / 100""")
                .param("i", indicator.id).param("from", Period.day(period.from())).param("to", Period.day(period.to()))
                .query(rs -> {
                    int m = rs.getInt(1);
                    String key = String.format("%04d-%02d", m / 100, m % 100);
                    long[] c = byMonth.get(key);
                    if (c != null) {
                        c[0] = rs.getLong(3);
                        c[1] = rs.getLong(2);
                    }
                });
        return byMonth.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** The buyers (or suppliers) the indicator fires on most in the period, at most {@code limit}. */
    public List<Party> top(Indicator indicator, PartyKeys.Kind kind, Period period, int limit) {
        String column = kind == PartyKeys.Kind.BUYER ? "buyer_code" : "supplier";
        return jdbc.sql("SELECT " + column + ", count(*) AS n FROM flag_record WHERE indicator = :i AND outcome = 'F' "
                        + "AND day BETWEEN :from AND :to AND " + column + " IS NOT NULL GROUP BY " + column
                        + " ORDER BY n DESC, " + column + " LIMIT :n")
                .param("i", indicator.id).param("from", Period.day(period.from())).param("to", Period.day(period.to()))
                .param("n", limit)
                .query((rs, n) -> {
                    String key = rs.getString(1);
                    List<String> names = parties.names(kind, key, 1);
                    return new Party(kind, key, names.isEmpty() ? key : names.getFirst(), PartyKeys.path(kind, key),
                            rs.getLong(2));
                }).list();
    }

    /** The records the indicator fired on in the period, furthest past the line first, a page at a time. */
    public Hits hits(Indicator indicator, Period period, long offset, int limit) {
        return hits(indicator, period, null, List.of(), offset, limit);
    }

    /** What fired on these records (the rows and pages of orders, tenders and requests), by record. */
    public Map<String, List<Hit>> on(Collection<String> codes) {
        Map<String, List<Hit>> out = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        List<String> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("SELECT indicator, record_code, day, buyer_code, supplier, score, evidence FROM flag_record "
                            + "WHERE record_code IN (:c) AND outcome = 'F' ORDER BY record_code, indicator")
                    .param("c", all.subList(from, Math.min(all.size(), from + 500))).query(Flags::hit).list()
                    .forEach(h -> out.computeIfAbsent(h.recordCode(), k -> new ArrayList<>()).add(h));
        }
        return out;
    }

    /**
     * The keys a party's records carry: a buyer's organism code and its units' RUTs (a Compra Ágil request names its
     * buyer by its unit), a supplier's RUT as its key.
     */
    public List<String> keysOf(PartyKeys.Kind kind, String key) {
        if (kind == PartyKeys.Kind.SUPPLIER) {
            return PartyKeys.supplier(key).map(List::of).orElse(List.of());
        }
        List<String> out = new ArrayList<>(List.of(key));
        identities.buyer(key).ifPresent(b -> b.units().forEach(u -> PartyKeys.supplier(u.rut())
                .filter(k -> !out.contains(k)).ifPresent(out::add)));
        return out;
    }

    /**
     * What fired on a party's records in the period, by indicator: a buyer by its organism code and its units' RUTs
     * (a Compra Ágil request names its buyer so), a supplier by its RUT.
     */
    public Map<Indicator, Long> firedFor(PartyKeys.Kind kind, Collection<String> keys, Period period) {
        String column = kind == PartyKeys.Kind.BUYER ? "buyer_code" : "supplier";
        Map<Indicator, Long> out = new EnumMap<>(Indicator.class);
        if (keys.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT indicator, count(*) FROM flag_record WHERE " + column + " IN (:k) AND outcome = 'F' "
                        + "AND day BETWEEN :from AND :to GROUP BY indicator").param("k", keys)
                .param("from", Period.day(period.from())).param("to", Period.day(period.to()))
                .query(rs -> {
                    Indicator i = Indicator.of(rs.getString(1)).orElse(null);
                    if (i != null) {
                        out.put(i, rs.getLong(2));
                    }
                });
        return out;
    }

    /**
     * The records the indicator fired on for a party (its keys as {@link #firedFor}; {@code kind} null for every
     * party), furthest past the line first, a page at a time. A party with no key has no records.
     */
    public Hits hits(Indicator indicator, Period period, PartyKeys.Kind kind, Collection<String> keys, long offset,
            int limit) {
        if (kind != null && keys.isEmpty()) {
            return new Hits(List.of(), 0);
        }
        String where = "indicator = :i AND outcome = 'F' AND day BETWEEN :from AND :to" + (kind == null ? ""
                : " AND " + (kind == PartyKeys.Kind.BUYER ? "buyer_code" : "supplier") + " IN (:k)");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("i", indicator.id,
                "from", Period.day(period.from()), "to", Period.day(period.to())));
        if (kind != null) {
            params.put("k", keys);
        }
        long total = jdbc.sql("SELECT count(*) FROM flag_record WHERE " + where).params(params).query(Long.class)
                .single();
        params.put("n", limit);
        params.put("o", offset);
        List<Hit> hits = jdbc.sql("SELECT indicator, record_code, day, buyer_code, supplier, score, evidence "
                        + "FROM flag_record WHERE " + where + " ORDER BY score DESC, day DESC, record_code "
                        + "LIMIT :n OFFSET :o").params(params).query(Flags::hit).list();
        return new Hits(named(hits), total);
    }

    /** A party's name as the party index knows it, else its key. */
    public String name(PartyKeys.Kind kind, String key) {
        return first(parties.names(kind, key, 1), key);
    }

    /** The hits with their buyer's and supplier's names, as the party index knows them (else their keys). */
    private List<Hit> named(List<Hit> hits) {
        Map<String, String> seen = new java.util.HashMap<>();
        return hits.stream().map(h -> h.named(
                h.buyerCode() == null ? null : seen.computeIfAbsent("b" + h.buyerCode(),
                        k -> first(parties.names(PartyKeys.Kind.BUYER, h.buyerCode(), 1), h.buyerCode())),
                h.supplier() == null ? null : seen.computeIfAbsent("s" + h.supplier(),
                        k -> first(parties.names(PartyKeys.Kind.SUPPLIER, h.supplier(), 1), h.supplier()))))
                .toList();
    }

    private static String first(List<String> names, String otherwise) {
        return names.isEmpty() ? otherwise : names.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Hit hit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Indicator i = Indicator.of(rs.getString(1)).orElseThrow();
        String evidence = rs.getString(7);
        Map<String, Object> e = evidence == null ? Map.of() : FlagStore.JSON.readValue(evidence, Map.class);
        List<Object> args = (List<Object>) e.getOrDefault("args", List.of());
        List<String> records = (List<String>) e.getOrDefault("records", List.of());
        return new Hit(i, rs.getString(2), Days.date(rs.getInt(3)), rs.getString(4), rs.getString(5),
                rs.getDouble(6), args, records, null, null);
    }
}
