package cl.andesops.tenders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures over tenders for the analyses: a buyer's record, its recent tenders, a supplier's awards. */
@Service
public class TenderStats {

    /** How a buyer's tenders went; {@code averageBidders} null when none reported bidders. */
    public record BuyerRecord(long tenders, Double averageBidders, long singleBidder, long deserted,
                              Long complaints, List<String> singleBidderCodes, List<String> desertedCodes) {
    }

    public record Listed(String code, String name, String state, Integer bidders, Instant closesAt) {
    }

    /** A tender a supplier was awarded lines of. */
    public record Award(String code, String name, String buyerName, long lines, Instant awardedAt) {
    }

    private final JdbcClient jdbc;

    TenderStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BuyerRecord> buyerRecord(String buyerCode) {
        return jdbc.sql("""
                        SELECT count(*), avg(CASE WHEN bidders > 0 THEN bidders END),
                               sum(CASE WHEN bidders = 1 THEN 1 ELSE 0 END), sum(CASE WHEN state_code = 7 THEN 1 ELSE 0 END),
                               max(complaints) FROM tender WHERE buyer_code = :b""").param("b", buyerCode)
                .query((rs, i) -> rs.getLong(1) == 0 ? null : new BuyerRecord(rs.getLong(1),
                        rs.getObject(2) == null ? null : rs.getDouble(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), codes(buyerCode, "bidders = 1"),
                        codes(buyerCode, "state_code = 7")))
                .optional();
    }

    private List<String> codes(String buyerCode, String condition) {
        return jdbc.sql("SELECT code FROM tender WHERE buyer_code = :b AND " + condition
                + " ORDER BY published_at DESC LIMIT 3").param("b", buyerCode).query(String.class).list();
    }

    /** The buyer's most recently published tenders, but one (or none when {@code except} is null). */
    public List<Listed> recentOfBuyer(String buyerCode, String except, int n) {
        return jdbc.sql("""
                        SELECT code, name, state, bidders, closes_at FROM tender
                         WHERE buyer_code = :b AND code <> :except ORDER BY published_at DESC LIMIT :n""")
                .param("b", buyerCode).param("except", except == null ? "" : except).param("n", n)
                .query((rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getObject(5) == null ? null
                        : Instant.ofEpochMilli(rs.getLong(5)))).list();
    }

    /** The tenders a supplier (by RUT) was most recently awarded lines of. */
    public List<Award> awardsOf(String supplierRut, int n) {
        return jdbc.sql("""
                        SELECT t.code, max(t.name), max(t.buyer_name), count(*), max(t.awarded_at) AS at
                          FROM tender_award a JOIN tender t ON t.id = a.tender_id
                         WHERE a.supplier_rut = :rut GROUP BY t.code ORDER BY at DESC LIMIT :n""")
                .param("rut", supplierRut).param("n", n)
                .query((rs, i) -> new Award(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : Instant.ofEpochMilli(rs.getLong(5)))).list();
    }

    /** How many tenders a supplier (by RUT) won lines of. */
    public long tendersWon(String supplierRut) {
        return jdbc.sql("SELECT count(DISTINCT tender_id) FROM tender_award WHERE supplier_rut = :rut")
                .param("rut", supplierRut).query(Long.class).single();
    }
}
