package cl.andesops.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.OrderLine;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.mercadopublico.TenderLine;
import cl.andesops.mercadopublico.WireFormat;

/**
 * The simulator's months as ChileCompra publishes its open data: a ZIP holding one CSV in cp1252, {@code ;} between
 * quoted fields, the real header with its typos, decimal comma, {@code NA} for null, one row per order item. Made
 * from the same world the API answers from, so a demo starts with history and the import is tested offline.
 */
final class SimOpenData {

    static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Map<String, BigDecimal> CLP_PER = Map.of("CLF", BigDecimal.valueOf(39_500), "UF",
            BigDecimal.valueOf(39_500), "USD", BigDecimal.valueOf(950), "EUR", BigDecimal.valueOf(1_030), "UTM",
            BigDecimal.valueOf(68_000));
    private static final List<String> ORDER_HEADER = header("/simulator/oc-da-header.csv");

    private SimOpenData() {
    }

    static List<String> header(String resource) {
        try (InputStream in = SimOpenData.class.getResourceAsStream(resource)) {
            String line = new String(in.readAllBytes(), CP1252).strip();
            List<String> names = new ArrayList<>();
            for (String h : line.split(";")) {
                names.add(h.replace("\"", ""));
            }
            return List.copyOf(names);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The simulator's open-data header is missing: " + resource, e);
        }
    }

    /** The last day a month's file holds at {@code now}: the whole month once past, else up to yesterday. */
    static LocalDate lastDay(YearMonth month, LocalDate today) {
        LocalDate end = month.atEndOfMonth();
        return end.isBefore(today) ? end : today.minusDays(1);
    }

