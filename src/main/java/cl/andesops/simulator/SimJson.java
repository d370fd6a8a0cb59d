package cl.andesops.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.format.Formats;

/**
 * Renders the simulated records in the real wire format, key for key and in the served order: v1 PascalCase with
 * codes as strings where the real API sends strings, Chile local dates without a zone and with a varying fraction,
 * amounts with a decimal point; v2 snake_case in its envelope with {@code "YYYY-MM-DD HH:mm"} dates.
 */
final class SimJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter V1 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter V2 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter V2_FAKE_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final String[] ORDER_STATES = {"", "", "", "", "Enviada a proveedor", "En proceso", "Aceptada", "",
            "", "Cancelada", "", "", "Recepción Conforme"};

    private SimJson() {
    }

    static byte[] write(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    static Map<String, Object> envelope(Instant now, List<?> listado) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Cantidad", listado.size());
        m.put("FechaCreacion", V1.format(now.atZone(Formats.CHILE)) + ".5626564Z");
        m.put("Version", "v1");
        m.put("Listado", listado);
        return m;
    }

    static Map<String, Object> error(int codigo, String mensaje) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Codigo", codigo);
        m.put("Mensaje", mensaje);
        return m;
    }

    static Map<String, Object> listedOrder(SimWorld.Order o, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Codigo", o.code());
        m.put("Nombre", o.name() + " ");
        m.put("CodigoEstado", o.stateCode(now));
        return m;
    }

    static Map<String, Object> order(SimWorld.Order o, Instant now) {
        int state = o.stateCode(now);
        BigDecimal net = o.net();
        BigDecimal tax = net.multiply(BigDecimal.valueOf(19)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .setScale(1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Codigo", o.code());
        m.put("Nombre", o.name() + " ");
        m.put("CodigoEstado", state);
        m.put("Estado", ORDER_STATES[state]);
        m.put("CodigoLicitacion", o.tenderCode() == null ? "" : o.tenderCode());
        m.put("Descripcion", o.description() + "\r\n");
        m.put("CodigoTipo", o.typeCode());
        m.put("Tipo", o.type());
        m.put("TipoMoneda", "CLP");
        m.put("CodigoEstadoProveedor", state == 4 ? 2 : 4);
        m.put("EstadoProveedor", state == 4 ? "Recepcionada" : "Aceptada");
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("FechaCreacion", v1(o.createdAt(), 2));
        dates.put("FechaEnvio", v1(o.sentAt(), 0));
        dates.put("FechaAceptacion", visible(o.acceptedAt(), now, 3));
        dates.put("FechaCancelacion", visible(o.cancelledAt(), now, 0));
        dates.put("FechaUltimaModificacion", v1(o.modifiedAt(now), 0));
        m.put("Fechas", dates);
        m.put("TieneItems", "1");
        m.put("PromedioCalificacion", o.rating());
        m.put("CantidadEvaluacion", 6);
        m.put("Descuentos", BigDecimal.ZERO.setScale(1));
        m.put("Cargos", BigDecimal.ZERO.setScale(1));
        m.put("TotalNeto", net);
        m.put("PorcentajeIva", BigDecimal.valueOf(19).setScale(1));
        m.put("Impuestos", tax);
        m.put("Total", net.add(tax));
        m.put("Financiamiento", "");
        m.put("Pais", "CL");
        m.put("TipoDespacho", o.dispatchType());
        m.put("FormaPago", o.paymentTerms());
        SimCatalog.Buyer b = o.buyer();
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("CodigoOrganismo", b.code());
        buyer.put("NombreOrganismo", b.name());
        buyer.put("RutUnidad", b.rut());
        buyer.put("CodigoUnidad", b.code());
        buyer.put("NombreUnidad", b.name());
        buyer.put("Actividad", "");
        buyer.put("DireccionUnidad", "Avenida Principal " + (100 + Math.abs(b.code().hashCode() % 900)));
        buyer.put("ComunaUnidad", b.commune());
        buyer.put("RegionUnidad", b.region().name() + " ");
        buyer.put("Pais", "CL");
        buyer.put("NombreContacto", "Encargado de Adquisiciones");
        buyer.put("CargoContacto", "Administrativo Abastecimiento");
        buyer.put("FonoContacto", "56-2-2000000");
        buyer.put("MailContacto", "adquisiciones@example.cl");
        m.put("Comprador", buyer);
        SimCatalog.Supplier s = o.supplier();
        Map<String, Object> supplier = new LinkedHashMap<>();
        supplier.put("Codigo", s.code());
        supplier.put("Nombre", s.name());
        supplier.put("Actividad", s.activity());
        supplier.put("CodigoSucursal", Integer.toString(Integer.parseInt(s.code()) + 500_000));
        supplier.put("NombreSucursal", s.name());
        supplier.put("RutSucursal", s.rut());
        supplier.put("Direccion", "Calle Comercio 1464");
        supplier.put("Comuna", SimCatalog.commune(s.region()));
        supplier.put("Region", s.region().name());
        supplier.put("Pais", "CL");
        supplier.put("NombreContacto", "Ventas");
        supplier.put("CargoContacto", "Ejecutivo");
        supplier.put("FonoContacto", "56-2-2122966");
        supplier.put("MailContacto", "ventas@example.cl");
        m.put("Proveedor", supplier);
        List<Object> items = new ArrayList<>();
        for (SimWorld.Line l : o.lines()) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("Correlativo", l.n());
            it.put("CodigoCategoria", Integer.parseInt(l.product().categoryCode()));
            it.put("Categoria", l.product().category());
            it.put("CodigoProducto", Integer.parseInt(l.product().productCode()));
            it.put("Producto", l.product().name());
            it.put("EspecificacionComprador", l.buyerSpec());
            it.put("EspecificacionProveedor", " " + l.supplierSpec());
            it.put("Cantidad", l.quantity());
            it.put("Unidad", null);
            it.put("Moneda", "CLP");
            it.put("PrecioNeto", l.unitPrice());
            it.put("TotalCargos", BigDecimal.ZERO.setScale(1));
            it.put("TotalDescuentos", BigDecimal.ZERO.setScale(1));
            it.put("TotalImpuestos", BigDecimal.ZERO.setScale(1));
            it.put("Total", l.total());
            items.add(it);
        }
        m.put("Items", Map.of("Cantidad", items.size(), "Listado", items));
        return m;
    }

    private static final String[] TENDER_STATES = {"", "", "", "", "", "Publicada", "Cerrada", "Desierta",
            "Adjudicada", "", "", "", "", "", "", "Revocada", "", "", "Revocada"};

    static Map<String, Object> listedTender(SimWorld.Tender t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CodigoExterno", t.code());
        m.put("Nombre", t.name());
        m.put("CodigoEstado", t.stateCode(now));
        m.put("FechaCierre", v1(t.closesAt(now), 0));
        return m;
    }

    static Map<String, Object> tender(SimWorld.Tender t, Instant now) {
        int state = t.stateCode(now);
        boolean awarded = state == 8;
        SimCatalog.Buyer b = t.buyer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CodigoExterno", t.code());
        m.put("Nombre", t.name() + " ");
        m.put("CodigoEstado", state);
        m.put("Descripcion", t.description());
        m.put("FechaCierre", null);
        m.put("Estado", TENDER_STATES[state]);
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("CodigoOrganismo", b.code());
        buyer.put("NombreOrganismo", b.name());
        buyer.put("RutUnidad", b.rut());
        buyer.put("CodigoUnidad", b.code());
        buyer.put("NombreUnidad", b.name());
        buyer.put("DireccionUnidad", "Avenida Principal 100");
        buyer.put("ComunaUnidad", b.commune());
        buyer.put("RegionUnidad", b.region().name());
        buyer.put("RutUsuario", "");
        buyer.put("CodigoUsuario", "1");
        buyer.put("NombreUsuario", "Encargado de Licitaciones");
        buyer.put("CargoUsuario", "Adquisiciones");
        m.put("Comprador", buyer);
        m.put("DiasCierreLicitacion", "0");
        m.put("Informada", 0);
        m.put("CodigoTipo", SimTenders.openCall(t.type()) ? 1 : 2);
        m.put("Tipo", t.type());
        m.put("TipoConvocatoria", SimTenders.openCall(t.type()) ? "1" : "0");
        m.put("Moneda", "CLP");
        m.put("Etapas", 1);
        m.put("EstadoEtapas", "1");
        m.put("TomaRazon", "0");
        m.put("EstadoPublicidadOfertas", 1);
        m.put("JustificacionPublicidad", "");
        m.put("Contrato", "0");
        m.put("Obras", "0");
        m.put("CantidadReclamos", t.complaints());
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("FechaCreacion", v1(t.createdAt(), 3));
        dates.put("FechaCierre", v1(t.closesAt(now), 0));
        dates.put("FechaInicio", v1(t.publishedAt(), 0));
        dates.put("FechaFinal", v1(t.publishedAt().plusSeconds(3 * 86_400), 0));
        dates.put("FechaPubRespuestas", v1(t.publishedAt().plusSeconds(4 * 86_400), 0));
        dates.put("FechaActoAperturaTecnica", v1(t.closesAt(now).plusSeconds(60), 0));
        dates.put("FechaActoAperturaEconomica", v1(t.closesAt(now).plusSeconds(60), 0));
        dates.put("FechaPublicacion", v1(t.publishedAt(), 2));
        dates.put("FechaAdjudicacion", awarded ? v1(t.awardAt(), 0) : null);
        dates.put("FechaEstimadaAdjudicacion", v1(t.awardAt(), 0));
        dates.put("FechaSoporteFisico", null);
        dates.put("FechaTiempoEvaluacion", null);
        dates.put("FechaEstimadaFirma", null);
        dates.put("FechasUsuario", null);
        dates.put("FechaVisitaTerreno", null);
        dates.put("FechaEntregaAntecedentes", null);
        m.put("Fechas", dates);
        m.put("UnidadTiempoEvaluacion", 2);
        m.put("DireccionVisita", "");
        m.put("DireccionEntrega", "");
        m.put("Estimacion", t.amountVisible() ? 1 : 2);
        m.put("FuenteFinanciamiento", "Presupuesto municipal");
        m.put("VisibilidadMonto", t.amountVisible() ? 1 : 0);
        m.put("MontoEstimado", t.amountVisible() ? t.estimatedAmount() : null);
        m.put("Tiempo", null);
        m.put("UnidadTiempo", "1");
        m.put("Modalidad", 1);
        m.put("TipoPago", "2");
        m.put("NombreResponsablePago", "Unidad de Finanzas");
        m.put("EmailResponsablePago", "");
        m.put("NombreResponsableContrato", "Unidad Técnica");
        m.put("EmailResponsableContrato", "");
        m.put("FonoResponsableContrato", "");
        m.put("ProhibicionContratacion", "");
        m.put("SubContratacion", "0");
        m.put("UnidadTiempoDuracionContrato", 4);
        m.put("TiempoDuracionContrato", "12");
        m.put("TipoDuracionContrato", " ");
        m.put("JustificacionMontoEstimado", "");
        m.put("ObservacionContract", null);
        m.put("ExtensionPlazo", 0);
        m.put("EsBaseTipo", 0);
        m.put("UnidadTiempoContratoLicitacion", "1");
        m.put("ValorTiempoRenovacion", "0");
        m.put("PeriodoTiempoRenovacion", " ");
        m.put("EsRenovable", 0);
        if (awarded || state == 7) {
            Map<String, Object> act = new LinkedHashMap<>();
            act.put("Tipo", 2);
            act.put("Fecha", v1(t.awardAt().truncatedTo(java.time.temporal.ChronoUnit.DAYS), 0));
            act.put("Numero", Integer.toString(100 + Math.abs(t.code().hashCode() % 900)));
            act.put("NumeroOferentes", t.bidders());
            act.put("UrlActa", "http://www.mercadopublico.cl/Procurement/Modules/RFB/StepsProcessAward/"
                    + "PreviewAwardAct.aspx?qs=" + Integer.toHexString(t.code().hashCode()));
            m.put("Adjudicacion", act);
        } else {
            m.put("Adjudicacion", null);
        }
        List<Object> items = new ArrayList<>();
        for (SimWorld.TenderLine l : t.lines()) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("Correlativo", l.n());
            it.put("CodigoProducto", Integer.parseInt(l.product().productCode()));
            it.put("CodigoCategoria", l.product().categoryCode());
            it.put("Categoria", l.product().category());
            it.put("NombreProducto", l.product().name());
            it.put("Descripcion", l.description());
            it.put("UnidadMedida", l.product().unit());
            it.put("Cantidad", l.quantity());
            if (awarded && l.winner() != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("RutProveedor", l.winner().rut());
                a.put("NombreProveedor", l.winner().name());
                a.put("Cantidad", l.quantity());
                a.put("MontoUnitario", l.unitPrice());
                it.put("Adjudicacion", a);
            } else {
                it.put("Adjudicacion", null);
            }
            items.add(it);
        }
        m.put("Items", Map.of("Cantidad", items.size(), "Listado", items));
        return m;
    }

    static Map<String, Object> companies(Instant now, List<Map<String, Object>> companies) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Cantidad", companies.size());
        m.put("FechaCreacion", V1.format(now.atZone(Formats.CHILE)) + ".6261063Z");
        m.put("listaEmpresas", companies);
        return m;
    }

    static Map<String, Object> company(String code, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CodigoEmpresa", code);
        m.put("NombreEmpresa", name);
        return m;
    }

    // ---- v2 ----------------------------------------------------------------------------------------------

    private static final String[] CA_STATES = {"", "", "publicada", "cerrada", "proveedor_seleccionado", "cancelada",
            "desierta"};
    private static final String[] CA_GLOSAS = {"", "", "Publicada", "Cerrada", "Proveedor seleccionado",
            "Cancelada", "Desierta"};

    static Map<String, Object> v2Ok(Object payload) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", "OK");
        m.put("trace", null);
        m.put("payload", payload);
        m.put("errors", null);
        return m;
    }

    static Map<String, Object> v2Error(String success, String codigo, String mensaje) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("codigo", codigo);
        e.put("mensaje", mensaje);
        e.put("detalle", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", success);
        m.put("trace", null);
        m.put("payload", null);
        m.put("errors", List.of(e));
        return m;
    }

    static Map<String, Object> caListItem(SimWorld.CompraAgil c, Instant now) {
        int state = c.stateId(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codigo", c.code());
        m.put("nombre", c.name());
        m.put("estado", caState(state));
        m.put("convocatoria", Map.of("estado_convocatoria", 1, "descripcion", "Primer llamado"));
        m.put("documentos", List.of());
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("fecha_publicacion", v2(c.publishedAt()));
        dates.put("fecha_cierre", v2(c.closesAt()));
        dates.put("fecha_ultimo_cambio", fakeUtc(c.changedAt(now)));
        dates.put("fecha_cierre_primer_llamado", fakeUtc(c.closesAt()));
        dates.put("fecha_cierre_segundo_llamado", null);
        m.put("fechas", dates);
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("moneda", "CLP");
        amounts.put("monto_disponible", c.budget());
        amounts.put("monto_disponible_clp", c.budget());
        m.put("montos", amounts);
        m.put("institucion", institution(c));
        m.put("resumen", Map.of("total_ofertas_recibidas", c.quotesAt(now).size()));
        m.put("motivos", reasons(c, state));
        m.put("links", Map.of("detalle", "/v2/compra-agil/" + c.code()));
        return m;
    }

    static Map<String, Object> caDetail(SimWorld.CompraAgil c, Instant now) {
        int state = c.stateId(now);
        List<SimWorld.Quote> quotes = c.quotesAt(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codigo", c.code());
        m.put("nombre", c.name());
        m.put("estado", caState(state));
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("estado_convocatoria", 1);
        call.put("descripcion", "Primer llamado");
        call.put("fecha_cierre_primer_llamado", v2(c.closesAt()));
        call.put("fecha_cierre_segundo_llamado", null);
        m.put("convocatoria", call);
        m.put("documentos", List.of(Map.of("id", 1_900_000 + Math.abs(c.code().hashCode() % 99_999),
                "nombre", "Solicitud " + c.code() + ".pdf")));
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("fecha_publicacion", v2(c.publishedAt()));
        dates.put("fecha_cierre", v2(c.closesAt()));
        dates.put("fecha_ultimo_cambio", v2(c.changedAt(now)));
        dates.put("fecha_cancelacion", state == 5 ? v2(c.decidedAt()) : null);
        m.put("fechas", dates);
        m.put("institucion", institution(c));
        m.put("resumen", Map.of("multa_sancion", 0, "total_ofertas_recibidas", quotes.size(), "total_demandas", 0));
        m.put("motivos", reasons(c, state));
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("direccion_entrega", "Avenida Principal 100, " + c.buyer().commune());
        delivery.put("plazo_entrega_dias", c.deliveryDays());
        m.put("entrega", delivery);
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("moneda", "CLP");
        budget.put("tipo_presupuesto", "Disponible");
        budget.put("presupuesto_estimado", c.budget());
        budget.put("monto_disponible", c.budget());
        budget.put("monto_disponible_clp", c.budget());
        budget.put("valor_cambio_moneda", null);
        budget.put("fecha_cambio_moneda", null);
        m.put("presupuesto", budget);
        List<Object> products = new ArrayList<>();
        for (SimWorld.CaProduct p : c.products()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("nombre", p.product().name());
            pm.put("codigo_producto", Integer.parseInt(p.product().productCode()));
            pm.put("descripcion", p.product().name() + ". Revisar el documento adjunto.");
            pm.put("cantidad", p.quantity());
            pm.put("unidad_medida", p.product().unit());
            products.add(pm);
        }
        m.put("productos_solicitados", products);
        List<Object> quoteList = new ArrayList<>();
        for (SimWorld.Quote q : quotes) {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("rut_proveedor", q.supplier().rut());
            qm.put("razon_social", q.supplier().name());
            List<Object> lines = new ArrayList<>();
            BigDecimal net = BigDecimal.ZERO;
            for (int i = 0; i < c.products().size(); i++) {
                SimWorld.CaProduct p = c.products().get(i);
                BigDecimal total = q.unitPrices().get(i).multiply(p.quantity());
                net = net.add(total);
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("codigo_producto", Integer.parseInt(p.product().productCode()));
                lm.put("nombre_producto", p.product().name());
                lm.put("descripcion", p.product().name());
                lm.put("cantidad", p.quantity());
                lm.put("precio_unitario", q.unitPrices().get(i));
                lm.put("monto_total_producto", total);
                lines.add(lm);
            }
            BigDecimal tax = net.multiply(BigDecimal.valueOf(19)).divide(BigDecimal.valueOf(100), 0,
                    RoundingMode.HALF_UP);
            qm.put("productos_cotizados", lines);
            qm.put("id_cotizacion", q.id());
            qm.put("codigo_sucursal_empresa", Integer.toString(Integer.parseInt(q.supplier().code()) + 500_000));
            qm.put("codigo_empresa", q.supplier().code());
            qm.put("es_emt", 1);
            qm.put("descripcion", "Cotización formal. Plazo de entrega " + c.deliveryDays() + " días hábiles.");
            qm.put("fecha_vigencia", fakeUtc(q.createdAt().plusSeconds(30L * 86_400)));
            qm.put("fecha_creacion", fakeUtc(q.createdAt()));
            qm.put("valor_neto", net);
            qm.put("total_impuesto", tax);
            qm.put("monto_despacho", 0);
            qm.put("monto_total", net.add(tax));
            qm.put("proveedor_seleccionado", state == 4 && q.selected() ? 1 : 0);
            qm.put("descripcion_cotizacion", "Cotización formal.");
            qm.put("estado", 3);
            qm.put("justificacion_inadmisibilidad", null);
            qm.put("estado_por_comprador", null);
            qm.put("activo", null);
            qm.put("id_oc", null);
            qm.put("nombre_impuesto", "IVA");
            qm.put("porcentaje_impuesto", 19);
            quoteList.add(qm);
        }
        m.put("proveedores_cotizando", quoteList);
        m.put("flags", Map.of("considera_requisitos_medioambientales", false,
                "considera_requisitos_impacto_social_economico", false));
        m.put("descripcion", c.description());
        m.put("id_orden_compra", state == 4 ? SimQuoteFile.orderCode(c) : null);
        return m;
    }

    static Map<String, Object> caPage(List<Map<String, Object>> items, int page, int size, int total) {
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("total_paginas", Math.max(1, (int) Math.ceil(total / (double) size)));
        paging.put("numero_pagina", page);
        paging.put("tamano_pagina", size);
        paging.put("total_resultados", Math.min(total, 10_000));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("items", items);
        payload.put("paginacion", paging);
        return payload;
    }

    private static Map<String, Object> caState(int state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id_estado", state);
        m.put("codigo", CA_STATES[state]);
        m.put("glosa", CA_GLOSAS[state]);
        return m;
    }

    private static Map<String, Object> institution(SimWorld.CompraAgil c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organismo_comprador", c.buyer().name());
        m.put("rut", c.buyer().rut());
        m.put("unidad_compra", "Departamento de Adquisiciones");
        m.put("region", c.buyer().region().id());
        m.put("nombre_region", c.buyer().region().name());
        return m;
    }

    private static Map<String, Object> reasons(SimWorld.CompraAgil c, int state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("motivo_cancelacion", state == 5 ? "Se cancela por modificación presupuestaria." : null);
        m.put("motivo_desierta", state == 6 ? "Ninguna oferta cumple con lo solicitado." : null);
        return m;
    }

    static String v1(Instant t, int fractionDigits) {
        if (t == null) {
            return null;
        }
        String base = V1.format(t.atZone(Formats.CHILE));
        if (fractionDigits == 0) {
            return base;
        }
        int millis = Math.abs(t.hashCode() % 1000);
        String frac = String.format("%03d", millis).substring(0, fractionDigits);
        return base + "." + frac;
    }

    private static String visible(Instant t, Instant now, int digits) {
        return t == null || now.isBefore(t) ? null : v1(t, digits);
    }

    static String v2(Instant t) {
        return t == null ? null : V2.format(t.atZone(Formats.CHILE));
    }

    private static String fakeUtc(Instant t) {
        return t == null ? null : V2_FAKE_UTC.format(t.atZone(Formats.CHILE));
    }
}
