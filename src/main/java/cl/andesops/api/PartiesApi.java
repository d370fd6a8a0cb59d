package cl.andesops.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.parties.BuyerProfile;
import cl.andesops.parties.BuyerProfiles;
import cl.andesops.parties.PartyIndex;
import cl.andesops.shared.format.Period;
import cl.andesops.parties.SupplierProfile;
import cl.andesops.parties.SupplierProfiles;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.PartyKeys.Kind;

@RestController
@Tag(name = "Compradores y proveedores")
class PartiesApi {

    private final BuyerProfiles buyers;
    private final SupplierProfiles suppliers;
    private final cl.andesops.parties.ProductProfiles products;
    private final Clock clock;
    private final PartyIndex index;

    PartiesApi(BuyerProfiles buyers, SupplierProfiles suppliers, cl.andesops.parties.ProductProfiles products,
               Clock clock, PartyIndex index) {
        this.index = index;
        this.products = products;
        this.buyers = buyers;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    private Period period(String desde, String hasta, String meses) {
        // a request says what it means: a period it cannot read is refused (400), not taken for the default
        return Period.strict(desde, hasta, meses, LocalDate.now(clock.withZone(Formats.CHILE)));
    }

    @GetMapping("/api/v1/buyers/{code}")
    @Operation(summary = "Perfil de un comprador (código de organismo) en un período: desde y hasta (AAAA-MM-DD) o "
            + "meses (12 por omisión; todo para toda la historia)")
    BuyerProfile buyer(@PathVariable String code, @RequestParam(required = false) String desde,
                       @RequestParam(required = false) String hasta, @RequestParam(required = false) String meses) {
        return buyers.profile(code, period(desde, hasta, meses))
                .orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.buyer", code));
    }

    @GetMapping("/api/v1/suppliers/{rut}")
    @Operation(summary = "Perfil de un proveedor (RUT, con o sin puntos) en un período: desde y hasta (AAAA-MM-DD) o "
            + "meses (12 por omisión; todo para toda la historia)")
    SupplierProfile supplier(@PathVariable String rut, @RequestParam(required = false) String desde,
                             @RequestParam(required = false) String hasta,
                             @RequestParam(required = false) String meses) {
        if (cl.andesops.shared.format.Rut.parse(rut).isEmpty()) {
            throw new IllegalArgumentException(ApiErrors.text("api.error.badrut", rut));
        }
        return suppliers.profile(rut, period(desde, hasta, meses))
                .orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.supplier", rut));
    }

    @GetMapping("/api/v1/products/{code}")
    @Operation(summary = "Referencia de precios de un producto (código ONU) en un período: precios unitarios pagados "
            + "y cotizados por unidad, mes, región y procedimiento; quién lo compra y lo vende")
    cl.andesops.parties.ProductProfile product(@PathVariable String code,
                                               @RequestParam(required = false) String desde,
                                               @RequestParam(required = false) String hasta,
                                               @RequestParam(required = false) String meses) {
        return products.profile(code, period(desde, hasta, meses))
                .orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.product", code));
    }

    @GetMapping("/api/v1/buyers/{code}/suppliers")
    @Operation(summary = "Todos los proveedores de un comprador en el período, de mayor a menor monto, paginados")
    ApiPage<cl.andesops.parties.Figures.Counterpart> buyerSuppliers(
            @PathVariable String code, @RequestParam(required = false) String desde,
            @RequestParam(required = false) String hasta, @RequestParam(required = false) String meses,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        var rows = buyers.suppliers(code, period(desde, hasta, meses), page * size, size)
                .orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.buyer", code));
        return new ApiPage<>(rows.rows(), page, size, rows.total());
    }

    @GetMapping("/api/v1/suppliers/{rut}/buyers")
    @Operation(summary = "Todos los compradores de un proveedor en el período, de mayor a menor monto, paginados")
    ApiPage<cl.andesops.parties.Figures.Counterpart> supplierBuyers(
            @PathVariable String rut, @RequestParam(required = false) String desde,
            @RequestParam(required = false) String hasta, @RequestParam(required = false) String meses,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (cl.andesops.shared.format.Rut.parse(rut).isEmpty()) {
            throw new IllegalArgumentException(ApiErrors.text("api.error.badrut", rut));
        }
        Paging.check(page, size);
        var rows = suppliers.buyers(rut, period(desde, hasta, meses), page * size, size)
                .orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.supplier", rut));
        return new ApiPage<>(rows.rows(), page, size, rows.total());
    }

    /** What the party search answers: the parties found, and whether the index was still being built. */
    record PartySearch(String q, String tipo, boolean building, List<PartyIndex.Hit> hits) {
    }

    @GetMapping("/api/v1/parties")
    @Operation(summary = "Busca compradores, proveedores y productos por nombre, RUT (con o sin puntos) o código; "
            + "tipo: comprador, proveedor o producto (todos por omisión); a lo más 100 resultados, los mejores primero")
    PartySearch parties(@RequestParam String q, @RequestParam(required = false) String tipo,
                        @RequestParam(defaultValue = "20") int limit) {
        if (q.isBlank() || q.length() > cl.andesops.shared.search.UserText.MAX_INPUT) {
            throw new IllegalArgumentException(ApiErrors.text("api.error.partyquery",
                    cl.andesops.shared.search.UserText.MAX_INPUT));
        }
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException(ApiErrors.text("api.error.limit", 100));
        }
        Kind kind = tipo == null || tipo.isBlank() ? null : switch (tipo.strip().toLowerCase(Locale.ROOT)) {
            case "comprador", "buyer" -> Kind.BUYER;
            case "proveedor", "supplier" -> Kind.SUPPLIER;
            case "producto", "product" -> Kind.PRODUCT;
            default -> throw new IllegalArgumentException(ApiErrors.text("api.error.partykind", tipo));
        };
        return new PartySearch(q, kind == null ? null : tipo.strip().toLowerCase(Locale.ROOT), index.building(),
                index.search(q, kind, limit));
    }
}