    /** Writes the purchase orders of a month (up to yesterday when it is the current one) as {@code oc-da}. */
    static void writeOrders(SimWorld world, YearMonth month, LocalDate today, Instant now, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(month.getYear() + "-" + month.getMonthValue() + ".csv"));
        Writer w = new OutputStreamWriter(zip, CP1252);
        line(w, ORDER_HEADER.stream().map(SimOpenData::quote).toList());
        long id = month.getYear() * 1_000_000L + month.getMonthValue() * 10_000L;
        for (LocalDate day = month.atDay(1); !day.isAfter(lastDay(month, today)); day = day.plusDays(1)) {
            for (SimWorld.Order o : world.ordersVisible(day, now)) {
                OrderDetail d = WireFormat.orderDetail(SimJson.write(SimJson.envelope(now, List.of(
                        SimJson.order(o, now))))).orElseThrow();
                id++;
                for (OrderLine l : d.items()) {
                    Map<String, String> v = orderRow(d, l, id);
                    List<String> fields = new ArrayList<>(ORDER_HEADER.size());
                    for (String h : ORDER_HEADER) {
                        fields.add(v.getOrDefault(h, "NA"));
                    }
                    line(w, fields);
                }
            }
        }
        w.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static Map<String, String> orderRow(OrderDetail d, OrderLine l, long id) {
        Map<String, String> v = new HashMap<>();
        v.put("ID", Long.toString(id));
        v.put("Codigo", quote(d.code()));
        v.put("Link", quote("http://www.mercadopublico.cl/PurchaseOrder/Modules/PO/DetailsPurchaseOrder.aspx?codigoOC="
                + d.code()));
        v.put("Nombre", quote(d.name()));
        v.put("Descripcion/Obervaciones", quote(d.description()));
        v.put("Tipo", quote(d.type()));
        v.put("CodigoTipo", number(d.typeCode() == null ? null : new BigDecimal(d.typeCode())));
        v.put("CodigoAbreviadoTipoOC", quote(d.type()));
        // how the order came to be, as the file says it (the API does not)
        boolean agile = "AG".equals(d.type());
        boolean direct = "D1".equals(d.type()) || "C1".equals(d.type()) || "F3".equals(d.type())
                || "G1".equals(d.type()) || "TD".equals(d.type());
        v.put("ProcedenciaOC", quote(agile ? "Compra Ágil" : direct ? "Trato directo" : "CM".equals(d.type())
                ? "Convenio Marco" : d.tenderCode() != null ? "Proveniente de licitación pública" : "Otro"));
        v.put("EsTratoDirecto", quote(direct ? "Si" : "No"));
        v.put("EsCompraAgil", quote(agile ? "Si" : "No"));
        v.put("codigoEstado", number(d.stateCode() == null ? null : BigDecimal.valueOf(d.stateCode())));
        v.put("Estado", quote(d.state()));
        v.put("codigoEstadoProveedor", number(d.supplierStateCode() == null ? null
                : BigDecimal.valueOf(d.supplierStateCode())));
        v.put("EstadoProveedor", quote(d.supplierState()));
        v.put("FechaCreacion", date(d.createdAt()));
        v.put("FechaEnvio", date(d.sentAt()));
        v.put("fechaUltimaModificacion", date(d.modifiedAt() != null ? d.modifiedAt() : d.createdAt()));
        v.put("FechaAceptacion", date(d.acceptedAt()));
        v.put("FechaCancelacion", date(d.cancelledAt()));
        v.put("tieneItems", "1");
        v.put("PromedioCalificacion", number(d.rating()));
        v.put("MontoTotalOC", number(d.total()));
        v.put("TipoMonedaOC", quote(d.currency()));
        BigDecimal rate = CLP_PER.get(d.currency() == null ? "CLP" : d.currency());
        v.put("MontoTotalOC_PesosChilenos", number(d.total() == null ? null : rate == null ? d.total()
                : d.total().multiply(rate)));
        v.put("Impuestos", number(d.tax()));
        v.put("TipoImpuesto", quote("IVA"));
        v.put("Descuentos", number(d.discounts()));
        v.put("Cargos", number(d.charges()));
        v.put("TotalNetoOC", number(d.netTotal()));
        v.put("CodigoUnidadCompra", quote(d.buyer().unitCode()));
        v.put("RutUnidadCompra", quote(d.buyer().unitRut()));
        v.put("UnidadCompra", quote(d.buyer().unitName()));
        v.put("CodigoOrganismoPublico", quote(d.buyer().organismCode()));
        v.put("OrganismoPublico", quote(d.buyer().organismName()));
        v.put("CiudadUnidadCompra", quote(d.buyer().commune()));
        v.put("RegionUnidadCompra", quote(d.buyer().region() == null ? null : d.buyer().region() + " "));
        v.put("PaisUnidadCompra", quote("CL"));
        v.put("CodigoSucursal", quote(d.supplier().branchCode()));
        v.put("RutSucursal", quote(d.supplier().rut()));
        v.put("Sucursal", quote(d.supplier().branchName()));
        v.put("CodigoProveedor", quote(d.supplier().code()));
        v.put("NombreProveedor", quote(d.supplier().name()));
        v.put("ActividadProveedor", quote(d.supplier().activity()));
        v.put("ComunaProveedor", quote(d.supplier().commune()));
        v.put("RegionProveedor", quote(d.supplier().region()));
        v.put("Financiamiento", quote(d.funding()));
        v.put("PorcentajeIva", number(d.taxRate()));
        v.put("TipoDespacho", quote(d.dispatchType()));
        v.put("FormaPago", quote(d.paymentTerms()));
        v.put("CodigoLicitacion", quote(d.tenderCode()));
        v.put("IDItem", Long.toString(id * 100 + l.line()));
        v.put("codigoCategoria", quote(l.categoryCode()));
        v.put("Categoria", quote(l.category()));
        v.put("codigoProductoONU", quote(l.productCode()));
        v.put("NombreroductoGenerico", quote(l.product()));
        v.put("EspecificacionComprador", quote(l.buyerSpec()));
        v.put("EspecificacionProveedor", quote(l.supplierSpec()));
        v.put("cantidad", number(l.quantity()));
        v.put("UnidadMedida", quote(l.unit()));
        v.put("monedaItem", quote(l.currency()));
        v.put("precioNeto", number(l.netPrice()));
        v.put("totalCargos", number(l.charges()));
        v.put("totalDescuentos", number(l.discounts()));
        v.put("totalImpuestos", number(l.taxes()));
        v.put("totalLineaNeto", number(l.total()));
        v.put("Forma de Pago", quote(d.paymentTerms()));
        return v;
    }

