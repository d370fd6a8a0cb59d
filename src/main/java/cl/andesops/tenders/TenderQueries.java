package cl.andesops.tenders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TenderQueries {

    private final JdbcClient jdbc;

    TenderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TenderDetailView> detail(String code) {
        return jdbc.sql("SELECT * FROM tender WHERE code = :code").param("code", code).query((rs, n) -> {
            long id = rs.getLong("id");
            return new TenderDetailView(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                    (Integer) rs.getObject("state_code"), rs.getString("state"), rs.getString("type"),
                    rs.getString("currency"), decimal(rs.getString("estimated_amount")),
                    rs.getInt("amount_visible") == 1, rs.getString("buyer_code"), rs.getString("buyer_name"),
                    rs.getString("unit_name"), rs.getString("region"), rs.getString("commune"),
                    instant(rs, "created_at"), instant(rs, "published_at"), instant(rs, "closes_at"),
                    instant(rs, "forum_opens_at"), instant(rs, "forum_closes_at"), instant(rs, "answers_at"),
                    instant(rs, "technical_opening_at"), instant(rs, "economic_opening_at"),
                    instant(rs, "awarded_at"), instant(rs, "est_award_at"), (Integer) rs.getObject("complaints"),
                    (Integer) rs.getObject("bidders"), rs.getString("award_act_number"),
                    instant(rs, "award_act_date"), rs.getString("award_act_url"), rs.getInt("has_detail") == 1,
                    items(id), awards(id), rs.getString("contract_duration"), rs.getInt("from_open_data") == 1);
        }).optional();
    }

    private List<TenderDetailView.Item> items(long id) {
        return jdbc.sql("SELECT * FROM tender_item WHERE tender_id = :id ORDER BY line").param("id", id)
                .query((rs, n) -> new TenderDetailView.Item(rs.getInt("line"), rs.getString("product_code"),
                        rs.getString("category_code"), rs.getString("category"), rs.getString("product_name"),
                        rs.getString("description"), rs.getString("unit"), decimal(rs.getString("quantity"))))
                .list();
    }

    private List<TenderDetailView.Award> awards(long id) {
        return jdbc.sql("SELECT * FROM tender_award WHERE tender_id = :id ORDER BY line").param("id", id)
                .query((rs, n) -> new TenderDetailView.Award(rs.getInt("line"), rs.getString("supplier_rut"),
                        rs.getString("supplier_name"), decimal(rs.getString("quantity")),
                        decimal(rs.getString("unit_price"))))
                .list();
    }

    /** A page of a tender's offers, by item and then winners first, cheapest first; none for an unknown code. */
    List<TenderOffer> offers(String code, int offset, int limit) {
        return jdbc.sql("""
                        SELECT o.* FROM tender_offer o JOIN tender t ON t.id = o.tender_id
                         WHERE t.code = :code
                         ORDER BY o.line, o.selected DESC, o.total, o.supplier_code
                         LIMIT :limit OFFSET :offset""").param("code", code).param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new TenderOffer(rs.getInt("line"), rs.getString("supplier_code"),
                        rs.getString("supplier_rut"), rs.getString("supplier_name"), rs.getString("offer_name"),
                        rs.getString("state"), decimal(rs.getString("quantity")), rs.getString("currency"),
                        decimal(rs.getString("unit_price")), decimal(rs.getString("total")),
                        decimal(rs.getString("awarded_quantity")), decimal(rs.getString("awarded_amount")),
                        instant(rs, "sent_at"), rs.getInt("selected") == 1))
                .list();
    }

    /** How many offers a tender received, every item counted. */
    int offerCount(String code) {
        return jdbc.sql("SELECT count(*) FROM tender_offer o JOIN tender t ON t.id = o.tender_id WHERE t.code = :code")
                .param("code", code).query(Integer.class).single();
    }

    /** What the search index holds for a tender: its text, its facets and its sort keys. */
    record IndexRow(String code, String name, String description, String items, List<String> categories,
                    String buyer, String region, String state, String type, Long amount, Long closesAt,
                    Long publishedAt, String buyerCode) {
    }

    List<IndexRow> indexRows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StringBuilder> items = new java.util.HashMap<>();
        Map<Long, List<String>> categories = new java.util.HashMap<>();
        jdbc.sql("SELECT i.tender_id, i.product_name, i.description, i.category_code, i.category FROM tender_item i "
                        + "WHERE i.tender_id IN (:ids)")
                .param("ids", ids).query(rs -> {
                    long id = rs.getLong(1);
                    items.computeIfAbsent(id, k -> new StringBuilder()).append(nz(rs.getString(2))).append(". ")
                            .append(nz(rs.getString(3))).append('\n');
                    String code = rs.getString(4);
                    if (code != null) {
                        String cat = rs.getString(5);
                        String last = cat == null ? "" : cat.substring(cat.lastIndexOf('/') + 1).strip();
                        List<String> list = categories.computeIfAbsent(id, k -> new ArrayList<>());
                        String label = code + " " + last;
                        if (!list.contains(label)) {
                            list.add(label);
                        }
                    }
                });
        return jdbc.sql("SELECT id, code, name, description, buyer_name, region, state, type, estimated_amount, "
                        + "amount_visible, amount_clp, closes_at, published_at, buyer_code FROM tender WHERE id IN (:ids)")
                .param("ids", ids).query((rs, n) -> {
                    long id = rs.getLong("id");
                    boolean visible = rs.getInt("amount_visible") == 1;
                    long clp = rs.getLong("amount_clp");
                    Long amount = visible && !rs.wasNull() ? clp : null;
                    long closes = rs.getLong("closes_at");
                    Long closesAt = rs.wasNull() ? null : closes;
                    long published = rs.getLong("published_at");
                    Long publishedAt = rs.wasNull() ? null : published;
                    return new IndexRow(rs.getString("code"), nz(rs.getString("name")),
                            nz(rs.getString("description")), items.getOrDefault(id, new StringBuilder()).toString(),
                            categories.getOrDefault(id, List.of()), rs.getString("buyer_name"),
                            rs.getString("region"), rs.getString("state"), rs.getString("type"), amount, closesAt,
                            publishedAt, rs.getString("buyer_code"));
                }).list();
    }

    List<TenderRow> rows(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, TenderRow> byCode = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT code, name, state_code, state, type, buyer_name, region, estimated_amount,
                               amount_visible, published_at, closes_at, buyer_code FROM tender WHERE code IN (:codes)""")
                .param("codes", codes).query(TenderQueries::row).list().forEach(r -> byCode.put(r.code(), r));
        return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static TenderRow row(ResultSet rs, int n) throws SQLException {
        return new TenderRow(rs.getString("code"), rs.getString("name"), (Integer) rs.getObject("state_code"),
                rs.getString("state"), rs.getString("type"), rs.getString("buyer_name"), rs.getString("region"),
                decimal(rs.getString("estimated_amount")), rs.getInt("amount_visible") == 1,
                instant(rs, "published_at"), instant(rs, "closes_at"), rs.getString("buyer_code"));
    }

    static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
