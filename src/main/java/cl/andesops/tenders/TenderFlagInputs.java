package cl.andesops.tenders;

import static cl.andesops.tenders.TenderQueries.decimal;
import static cl.andesops.tenders.TenderQueries.instant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the integrity indicators read of tenders: each tender stamped in a range of data versions, with every offer
 * the open data gave for it, money as numbers. Read a window of ids at a time, never the whole table.
 */
@Repository
public class TenderFlagInputs {

    /** A tender as the indicators judge it. */
    public record TenderCase(long id, String code, String name, String type, Integer typeCode, Integer stateCode,
            Instant publishedAt, Instant closesAt, String currency, BigDecimal estimate, Long estimateClp,
            boolean amountVisible, String buyerCode, String buyerName, Boolean openCall, List<Offer> offers) {
    }

    /** One offer for one item line (money in the offer's currency, as the file gives it). */
    public record Offer(int line, String supplierCode, String supplierRut, String supplierName, String state,
            String currency, BigDecimal quantity, BigDecimal unitPrice, BigDecimal total, BigDecimal awardedAmount,
            boolean selected) {
    }

    private final JdbcClient jdbc;

    TenderFlagInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenders stamped after version {@code from} up to {@code to}, ids after {@code afterId}, in id order. */
    public List<TenderCase> changed(long from, long to, long afterId, int limit) {
        return withOffers(jdbc.sql(SELECT + " WHERE version > :from AND version <= :to AND id > :after ORDER BY id "
                        + "LIMIT :n").param("from", from).param("to", to).param("after", afterId).param("n", limit)
                .query(this::tender).list());
    }

    /** Tenders by code (the ones whose judgement another record's change may move). */
    public List<TenderCase> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return withOffers(jdbc.sql(SELECT + " WHERE code IN (:codes) ORDER BY id").param("codes", codes)
                .query(this::tender).list());
    }

    /** A buyer's offers on its awarded or deserted tenders published in a period, and how many were rejected. */
    public record Rejections(String buyerCode, long offers, long rejected) {
    }

    /**
     * Every buyer's offers and rejected offers (their state containing one of {@code rejectedStates}, in any case) on
     * the tenders in {@code states} published between two instants: one GROUP BY, streamed.
     */
    public void rejections(Instant from, Instant to, Collection<Integer> states, List<String> rejectedStates,
            java.util.function.Consumer<Rejections> each) {
        StringBuilder rejected = new StringBuilder("0 = 1");
        Map<String, Object> params = new HashMap<>(Map.of("f", from.toEpochMilli(), "t", to.toEpochMilli(),
                "s", states));
        for (int i = 0; i < rejectedStates.size(); i++) {
            rejected.append(" OR lower(o.state) LIKE :r").append(i);
            params.put("r" + i, "%" + rejectedStates.get(i).toLowerCase(java.util.Locale.ROOT) + "%");
        }
        jdbc.sql("SELECT t.buyer_code, count(*), sum(CASE WHEN " + rejected + " THEN 1 ELSE 0 END) "
                        + "FROM tender_offer o JOIN tender t ON t.id = o.tender_id "
                        + "WHERE t.state_code IN (:s) AND t.published_at BETWEEN :f AND :t AND t.buyer_code IS NOT NULL "
                        + "GROUP BY t.buyer_code").params(params)
                .query(rs -> {
                    each.accept(new Rejections(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                });
    }

    private static final String SELECT = """
            SELECT id, code, name, type, type_code, state_code, published_at, closes_at, currency, estimated_amount,
                   amount_clp, amount_visible, buyer_code, buyer_name, open_call
            FROM tender""";

    private TenderCase tender(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TenderCase(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
                integer(rs, "type_code"), integer(rs, "state_code"),
                instant(rs, "published_at"), instant(rs, "closes_at"), rs.getString("currency"),
                decimal(rs.getString("estimated_amount")), whole(rs, "amount_clp"),
                rs.getInt("amount_visible") == 1, rs.getString("buyer_code"), rs.getString("buyer_name"),
                openCall(rs), List.of());
    }

    /** TipoConvocatoria as the file says it (1 open, 0 closed), null where only the API gave the tender. */
    private static Boolean openCall(java.sql.ResultSet rs) throws java.sql.SQLException {
        Integer v = integer(rs, "open_call");
        return v == null ? null : v == 1;
    }

    static Integer integer(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long whole(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private List<TenderCase> withOffers(List<TenderCase> tenders) {
        if (tenders.isEmpty()) {
            return tenders;
        }
        Map<Long, List<Offer>> offers = new HashMap<>();
        jdbc.sql("""
                SELECT tender_id, line, supplier_code, supplier_rut, supplier_name, state, currency, quantity,
                       unit_price, total, awarded_amount, selected
                FROM tender_offer WHERE tender_id IN (:ids) ORDER BY tender_id, line, supplier_code""")
                .param("ids", tenders.stream().map(TenderCase::id).toList())
                .query(rs -> {
                    offers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Offer(rs.getInt(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            decimal(rs.getString(8)), decimal(rs.getString(9)), decimal(rs.getString(10)),
                            decimal(rs.getString(11)), rs.getInt(12) == 1));
                });
        return tenders.stream().map(t -> new TenderCase(t.id(), t.code(), t.name(), t.type(), t.typeCode(),
                t.stateCode(), t.publishedAt(), t.closesAt(), t.currency(), t.estimate(), t.estimateClp(),
                t.amountVisible(), t.buyerCode(), t.buyerName(), t.openCall(),
                List.copyOf(offers.getOrDefault(t.id(), List.of()))))
                .toList();
    }
}
