package cl.andesops.mercadopublico;

import java.util.List;

/** One page of the Compra Ágil list; {@code totalResults} saturates at 10,000 on the real service. */
public record CaPage(List<CaRequest> items, int page, int totalPages, int totalResults) {
}
