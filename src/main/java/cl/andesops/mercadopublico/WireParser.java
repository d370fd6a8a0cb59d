package cl.andesops.mercadopublico;

import static cl.andesops.mercadopublico.MercadoPublicoException.Kind.AUTH_OR_QUOTA;
import static cl.andesops.mercadopublico.MercadoPublicoException.Kind.BAD_PARAMETERS;
import static cl.andesops.mercadopublico.MercadoPublicoException.Kind.BURST;
import static cl.andesops.mercadopublico.MercadoPublicoException.Kind.NOT_FOUND;
import static cl.andesops.mercadopublico.MercadoPublicoException.Kind.UNAVAILABLE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns response bodies into domain records, or into a classified {@link MercadoPublicoException}. Knows the
 * status and body rules of both APIs (mercadopublico-api.md §3, §4.1): success is exactly HTTP 200 with a
 * {@code Listado} (v1) or {@code success:"OK"} (v2); everything else is sorted into what the caller must do.
 */
final class WireParser {

    private static final JsonMapper V1 = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final JsonMapper V2 = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final TypeReference<WireV1.Envelope<WireV1.ListedOrder>> ORDER_LIST = new TypeReference<>() { };
    private static final TypeReference<WireV1.Envelope<WireV1.ListedTender>> TENDER_LIST = new TypeReference<>() { };
    private static final TypeReference<WireV1.Envelope<WireV1.Order>> ORDER = new TypeReference<>() { };
    private static final TypeReference<WireV1.Envelope<WireV1.Tender>> TENDER = new TypeReference<>() { };
    private static final TypeReference<WireV1.Envelope<Object>> EMPRESAS = new TypeReference<>() { };
    private static final TypeReference<WireV2.Envelope<WireV2.ListPayload>> CA_LIST = new TypeReference<>() { };
    private static final TypeReference<WireV2.Envelope<WireV2.Request>> CA_DETAIL = new TypeReference<>() { };

    private WireParser() {
    }

    // ---- v1 ----------------------------------------------------------------------------------------------

    static List<ListedOrder> orderList(int status, byte[] body) {
        return v1(status, body, ORDER_LIST).listado().stream()
                .map(o -> new ListedOrder(trim(o.codigo()), trim(o.nombre()), o.codigoEstado())).toList();
    }

    static List<ListedTender> tenderList(int status, byte[] body) {
        return v1(status, body, TENDER_LIST).listado().stream()
                .map(t -> new ListedTender(trim(t.codigoExterno()), trim(t.nombre()), t.codigoEstado(),
                        MpDates.v1(t.fechaCierre()))).toList();
    }

    static Optional<OrderDetail> order(int status, byte[] body) {
        List<WireV1.Order> list = v1(status, body, ORDER).listado();
        return list.isEmpty() ? Optional.empty() : Optional.of(toOrder(list.getFirst()));
    }

    static Optional<TenderDetail> tender(int status, byte[] body) {
        List<WireV1.Tender> list = v1(status, body, TENDER).listado();
        return list.isEmpty() ? Optional.empty() : Optional.of(toTender(list.getFirst()));
    }

    static List<Company> companies(int status, byte[] body) {
        WireV1.Envelope<Object> e = read(V1, status, body, EMPRESAS);
        if (e.listaEmpresas() == null) {
            throw v1Error(status, e);
        }
        return e.listaEmpresas().stream().map(c -> new Company(trim(c.codigoEmpresa()), trim(c.nombreEmpresa())))
                .toList();
    }

    private static <T> WireV1.Envelope<T> v1(int status, byte[] body, TypeReference<WireV1.Envelope<T>> type) {
        WireV1.Envelope<T> e = read(V1, status, body, type);
        if (status != 200 || e.listado() == null) {
            throw v1Error(status, e);
        }
        return e;
    }

    /** A v1 body that is not a success: decide by its Codigo first, by the HTTP status second. */
    private static MercadoPublicoException v1Error(int status, WireV1.Envelope<?> e) {
        String code = trim(e.codigo());
        String message = e.mensaje() == null ? "" : e.mensaje().strip();
        if ("203".equals(code) || status == 203) {
            boolean quota = message.toLowerCase().contains("cuota");
            return new MercadoPublicoException(AUTH_OR_QUOTA, status, quota
                    ? "Mercado Público: el ticket superó su cuota diaria (" + message + ")"
                    : "Mercado Público rechazó el ticket (" + (message.isEmpty() ? "Codigo 203" : message) + ")");
        }
        if ("10500".equals(code) || status == 429) {
            return new MercadoPublicoException(BURST, status,
                    "Mercado Público detectó peticiones simultáneas (Codigo 10500)");
        }
        if ("10300".equals(code)) {
            return new MercadoPublicoException(BAD_PARAMETERS, status,
                    "Mercado Público rechazó los parámetros: " + message);
        }
        if (status >= 500) {
            return new MercadoPublicoException(UNAVAILABLE, status,
                    "Mercado Público no está disponible (HTTP " + status + ")");
        }
        if (status >= 400) {
            return new MercadoPublicoException(BAD_PARAMETERS, status,
                    "Mercado Público respondió HTTP " + status + (message.isEmpty() ? "" : ": " + message));
        }
        return new MercadoPublicoException(UNAVAILABLE, status,
                "Respuesta inesperada de Mercado Público (HTTP " + status + ", sin Listado)");
    }

