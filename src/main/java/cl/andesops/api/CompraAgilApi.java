package cl.andesops.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.compraagil.CompraAgilDetailView;
import cl.andesops.compraagil.CompraAgilRow;
import cl.andesops.compraagil.CompraAgilService;

@RestController
@RequestMapping("/api/v1/compra-agil")
@Tag(name = "Compra Ágil")
class CompraAgilApi {

    private final CompraAgilService compraAgil;

    CompraAgilApi(CompraAgilService compraAgil) {
        this.compraAgil = compraAgil;
    }

    @GetMapping
    @Operation(summary = "Solicitudes de Compra Ágil, las de cambio más reciente primero")
    ApiPage<CompraAgilRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer state,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        var filter = cl.andesops.compraagil.CompraAgilFilter.of(q, state);
        return new ApiPage<>(compraAgil.find(filter, page * size, size), page, size, compraAgil.count(filter));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Una solicitud con sus productos y cotizaciones")
    CompraAgilDetailView one(@PathVariable String code) {
        return compraAgil.detail(code).orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.ca", code));
    }
}
