package cl.andesops.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Everything stored about one purchase order, for its detail page and the API. */
public record OrderDetailView(String code, String name, String description, Integer stateCode, String state,
                              String supplierState, String type, String currency, BigDecimal netTotal, BigDecimal tax,
                              BigDecimal total, Long amountClp, String tenderCode, String buyerCode, String buyerName,
                              String unitName, String unitRut, String supplierCode, String supplierName,
                              String supplierRut, String region, String paymentTerms, Instant createdAt,
                              Instant sentAt, Instant acceptedAt, Instant cancelledAt, Instant modifiedAt,
                              boolean hasDetail, String flag, List<Item> items, boolean fromOpenData) {

    public record Item(int line, String categoryCode, String category, String productCode, String product,
                       String buyerSpec, String supplierSpec, BigDecimal quantity, String unit, BigDecimal netPrice,
                       BigDecimal total) {
    }

    /** The order's public page on mercadopublico.cl. */
    @JsonProperty("officialUrl")
    public String officialUrl() {
        return "https://www.mercadopublico.cl/PurchaseOrder/Modules/PO/DetailsPurchaseOrder.aspx?codigoOC=" + code;
    }
}
