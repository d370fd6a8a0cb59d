package cl.andesops.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.tenders.TenderDetailView;
import cl.andesops.tenders.TenderRow;
import cl.andesops.tenders.TenderService;

@RestController
@RequestMapping("/api/v1/tenders")
@Tag(name = "Licitaciones")
class TendersApi {

    private final TenderService tenders;

    TendersApi(TenderService tenders) {
        this.tenders = tenders;
    }

    @GetMapping
    @Operation(summary = "Licitaciones que contienen el texto q, opcionalmente en un estado")
    ApiPage<TenderRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer state,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        return new ApiPage<>(tenders.find(q, state, page * size, size), page, size, tenders.count(q, state));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Una licitación con sus ítems y adjudicaciones")
    TenderDetailView one(@PathVariable String code) {
        return tenders.detail(code).orElseThrow(() -> new ApiErrors.NotFound("No existe la licitación " + code));
    }
}
