package cl.andesops.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.tenders.TenderDetailView;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderResults;
import cl.andesops.tenders.TenderSearch;
import cl.andesops.tenders.TenderService;

@RestController
@RequestMapping("/api/v1/tenders")
@Tag(name = "Licitaciones")
class TendersApi {

    /** Results a page may reach into, as the search screen. */
    static final int MAX_WINDOW = 10_000;

    private final TenderService tenders;
    private final TenderSearch search;

    TendersApi(TenderService tenders, TenderSearch search) {
        this.tenders = tenders;
        this.search = search;
    }

    /** A tender in a result page: what the search index holds of it. */
    record TenderSummary(String code, String name, String state, String type, String buyer,
                         @tools.jackson.databind.annotation.JsonSerialize(
                                 using = cl.andesops.shared.format.SitePath.class) String buyerProfile, String region,
                         BigDecimal amountClp, Instant publishedAt, Instant closesAt) {
    }

    /**
     * The same full-text search as the screen (Spanish stems and accents, prefixes, phrases, exclusions): by
     * relevance when there is text, newest first when there is none.
     */
    @GetMapping
    @Operation(summary = "Licitaciones que coinciden con el texto q (búsqueda de texto completo), opcionalmente en un "
            + "estado (código numérico)")
    ApiPage<TenderSummary> list(@RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer state,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        if ((long) page * size + size > MAX_WINDOW) {
            throw new IllegalArgumentException("page*size no puede superar " + MAX_WINDOW + " resultados");
        }
        boolean hasText = q != null && !q.isBlank();
        TenderQuery query = new TenderQuery(q, state == null ? null : Set.of(MpCodes.tender(state)), null, null, null,
                null, null, null, hasText ? TenderQuery.Order.RELEVANCE : TenderQuery.Order.PUBLISHED);
        TenderResults results = search.list(query, page * size, size);
        return new ApiPage<>(results.hits().stream().map(h -> new TenderSummary(h.code(), h.name(), h.state(),
                h.type(), h.buyer(), h.buyerProfile(), h.region(), h.amount(), h.publishedAt(), h.closesAt())).toList(),
                page, size,
                results.total());
    }

    @GetMapping("/{code}")
    @Operation(summary = "Una licitación con sus ítems y adjudicaciones")
    TenderDetailView one(@PathVariable String code) {
        return tenders.detail(code).orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.tender", code));
    }

    @GetMapping("/{code}/offers")
    @Operation(summary = "Todas las ofertas de una licitación, por ítem: proveedor, precio, estado y si ganó (de los "
            + "datos abiertos; la API de Mercado Público solo da las adjudicaciones)")
    ApiPage<cl.andesops.tenders.TenderOffer> offers(@PathVariable String code,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        if (tenders.detail(code).isEmpty()) {
            throw new ApiErrors.NotFound("api.error.notfound.tender", code);
        }
        return new ApiPage<>(tenders.offers(code, page * size, size), page, size, tenders.offerCount(code));
    }
}
