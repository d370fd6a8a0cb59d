package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A tender with everything the v1 detail gives. */
public record TenderDetail(String code, String name, String description, Integer stateCode, String state, String type,
                           Integer typeCode, String currency, Integer stages, Integer complaints, BuyerInfo buyer,
                           Instant createdAt, Instant publishedAt, Instant closesAt, Instant forumOpensAt,
                           Instant forumClosesAt, Instant answersAt, Instant technicalOpeningAt,
                           Instant economicOpeningAt, Instant awardedAt, Instant estimatedAwardAt,
                           Integer estimation, Integer amountVisible, BigDecimal estimatedAmount, String funding,
                           Integer paymentModality, String contractDuration, AwardAct award, List<TenderLine> items) {
}
