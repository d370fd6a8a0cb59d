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
    private final java.time.Clock clock;

    CompraAgilApi(CompraAgilService compraAgil, java.time.Clock clock) {
        this.compraAgil = compraAgil;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Solicitudes de Compra Ágil, las de cambio más reciente primero")
    ApiPage<CompraAgilRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer state,
                                @RequestParam(required = false) String region,
                                @RequestParam(required = false) Long minAmount,
                                @RequestParam(required = false) @io.swagger.v3.oas.annotations.Parameter(description =
                                        "open (aún abiertas), today (cierran hoy, hora de Chile) o week (en 7 días)")
                                String closing,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        if (closing != null && !cl.andesops.compraagil.CompraAgilAddress.CLOSING.contains(closing)) {
            throw new IllegalArgumentException("closing debe ser open, today o week");
        }
        // the closing window as the list's address counts it, from now
        var window = new cl.andesops.compraagil.CompraAgilAddress(null, null, null, null, closing)
                .filter(clock.instant());
        var filter = new cl.andesops.compraagil.CompraAgilFilter(q, state, region, minAmount, null,
                window.closesAfter(), window.closesBefore());
        return new ApiPage<>(compraAgil.find(filter, page * size, size), page, size, compraAgil.count(filter));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Una solicitud con sus productos y cotizaciones")
    CompraAgilDetailView one(@PathVariable String code) {
        return compraAgil.detail(code).orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.ca", code));
    }
}
