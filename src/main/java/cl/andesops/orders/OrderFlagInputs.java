package cl.andesops.orders;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the integrity indicators read of orders: each detailed order stamped in a range of data versions, and the
 * orders of one buyer to one supplier within some days (a split purchase or a run of direct awards is judged on the
 * group, through the buyer's profile index).
 */
@Repository
public class OrderFlagInputs {

    /** An order as the indicators judge it: {@code day} is its creation day (yyyymmdd), {@code sentAt} its date. */
    public record OrderCase(long id, String code, String name, String type, Integer stateCode, Instant sentAt,
            int day, Long amountClp, String buyerCode, String buyerName, String supplierRut, String supplierName,
            String tenderCode, String categoryCode, Boolean directAward, Boolean compraAgil) {
    }

    private static final String SELECT = """
            SELECT id, code, name, type, state_code, COALESCE(sent_at, created_at) AS sent, day, amount_clp, buyer_code,
                   buyer_name, supplier_rut, supplier_name, tender_code, category_code, direct_award, compra_agil
            FROM purchase_order""";
    /** The orders of the channels judged: by type, or as the open-data file says. */
    private static final String CHANNELS = "(type IN (:types) OR direct_award = 1 OR compra_agil = 1)";

    private final JdbcClient jdbc;

    OrderFlagInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Detailed orders stamped after version {@code from} up to {@code to}, ids after {@code afterId}, in id order. */
    public List<OrderCase> changed(long from, long to, long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE version > :from AND version <= :to AND id > :after AND has_detail = 1 "
                        + "AND day IS NOT NULL ORDER BY id LIMIT :n")
                .param("from", from).param("to", to).param("after", afterId).param("n", limit)
                .query(OrderFlagInputs::order).list();
    }

    /** Orders by code. */
    public List<OrderCase> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE code IN (:codes) AND has_detail = 1 AND day IS NOT NULL ORDER BY id")
                .param("codes", codes).query(OrderFlagInputs::order).list();
    }

    /**
     * The detailed orders of a buyer to a supplier (by RUT) created between two days (yyyymmdd, both included) whose
     * type is one of {@code types}, oldest first, at most {@code limit}.
     */
    public List<OrderCase> pair(String buyerCode, String supplierRut, int fromDay, int toDay,
            Collection<String> types, int limit) {
        return jdbc.sql(SELECT + " WHERE buyer_code = :b AND has_detail = 1 AND day BETWEEN :from AND :to"
                        + " AND supplier_rut = :s AND " + CHANNELS + " ORDER BY day, id LIMIT :n")
                .param("b", buyerCode).param("s", supplierRut).param("from", fromDay).param("to", toDay)
                .param("types", types).param("n", limit).query(OrderFlagInputs::order).list();
    }

    /** The buyers with a detailed order of one of these types: a full judgement reads them one at a time. */
    public List<String> buyers(Collection<String> types) {
        return jdbc.sql("SELECT DISTINCT buyer_code FROM purchase_order WHERE has_detail = 1 AND " + CHANNELS
                + " AND buyer_code IS NOT NULL ORDER BY buyer_code").param("types", types).query(String.class).list();
    }

    /**
     * Every detailed order of a buyer of these types, by supplier and then oldest first: its pairs one after
     * another, for a judgement of everything (orders without a supplier together, each judged alone).
     */
    public List<OrderCase> ofBuyer(String buyerCode, Collection<String> types) {
        return jdbc.sql(SELECT + " WHERE buyer_code = :b AND has_detail = 1 AND day IS NOT NULL AND " + CHANNELS
                        + " ORDER BY supplier_rut, day, id")
                .param("b", buyerCode).param("types", types).query(OrderFlagInputs::order).list();
    }

    private static OrderCase order(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int state = rs.getInt("state_code");
        Integer stateCode = rs.wasNull() ? null : state;
        long clp = rs.getLong("amount_clp");
        Long amount = rs.wasNull() ? null : clp;
        long sent = rs.getLong("sent");
        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
        return new OrderCase(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
                stateCode, sentAt, rs.getInt("day"), amount, rs.getString("buyer_code"), rs.getString("buyer_name"),
                rs.getString("supplier_rut"), rs.getString("supplier_name"), rs.getString("tender_code"),
                rs.getString("category_code"), yesNo(rs, "direct_award"), yesNo(rs, "compra_agil"));
    }

    private static Boolean yesNo(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v == 1;
    }
}