    private static final List<String> TENDER_HEADER = header("/simulator/lic-da-header.csv");

    /**
     * Writes the tenders published in a month (up to yesterday when it is the current one) as {@code lic-da}: one
     * row per tender × item × offer. Every bidder of an item offers: the winner at the awarded price (selected), the
     * others a few percent above it, suppliers drawn from the world's pool by the tender's code.
     */
    static void writeTenders(SimWorld world, YearMonth month, LocalDate today, Instant now, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry("lic_" + month.getYear() + "-" + month.getMonthValue() + ".csv"));
        Writer w = new OutputStreamWriter(zip, CP1252);
        line(w, TENDER_HEADER.stream().map(SimOpenData::quote).toList());
        long id = month.getYear() * 1_000_000L + month.getMonthValue() * 10_000L;
        for (LocalDate day = month.atDay(1); !day.isAfter(lastDay(month, today)); day = day.plusDays(1)) {
            for (SimWorld.Tender t : world.tendersOf(day)) {
                if (t.publishedAt().isAfter(now)) {
                    continue;
                }
                TenderDetail d = WireFormat.tenderDetail(SimJson.write(SimJson.envelope(now, List.of(
                        SimJson.tender(t, now))))).orElseThrow();
                id++;
                Map<String, String> base = tenderRow(d, id);
                for (TenderLine l : d.items()) {
                    Map<String, String> item = new HashMap<>(base);
                    item.putAll(lineRow(l));
                    List<Map<String, String>> offers = offers(world, d, l, t.bidders());
                    for (Map<String, String> offer : offers.isEmpty() ? List.of(Map.<String, String>of()) : offers) {
                        Map<String, String> v = new HashMap<>(item);
                        v.putAll(offer);
                        List<String> fields = new ArrayList<>(TENDER_HEADER.size());
                        for (String h : TENDER_HEADER) {
                            fields.add(v.getOrDefault(h, "NA"));
                        }
                        line(w, fields);
                    }
                }
            }
        }
        w.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static Map<String, String> tenderRow(TenderDetail d, long id) {
        Map<String, String> v = new HashMap<>();
        v.put("Codigo", Long.toString(id));
        v.put("Link", quote("http://www.mercadopublico.cl/fichaLicitacion.html?idLicitacion=" + d.code()));
        v.put("CodigoExterno", quote(d.code()));
        v.put("Nombre", quote(d.name()));
        v.put("Descripcion", quote(d.description()));
        v.put("CodigoEstado", number(d.stateCode() == null ? null : BigDecimal.valueOf(d.stateCode())));
        v.put("Estado", quote(d.state()));
        v.put("CodigoOrganismo", quote(d.buyer().organismCode()));
        v.put("NombreOrganismo", quote(d.buyer().organismName()));
        v.put("RutUnidad", quote(d.buyer().unitRut()));
        v.put("CodigoUnidad", quote(d.buyer().unitCode()));
        v.put("NombreUnidad", quote(d.buyer().unitName()));
        v.put("DireccionUnidad", quote(d.buyer().address()));
        v.put("ComunaUnidad", quote(d.buyer().commune()));
        v.put("RegionUnidad", quote(d.buyer().region() == null ? null : d.buyer().region() + " "));
        v.put("CodigoTipo", number(d.typeCode() == null ? null : BigDecimal.valueOf(d.typeCode())));
        v.put("Tipo", quote(d.type()));
        // how it was called, as only the file says: public types open, private ones by invitation
        v.put("TipoConvocatoria", quote(d.typeCode() == null ? null : d.typeCode() == 1 ? "1" : "0"));
        v.put("ExtensionPlazo", quote("0"));
        v.put("CriteriosEvaluacion", quote("Precio ; Plazo de entrega ; Experiencia"));
        v.put("CodigoMoneda", quote(d.currency()));
        v.put("Etapas", number(d.stages() == null ? null : BigDecimal.valueOf(d.stages())));
        v.put("CantidadReclamos", number(d.complaints() == null ? null : BigDecimal.valueOf(d.complaints())));
        v.put("FechaCreacion", date(d.createdAt()));
        v.put("FechaCierre", date(d.closesAt()));
        v.put("FechaInicio", date(d.forumOpensAt()));
        v.put("FechaFinal", date(d.forumClosesAt()));
        v.put("FechaPubRespuestas", date(d.answersAt()));
        v.put("FechaActoAperturaTecnica", date(d.technicalOpeningAt()));
        v.put("FechaActoAperturaEconomica", date(d.economicOpeningAt()));
        v.put("FechaPublicacion", date(d.publishedAt()));
        v.put("FechaAdjudicacion", date(d.awardedAt()));
        v.put("FechaEstimadaAdjudicacion", date(d.estimatedAwardAt()));
        v.put("Estimacion", number(d.estimation() == null ? null : BigDecimal.valueOf(d.estimation())));
        v.put("FuenteFinanciamiento", quote(d.funding()));
        v.put("VisibilidadMonto", number(d.amountVisible() == null ? null : BigDecimal.valueOf(d.amountVisible())));
        v.put("MontoEstimado", number(d.estimatedAmount()));
        v.put("TipoPago", number(d.paymentModality() == null ? null : BigDecimal.valueOf(d.paymentModality())));
        v.put("TiempoDuracionContrato", quote(d.contractDuration()));
        v.put("NumeroOferentes", number(d.award() == null || d.award().bidders() == null ? null
                : BigDecimal.valueOf(d.award().bidders())));
        return v;
    }

