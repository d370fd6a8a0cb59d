package cl.andesops.tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Everything stored about one tender: dates, items with UNSPSC codes, the award act and awarded suppliers. */
public record TenderDetailView(String code, String name, String description, Integer stateCode, String state,
                               String type, String currency, BigDecimal estimatedAmount, boolean amountVisible,
                               String buyerCode, String buyerName, String unitName, String region, String commune,
                               Instant createdAt, Instant publishedAt, Instant closesAt, Instant forumOpensAt,
                               Instant forumClosesAt, Instant answersAt, Instant technicalOpeningAt,
                               Instant economicOpeningAt, Instant awardedAt, Instant estimatedAwardAt,
                               Integer complaints, Integer bidders, String awardActNumber, Instant awardActDate,
                               String awardActUrl, boolean hasDetail, List<Item> items, List<Award> awards,
                               String contractDuration, boolean fromOpenData) {

    public record Item(int line, String productCode, String categoryCode, String category, String productName,
                       String description, String unit, BigDecimal quantity) {
    }

    public record Award(int line, String supplierRut, String supplierName, BigDecimal quantity,
                        BigDecimal unitPrice) {
        public BigDecimal total() {
            return quantity == null || unitPrice == null ? null : quantity.multiply(unitPrice);
        }
    }

    @JsonProperty("officialUrl")
    public String officialUrl() {
        return "https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=" + code;
    }
}