    // ---- v2 ----------------------------------------------------------------------------------------------

    static CaPage compraAgilList(int status, byte[] body) {
        WireV2.Envelope<WireV2.ListPayload> e = v2(status, body, CA_LIST);
        WireV2.ListPayload p = e.payload();
        List<CaRequest> items = p.items() == null ? List.of()
                : p.items().stream().map(r -> toCompraAgil(r, false)).toList();
        WireV2.Paging paging = p.paginacion();
        return new CaPage(items, paging == null || paging.numeroPagina() == null ? 1 : paging.numeroPagina(),
                paging == null || paging.totalPaginas() == null ? 1 : paging.totalPaginas(),
                paging == null || paging.totalResultados() == null ? items.size() : paging.totalResultados());
    }

    static Optional<CaRequest> compraAgilDetail(int status, byte[] body) {
        if (status == 404) {
            return Optional.empty();
        }
        WireV2.Envelope<WireV2.Request> e = v2(status, body, CA_DETAIL);
        return Optional.of(toCompraAgil(e.payload(), true));
    }

    /** The detail payload alone, as some captures store it without its envelope. */
    static CaRequest compraAgilPayload(byte[] body) {
        return toCompraAgil(read(V2, 200, body, new TypeReference<WireV2.Request>() { }), true);
    }

    private static <T> WireV2.Envelope<T> v2(int status, byte[] body, TypeReference<WireV2.Envelope<T>> type) {
        if (status == 401 || status == 403) {
            throw new MercadoPublicoException(AUTH_OR_QUOTA, status,
                    "Compra Ágil rechazó el ticket (HTTP " + status + ")");
        }
        if (status == 429) {
            throw new MercadoPublicoException(BURST, status, "Compra Ágil: límite de solicitudes alcanzado (429)");
        }
        if (status == 404) {
            throw new MercadoPublicoException(NOT_FOUND, status, "Compra Ágil: no existe ese código");
        }
        WireV2.Envelope<T> e;
        try {
            e = read(V2, status, body, type);
        } catch (MercadoPublicoException unreadable) {
            if (status == 400) {
                throw new MercadoPublicoException(BAD_PARAMETERS, status, "Compra Ágil rechazó los parámetros");
            }
            throw unreadable;
        }
        if (status == 200 && "OK".equals(e.success()) && e.payload() != null) {
            return e;
        }
        String detail = e.errors() == null || e.errors().isEmpty() ? ""
                : ": " + e.errors().getFirst().mensaje();
        if (status == 400 || "NOK".equals(e.success())) {
            throw new MercadoPublicoException(BAD_PARAMETERS, status, "Compra Ágil rechazó la consulta" + detail);
        }
        throw new MercadoPublicoException(UNAVAILABLE, status,
                "Compra Ágil no está disponible (HTTP " + status + ")" + detail);
    }

    // ---- shared ------------------------------------------------------------------------------------------

    private static <T> T read(JsonMapper mapper, int status, byte[] body, TypeReference<T> type) {
        if (body == null || body.length == 0) {
            throw new MercadoPublicoException(UNAVAILABLE, status, "Respuesta vacía de Mercado Público (HTTP "
                    + status + ")");
        }
        int first = firstNonSpace(body);
        if (first == '<') {
            throw new MercadoPublicoException(UNAVAILABLE, status,
                    "Mercado Público respondió una página HTML en vez de JSON (HTTP " + status + ")");
        }
        try {
            return mapper.readValue(body, type);
        } catch (JacksonException e) {
            throw new MercadoPublicoException(UNAVAILABLE, status,
                    "Respuesta ilegible o truncada de Mercado Público (HTTP " + status + ")", e);
        }
    }

