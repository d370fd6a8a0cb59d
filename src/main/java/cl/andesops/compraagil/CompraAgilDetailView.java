package cl.andesops.compraagil;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Compra Ágil request with its products, delivery terms, budget and the quotes received. */
public record CompraAgilDetailView(String code, String name, String description, Integer stateId, String state,
                                   String organism, String organismRut, String unitName, String region,
                                   String currency, BigDecimal availableAmount, String budgetType, BigDecimal budget,
                                   Instant publishedAt, Instant closesAt, Instant changedAt, String deliveryAddress,
                                   Integer deliveryDays, Integer offersReceived, String orderCode, String cancelReason,
                                   String desertedReason, boolean hasDetail, List<Product> products,
                                   List<Quote> quotes, boolean fromOpenData) {

    public record Product(int line, String productCode, String name, String description, BigDecimal quantity,
                          String unit) {
    }

    public record Quote(long quoteId, String supplierRut, String supplierName, BigDecimal netTotal, BigDecimal tax,
                        BigDecimal total, boolean selected, Instant createdAt, List<QuoteLine> lines) {
    }

    public record QuoteLine(int line, String productCode, String name, BigDecimal quantity, BigDecimal unitPrice,
                            BigDecimal total) {
    }

    @JsonProperty("officialUrl")
    public String officialUrl() {
        return "https://buscador.mercadopublico.cl/ficha?code=" + code;
    }
}
