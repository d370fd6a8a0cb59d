package cl.andesops.tenders;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.format.PartyKeys;

/**
 * The tenders of one party as its profile needs them: those a buyer published, and the offers on the tenders a
 * supplier bid on. The tenders feature owns these tables; the parties feature reads them here.
 */
@Component
public class TenderPartyQueries {

    /** A tender a buyer published: its state, when it was published and awarded, its complaints and bidders. */
    public record Published(Integer state, Long publishedAt, Long awardedAt, Integer complaints, Integer bidders) {
    }

    /** One offer on a tender line: whose (is it the supplier's own), selected or not, its unit price, its bidder. */
    public record Offer(long tender, int line, boolean mine, boolean selected, String unitPrice, String bidder) {
    }

    private final JdbcClient jdbc;

    TenderPartyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tenders a buyer published in [from, to) (epoch ms), oldest first, with the bidders each drew: the count the
     * tender carries, else the distinct bidders of its offers.
     */
    public List<Published> published(String buyerCode, long fromMillis, long toMillis) {
        return jdbc.sql("""
                        SELECT t.state_code, t.published_at, t.awarded_at, t.complaints,
                               coalesce(t.bidders, (SELECT count(DISTINCT o.supplier_code) FROM tender_offer o
                                                     WHERE o.tender_id = t.id)) AS bidders
                          FROM tender t
                         WHERE t.buyer_code = :c AND t.published_at IS NOT NULL
                           AND t.published_at >= :fromMillis AND t.published_at < :toMillis
                         ORDER BY t.published_at""")
                .param("c", buyerCode).param("fromMillis", fromMillis).param("toMillis", toMillis)
                .query((rs, n) -> new Published((Integer) integer(rs.getObject(1)), (Long) along(rs.getObject(2)),
                        (Long) along(rs.getObject(3)), (Integer) integer(rs.getObject(4)),
                        (Integer) integer(rs.getObject(5)))).list();
    }

    /** Every offer, the supplier's and the others', on the tenders published in [from, to) it bid on. */
    public List<Offer> offersAround(List<String> rutSpellings, long fromMillis, long toMillis) {
        return jdbc.sql("""
                        SELECT o.tender_id, o.line, CASE WHEN o.supplier_rut IN (:r) THEN 1 ELSE 0 END, o.selected,
                               o.unit_price, o.supplier_code
                          FROM tender_offer o
                         WHERE o.tender_id IN (SELECT m.tender_id FROM tender_offer m JOIN tender t ON t.id = m.tender_id
                                                WHERE m.supplier_rut IN (:r) AND t.published_at >= :fromMillis
                                                  AND t.published_at < :toMillis)""")
                .param("r", rutSpellings).param("fromMillis", fromMillis).param("toMillis", toMillis)
                .query((rs, n) -> new Offer(rs.getLong(1), rs.getInt(2), rs.getInt(3) == 1, rs.getInt(4) == 1,
                        rs.getString(5), rs.getString(6))).list();
    }

    /** The names a buyer's tenders gave it, with when they last did (epoch ms). */
    public List<Object[]> buyerNames(String code) {
        return jdbc.sql("""
                        SELECT buyer_name, max(coalesce(published_at, created_at, fetched_at)) FROM (
                            SELECT buyer_name, published_at, created_at, fetched_at FROM tender WHERE buyer_code = :c
                             LIMIT 5000) sampled WHERE buyer_name IS NOT NULL GROUP BY buyer_name""")
                .param("c", code).query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).list();
    }

    /** The names a supplier's offers gave it, with when they last did. */
    public List<Object[]> supplierNames(List<String> rutSpellings) {
        return jdbc.sql("""
                        SELECT supplier_name, max(coalesce(sent_at, 0)) FROM (
                            SELECT supplier_name, sent_at FROM tender_offer WHERE supplier_rut IN (:r) LIMIT 5000) sampled
                         WHERE supplier_name IS NOT NULL GROUP BY supplier_name""")
                .param("r", rutSpellings).query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).list();
    }

    private static Object integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static Object along(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    /** The highest tender id: the end of a full read of the names. */
    public long maxId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM tender").query(Long.class).single();
    }

    /** Each buyer and bidder name the tenders in {@code rows} give, once per spelling (or more). */
    public void names(PartyKeys.Rows rows, Consumer<PartyKeys.Named> each) {
        jdbc.sql(rows.changed("tender", "t.buyer_code, t.buyer_name")
                        + "SELECT DISTINCT buyer_code, buyer_name FROM changed").params(rows.params()).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.BUYER, rs.getString(1), rs.getString(2));
                });
        jdbc.sql(rows.changed("tender", "t.id") + "SELECT DISTINCT o.supplier_rut, o.supplier_name FROM changed c "
                        + "CROSS JOIN tender_offer o WHERE o.tender_id = c.id").params(rows.params()).query(rs -> {
                    PartyKeys.offer(each, PartyKeys.Kind.SUPPLIER, rs.getString(1), rs.getString(2));
                });
    }
}
