package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The v2 Compra Ágil JSON as served (snake_case keys): the envelope, list items and the detail payload. */
final class WireV2 {

    private WireV2() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope<T>(String success, T payload, List<Error> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String codigo, String mensaje, String detalle) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListPayload(List<Request> items, Paging paginacion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paging(Integer totalPaginas, Integer numeroPagina, Integer tamanoPagina, Integer totalResultados) {
    }

    /** A list item or a detail payload: the detail has every field of the list item and more. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(String codigo, String nombre, State estado, Call convocatoria, Dates fechas, Amounts montos,
                   Institution institucion, Summary resumen, Reasons motivos, Delivery entrega, Budget presupuesto,
                   List<Product> productosSolicitados, List<Quote> proveedoresCotizando, String descripcion,
                   String idOrdenCompra) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(Integer idEstado, String codigo, String glosa) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Call(Integer estadoConvocatoria, String descripcion, String fechaCierrePrimerLlamado,
                String fechaCierreSegundoLlamado) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dates(String fechaPublicacion, String fechaCierre, String fechaUltimoCambio, String fechaCancelacion,
                 String fechaCierrePrimerLlamado, String fechaCierreSegundoLlamado) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Amounts(String moneda, BigDecimal montoDisponible, BigDecimal montoDisponibleClp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Institution(String organismoComprador, String rut, String unidadCompra, Integer region,
                       String nombreRegion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(Integer totalOfertasRecibidas, Integer multaSancion, Integer totalDemandas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reasons(String motivoCancelacion, String motivoDesierta, String motivoSeleccion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(String direccionEntrega, Integer plazoEntregaDias) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Budget(String moneda, String tipoPresupuesto, BigDecimal presupuestoEstimado, BigDecimal montoDisponible,
                  BigDecimal montoDisponibleClp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(String nombre, String codigoProducto, String descripcion, BigDecimal cantidad,
                   String unidadMedida) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quote(String rutProveedor, String razonSocial, List<QuotedProduct> productosCotizados, Long idCotizacion,
                 String codigoEmpresa, String descripcion, String fechaVigencia, String fechaCreacion,
                 BigDecimal valorNeto, BigDecimal totalImpuesto, BigDecimal montoDespacho, BigDecimal montoTotal,
                 Integer proveedorSeleccionado, Integer estado, String idOc) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotedProduct(String codigoProducto, String nombreProducto, String descripcion, BigDecimal cantidad,
                         BigDecimal precioUnitario, BigDecimal montoTotalProducto) {
    }
}
