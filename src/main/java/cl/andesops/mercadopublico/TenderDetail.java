package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A tender with everything the v1 detail and the lic-da file give. Both give {@code FechaAdjudicacion} on a tender
 * not awarded too, where it is the estimated date (RULES-CL.md; the captured detail of a tender still "Publicada"
 * has it equal to {@code FechaEstimadaAdjudicacion}): {@link #awardedAt} is kept only when the tender is awarded, and
 * is otherwise the estimate when the source gave no other.
 */
public record TenderDetail(String code, String name, String description, Integer stateCode, String state, String type,
                           Integer typeCode, String currency, Integer stages, Integer complaints, BuyerInfo buyer,
                           Instant createdAt, Instant publishedAt, Instant closesAt, Instant forumOpensAt,
                           Instant forumClosesAt, Instant answersAt, Instant technicalOpeningAt,
                           Instant economicOpeningAt, Instant awardedAt, Instant estimatedAwardAt,
                           Integer estimation, Integer amountVisible, BigDecimal estimatedAmount, String funding,
                           Integer paymentModality, String contractDuration, AwardAct award, List<TenderLine> items) {

    /** The state code of an awarded tender ("Adjudicada"). */
    public static final int AWARDED = 8;

    public TenderDetail {
        if (stateCode != null && stateCode != AWARDED && awardedAt != null) {
            estimatedAwardAt = estimatedAwardAt != null ? estimatedAwardAt : awardedAt;
            awardedAt = null;
        }
    }
}