    private static int firstNonSpace(byte[] body) {
        for (byte b : body) {
            if (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
                continue; // a UTF-8 byte order mark
            }
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static OrderDetail toOrder(WireV1.Order o) {
        WireV1.OrderDates d = o.fechas() == null ? new WireV1.OrderDates(null, null, null, null, null) : o.fechas();
        List<OrderLine> lines = new ArrayList<>();
        if (o.items() != null && o.items().listado() != null) {
            int n = 0;
            for (WireV1.OrderItem i : o.items().listado()) {
                n++;
                lines.add(new OrderLine(i.correlativo() == null ? n : i.correlativo(), trim(i.codigoCategoria()),
                        trim(i.categoria()), trim(i.codigoProducto()), trim(i.producto()),
                        trim(i.especificacionComprador()), trim(i.especificacionProveedor()), i.cantidad(),
                        trim(i.unidad()), trim(i.moneda()), i.precioNeto(), i.totalCargos(), i.totalDescuentos(),
                        i.totalImpuestos(), i.total()));
            }
        }
        return new OrderDetail(trim(o.codigo()), trim(o.nombre()), trim(o.descripcion()), o.codigoEstado(),
                trim(o.estado()), trim(o.codigoLicitacion()), trim(o.codigoTipo()), trim(o.tipo()),
                trim(o.tipoMoneda()), o.codigoEstadoProveedor(), trim(o.estadoProveedor()),
                MpDates.v1(d.fechaCreacion()), MpDates.v1(d.fechaEnvio()), MpDates.v1(d.fechaAceptacion()),
                MpDates.v1(d.fechaCancelacion()), MpDates.v1(d.fechaUltimaModificacion()), o.promedioCalificacion(),
                o.descuentos(), o.cargos(), o.totalNeto(), o.porcentajeIva(), o.impuestos(), o.total(),
                trim(o.financiamiento()), trim(o.tipoDespacho()), trim(o.formaPago()), buyer(o.comprador()),
                supplier(o.proveedor()), List.copyOf(lines));
    }

    private static BuyerInfo buyer(WireV1.Buyer b) {
        if (b == null) {
            return new BuyerInfo(null, null, null, null, null, null, null, null);
        }
        return new BuyerInfo(trim(b.codigoOrganismo()), trim(b.nombreOrganismo()), trim(b.rutUnidad()),
                trim(b.codigoUnidad()), trim(b.nombreUnidad()), trim(b.direccionUnidad()), trim(b.comunaUnidad()),
                trim(b.regionUnidad()));
    }

    private static SupplierInfo supplier(WireV1.Supplier s) {
        if (s == null) {
            return new SupplierInfo(null, null, null, null, null, null, null, null, null);
        }
        return new SupplierInfo(trim(s.codigo()), trim(s.nombre()), trim(s.actividad()), trim(s.codigoSucursal()),
                trim(s.nombreSucursal()), trim(s.rutSucursal()), trim(s.direccion()), trim(s.comuna()),
                trim(s.region()));
    }

    private static TenderDetail toTender(WireV1.Tender t) {
        WireV1.TenderDates d = t.fechas() == null
                ? new WireV1.TenderDates(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null)
                : t.fechas();
        List<TenderLine> lines = new ArrayList<>();
        if (t.items() != null && t.items().listado() != null) {
            int n = 0;
            for (WireV1.TenderItem i : t.items().listado()) {
                n++;
                WireV1.ItemAward a = i.adjudicacion();
                LineAward award = a == null ? null : new LineAward(trim(a.rutProveedor()), trim(a.nombreProveedor()),
                        a.cantidad(), a.montoUnitario());
                lines.add(new TenderLine(i.correlativo() == null ? n : i.correlativo(), trim(i.codigoProducto()),
                        trim(i.codigoCategoria()), trim(i.categoria()), trim(i.nombreProducto()),
                        trim(i.descripcion()), trim(i.unidadMedida()), i.cantidad(), award));
            }
        }
        WireV1.AwardAct a = t.adjudicacion();
        AwardAct act = a == null ? null : new AwardAct(a.tipo(), MpDates.v1(a.fecha()), trim(a.numero()),
                a.numeroOferentes(), trim(a.urlActa()));
        // the detail's top-level FechaCierre is null in practice; Fechas.FechaCierre is the real one
        java.time.Instant closes = MpDates.v1(d.fechaCierre()) != null ? MpDates.v1(d.fechaCierre())
                : MpDates.v1(t.fechaCierre());
        String duration = trim(t.tiempoDuracionContrato());
        return new TenderDetail(trim(t.codigoExterno()), trim(t.nombre()), trim(t.descripcion()), t.codigoEstado(),
                trim(t.estado()), trim(t.tipo()), t.codigoTipo(), trim(t.moneda()), t.etapas(), t.cantidadReclamos(),
                buyer(t.comprador()), MpDates.v1(d.fechaCreacion()), MpDates.v1(d.fechaPublicacion()), closes,
                MpDates.v1(d.fechaInicio()), MpDates.v1(d.fechaFinal()), MpDates.v1(d.fechaPubRespuestas()),
                MpDates.v1(d.fechaActoAperturaTecnica()), MpDates.v1(d.fechaActoAperturaEconomica()),
                MpDates.v1(d.fechaAdjudicacion()), MpDates.v1(d.fechaEstimadaAdjudicacion()), t.estimacion(),
                t.visibilidadMonto(), t.montoEstimado(), trim(t.fuenteFinanciamiento()), t.modalidad(),
                "0".equals(duration) ? null : duration, act, List.copyOf(lines));
    }

    private static CaRequest toCompraAgil(WireV2.Request r, boolean detailed) {
        WireV2.State st = r.estado();
        WireV2.Call call = r.convocatoria();
        WireV2.Dates d = r.fechas() == null ? new WireV2.Dates(null, null, null, null, null, null) : r.fechas();
        WireV2.Institution inst = r.institucion();
        WireV2.Amounts amounts = r.montos();
        WireV2.Budget budget = r.presupuesto();
        WireV2.Reasons reasons = r.motivos();
        WireV2.Delivery delivery = r.entrega();
        String firstCall = call != null && call.fechaCierrePrimerLlamado() != null
                ? call.fechaCierrePrimerLlamado() : d.fechaCierrePrimerLlamado();
        String secondCall = call != null && call.fechaCierreSegundoLlamado() != null
                ? call.fechaCierreSegundoLlamado() : d.fechaCierreSegundoLlamado();
        String currency = budget != null && budget.moneda() != null ? budget.moneda()
                : amounts != null ? amounts.moneda() : null;
        BigDecimal available = budget != null && budget.montoDisponible() != null ? budget.montoDisponible()
                : amounts != null ? amounts.montoDisponible() : null;
        BigDecimal availableClp = budget != null && budget.montoDisponibleClp() != null ? budget.montoDisponibleClp()
                : amounts != null ? amounts.montoDisponibleClp() : null;
        List<CaProduct> products = new ArrayList<>();
        if (r.productosSolicitados() != null) {
            int n = 0;
            for (WireV2.Product p : r.productosSolicitados()) {
                products.add(new CaProduct(++n, trim(p.codigoProducto()), trim(p.nombre()), trim(p.descripcion()),
                        p.cantidad(), trim(p.unidadMedida())));
            }
        }
        List<CaQuote> quotes = new ArrayList<>();
        if (r.proveedoresCotizando() != null) {
            for (WireV2.Quote q : r.proveedoresCotizando()) {
                List<CaQuoteLine> lines = new ArrayList<>();
                if (q.productosCotizados() != null) {
                    int n = 0;
                    for (WireV2.QuotedProduct p : q.productosCotizados()) {
                        lines.add(new CaQuoteLine(++n, trim(p.codigoProducto()), trim(p.nombreProducto()),
                                trim(p.descripcion()), p.cantidad(), p.precioUnitario(), p.montoTotalProducto()));
                    }
                }
                quotes.add(new CaQuote(q.idCotizacion() == null ? 0 : q.idCotizacion(), trim(q.rutProveedor()),
                        trim(q.razonSocial()), trim(q.codigoEmpresa()), trim(q.descripcion()),
                        MpDates.compraAgil(q.fechaVigencia()), MpDates.compraAgil(q.fechaCreacion()), q.valorNeto(),
                        q.totalImpuesto(), q.montoDespacho(), q.montoTotal(),
                        q.proveedorSeleccionado() != null && q.proveedorSeleccionado() == 1, q.estado(),
                        trim(q.idOc()), List.copyOf(lines), null, null));
            }
        }
        return new CaRequest(trim(r.codigo()), trim(r.nombre()), st == null ? null : st.idEstado(),
                st == null ? null : trim(st.codigo()), st == null ? null : trim(st.glosa()),
                call == null ? null : call.estadoConvocatoria(), MpDates.compraAgil(d.fechaPublicacion()),
                MpDates.compraAgil(d.fechaCierre()), MpDates.compraAgil(firstCall), MpDates.compraAgil(secondCall),
                MpDates.compraAgil(d.fechaUltimoCambio()), MpDates.compraAgil(d.fechaCancelacion()), trim(currency),
                available, availableClp, budget == null ? null : trim(budget.tipoPresupuesto()),
                budget == null ? null : budget.presupuestoEstimado(),
                inst == null ? null : trim(inst.organismoComprador()), inst == null ? null : trim(inst.rut()),
                inst == null ? null : trim(inst.unidadCompra()), inst == null ? null : inst.region(),
                inst == null ? null : trim(inst.nombreRegion()),
                r.resumen() == null ? null : r.resumen().totalOfertasRecibidas(),
                reasons == null ? null : trim(reasons.motivoCancelacion()),
                reasons == null ? null : trim(reasons.motivoDesierta()), trim(r.descripcion()),
                delivery == null ? null : trim(delivery.direccionEntrega()),
                delivery == null ? null : delivery.plazoEntregaDias(), trim(r.idOrdenCompra()), detailed,
                List.copyOf(products), List.copyOf(quotes));
    }
}