    private static Map<String, String> lineRow(TenderLine l) {
        Map<String, String> v = new HashMap<>();
        v.put("Correlativo", Integer.toString(l.line()));
        v.put("CodigoProductoONU", quote(l.productCode()));
        String[] levels = l.category() == null ? new String[0] : l.category().split(" / ");
        for (int i = 0; i < 3 && i < levels.length; i++) {
            v.put("Rubro" + (i + 1), quote(levels[i].strip()));
        }
        v.put("Nombre producto genrico", quote(l.productName()));
        v.put("Nombre linea Adquisicion", quote(l.productName()));
        v.put("Descripcion linea Adquisicion", quote(l.description()));
        v.put("UnidadMedida", quote(l.unit()));
        v.put("Cantidad", number(l.quantity()));
        return v;
    }

    /**
     * The offers of an item: the winner's (selected) and the other bidders', a few percent dearer, all accepted;
     * unless the tender carries a planted pattern (SimPlants): the rivals rejected, the rivals far cheaper than the
     * winner, a rival offering the winner's very total, or the winner paid half again its offer.
     */
    private static List<Map<String, String>> offers(SimWorld world, TenderDetail d, TenderLine l, int bidders) {
        List<Map<String, String>> out = new ArrayList<>();
        BigDecimal base = l.award() != null && l.award().unitPrice() != null ? l.award().unitPrice() : null;
        if (base == null || bidders <= 0) {
            return out;
        }
        SimPlants.Plant plant = world.tender(d.code()).map(SimWorld.Tender::plant).orElse(null);
        List<SimCatalog.Supplier> pool = world.catalog.suppliers;
        String winnerRut = l.award().supplierRut();
        boolean awarded = d.stateCode() != null && d.stateCode() == 8;
        for (int i = 0; i < bidders; i++) {
            boolean winner = i == 0;
            SimCatalog.Supplier s = pool.get(Math.floorMod((d.code() + "|" + l.line() + "|" + i).hashCode(),
                    pool.size()));
            String rut = winner ? winnerRut : s.rut();
            if (!winner && rut.equals(winnerRut)) {
                s = pool.get(Math.floorMod((d.code() + "|" + l.line() + "|" + i).hashCode() + 1, pool.size()));
                rut = s.rut();
                if (rut.equals(winnerRut)) {
                    continue;
                }
            }
            // each rival a markup of its own (3 % apart): two rivals never offer the same by chance
            BigDecimal price = winner ? base : base.multiply(BigDecimal.valueOf(100 + 3 * i + Math.floorMod(
                    (d.code() + l.line()).hashCode(), 3))).movePointLeft(2).setScale(0, RoundingMode.HALF_UP);
            if (!winner && plant == SimPlants.Plant.WINNER_OVER_CHEAPEST) {
                // far cheaper than the winner, each rival its own price (identical bids are another pattern)
                price = base.multiply(BigDecimal.valueOf(50 + 2 * i)).movePointLeft(2).setScale(0,
                        RoundingMode.HALF_UP);
            } else if (i == 1 && plant == SimPlants.Plant.IDENTICAL_BIDS) {
                price = base;
            }
            String state = !winner && plant == SimPlants.Plant.RIVALS_REJECTED ? "Rechazada" : "Aceptada";
            BigDecimal paid = winner && plant == SimPlants.Plant.AWARD_OVER_ESTIMATE
                    ? price.multiply(BigDecimal.valueOf(1.5)) : price;
            Map<String, String> v = new HashMap<>();
            String code = winner ? pool.stream().filter(x -> x.rut().equals(winnerRut)).map(SimCatalog.Supplier::code)
                    .findFirst().orElse(null) : s.code();
            v.put("CodigoProveedor", quote(code == null ? rut : code));
            v.put("RutProveedor", quote(rut));
            v.put("NombreProveedor", quote(winner ? l.award().supplierName() : s.name()));
            v.put("RazonSocialProveedor", quote(winner ? l.award().supplierName() : s.name()));
            v.put("Nombre de la Oferta", quote("Oferta " + (winner ? l.award().supplierName() : s.name())));
            v.put("Estado Oferta", quote(state));
            v.put("Cantidad Ofertada", number(l.quantity()));
            v.put("Moneda de la Oferta", quote("Peso Chileno"));
            v.put("MontoUnitarioOferta", number(price));
            v.put("Valor Total Ofertado", number(l.quantity() == null ? null : price.multiply(l.quantity())));
            v.put("CantidadAdjudicada", number(winner && awarded ? l.award().quantity() : BigDecimal.ZERO));
            v.put("MontoLineaAdjudica", number(winner && awarded && l.award().quantity() != null
                    ? paid.multiply(l.award().quantity()) : BigDecimal.ZERO));
            v.put("FechaEnvioOferta", date(d.closesAt()));
            v.put("Oferta seleccionada", quote(winner && awarded ? "Seleccionada" : "No Seleccionada"));
            out.add(v);
        }
        return out;
    }

    static void line(Writer w, List<String> fields) {
        try {
            w.write(String.join(";", fields));
            w.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text field as the files quote it; null is {@code NA}, unquoted. */
    static String quote(String s) {
        return s == null ? "NA" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A number with a decimal comma, unquoted; null is {@code NA}. */
    static String number(BigDecimal d) {
        if (d == null) {
            return "NA";
        }
        BigDecimal n = d.scale() > 6 ? d.setScale(6, RoundingMode.HALF_UP) : d;
        return n.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A day as {@code yyyy-MM-dd}, quoted; null is the files' "no date", 1900-01-01. */
    static String date(Instant t) {
        return t == null ? "\"1900-01-01\"" : "\"" + LocalDate.ofInstant(t, cl.andesops.shared.format.Formats.CHILE)
                + "\"";
    }
}
