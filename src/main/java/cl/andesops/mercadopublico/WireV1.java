package cl.andesops.mercadopublico;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The v1 API's JSON as it is served (PascalCase keys, read with an upper-camel naming strategy). Codes the docs
 * call numbers often arrive as strings, so every code is a String here; amounts are exact decimals; dates stay
 * text until {@link MpDates} reads them.
 */
final class WireV1 {

    private WireV1() {
    }

    /** Also the error body: {@code {"Codigo":203,"Mensaje":"Ticket no válido."}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope<T>(Integer cantidad, String fechaCreacion, String version, List<T> listado, String codigo,
                       String mensaje, @JsonProperty("listaEmpresas") List<Company> listaEmpresas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListedOrder(String codigo, String nombre, Integer codigoEstado) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListedTender(String codigoExterno, String nombre, Integer codigoEstado, String fechaCierre) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(@JsonProperty("CodigoEmpresa") String codigoEmpresa,
                   @JsonProperty("NombreEmpresa") String nombreEmpresa) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String codigo, String nombre, Integer codigoEstado, String estado, String codigoLicitacion,
                 String descripcion, String codigoTipo, String tipo, String tipoMoneda, Integer codigoEstadoProveedor,
                 String estadoProveedor, OrderDates fechas, String tieneItems, BigDecimal promedioCalificacion,
                 Integer cantidadEvaluacion, BigDecimal descuentos, BigDecimal cargos, BigDecimal totalNeto,
                 BigDecimal porcentajeIva, BigDecimal impuestos, BigDecimal total, String financiamiento,
                 String pais, String tipoDespacho, String formaPago, Buyer comprador, Supplier proveedor,
                 Items<OrderItem> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderDates(String fechaCreacion, String fechaEnvio, String fechaAceptacion, String fechaCancelacion,
                      String fechaUltimaModificacion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Buyer(String codigoOrganismo, String nombreOrganismo, String rutUnidad, String codigoUnidad,
                 String nombreUnidad, String direccionUnidad, String comunaUnidad, String regionUnidad) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Supplier(String codigo, String nombre, String actividad, String codigoSucursal, String nombreSucursal,
                    String rutSucursal, String direccion, String comuna, String region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Items<T>(Integer cantidad, List<T> listado) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderItem(Integer correlativo, String codigoCategoria, String categoria, String codigoProducto,
                     String producto, String especificacionComprador, String especificacionProveedor,
                     BigDecimal cantidad, String unidad, String moneda, BigDecimal precioNeto, BigDecimal totalCargos,
                     BigDecimal totalDescuentos, BigDecimal totalImpuestos, BigDecimal total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tender(String codigoExterno, String nombre, Integer codigoEstado, String descripcion, String fechaCierre,
                  String estado, Buyer comprador, String diasCierreLicitacion, Integer informada, Integer codigoTipo,
                  String tipo, String tipoConvocatoria, String moneda, Integer etapas, String tomaRazon,
                  String contrato, Integer cantidadReclamos, TenderDates fechas, Integer estimacion,
                  String fuenteFinanciamiento, Integer visibilidadMonto, BigDecimal montoEstimado, String tiempo,
                  String unidadTiempo, Integer modalidad, String tipoPago, String subContratacion,
                  Integer unidadTiempoDuracionContrato, String tiempoDuracionContrato, Integer esRenovable,
                  AwardAct adjudicacion, Items<TenderItem> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TenderDates(String fechaCreacion, String fechaCierre, String fechaInicio, String fechaFinal,
                       String fechaPubRespuestas, String fechaActoAperturaTecnica,
                       String fechaActoAperturaEconomica, String fechaPublicacion, String fechaAdjudicacion,
                       String fechaEstimadaAdjudicacion, String fechaSoporteFisico, String fechaTiempoEvaluacion,
                       String fechaEstimadaFirma, String fechasUsuario, String fechaVisitaTerreno,
                       String fechaEntregaAntecedentes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AwardAct(Integer tipo, String fecha, String numero, Integer numeroOferentes, String urlActa) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TenderItem(Integer correlativo, String codigoProducto, String codigoCategoria, String categoria,
                      String nombreProducto, String descripcion, String unidadMedida, BigDecimal cantidad,
                      ItemAward adjudicacion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ItemAward(String rutProveedor, String nombreProveedor, BigDecimal cantidad, BigDecimal montoUnitario) {
    }
}
