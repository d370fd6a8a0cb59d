package cl.andesops.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The simulator's Compra Ágil requests as ChileCompra's {@code trnspchc/COT_{YYYY}-{MM}.zip}: the real header, cp1252,
 * {@code ;}, decimal comma, {@code NA}; one row per requested product × supplier quote (a request without quotes
 * has one row per product), the same requests, quotes and outcomes the v2 API shows.
 */
final class SimQuoteFile {

    private static final List<String> HEADER = SimOpenData.header("/simulator/cot-header.csv");

    private SimQuoteFile() {
    }

    /** Writes the requests published in a month (up to yesterday when it is the current one). */
    static void write(SimWorld world, YearMonth month, LocalDate today, Instant now, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "COT1_%d-%02d.csv", month.getYear(),
                month.getMonthValue())));
        Writer w = new OutputStreamWriter(zip, SimOpenData.CP1252);
        SimOpenData.line(w, HEADER.stream().map(SimOpenData::quote).toList());
        LocalDate last = SimOpenData.lastDay(month, today);
        for (LocalDate day = month.atDay(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (SimWorld.CompraAgil c : world.compraAgilOf(day)) {
                if (c.publishedAt().isAfter(now)) {
                    continue;
                }
                write(w, c, now);
            }
        }
        w.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void write(Writer w, SimWorld.CompraAgil c, Instant now) {
        int state = c.stateId(now);
        Map<String, String> request = new HashMap<>();
        request.put("NombreOOPP", SimOpenData.quote(c.buyer().name()));
        request.put("RazonSocialUnidaddeCompra", SimOpenData.quote(c.buyer().name()));
        request.put("NombreUnidaddeCompra", SimOpenData.quote("Departamento de Adquisiciones"));
        request.put("RUTUnidaddeCompra", SimOpenData.quote(c.buyer().rut()));
        request.put("CodigoUnidaddeCompra", c.buyer().code());
        request.put("CodigoCotizacion", SimOpenData.quote(c.code()));
        request.put("NombreCotizacion", SimOpenData.quote(c.name()));
        request.put("DescripcionCotizacion", SimOpenData.quote(c.description()));
        request.put("DireccionEntrega", SimOpenData.quote("Avenida Principal 100, " + c.buyer().commune()));
        request.put("Region", SimOpenData.quote(c.buyer().region().name() + "  ")); // the files pad it
        request.put("FechaPublicacionParaCotizar", SimOpenData.date(c.publishedAt()));
        request.put("FechaCierreParaCotizar", SimOpenData.date(c.closesAt()));
        request.put("PlazoEntrega", Integer.toString(c.deliveryDays()));
        request.put("MontoTotalDisponble", SimOpenData.number(c.budget()));
        request.put("Estado", SimOpenData.quote(STATES.get(state)));
        request.put("CodigoOC", state == 4 ? SimOpenData.quote(orderCode(c)) : "NA");
        request.put("MotivoCancelacion", state == 5
                ? SimOpenData.quote("Se cancela por modificación presupuestaria.") : "NA");
        request.put("ConsideraRequisitosMedioambientales", SimOpenData.quote("No"));
        request.put("ConsideraRequisitosImpactoSocialEconomico", SimOpenData.quote("No"));
        List<SimWorld.Quote> quotes = c.quotesAt(now);
        // the buyer's stated reason for its choice: the price, unless it chose a dearer quote
        if (state == 4) {
            request.put("NombreCriterio", SimOpenData.quote(c.plant() == SimPlants.Plant.CA_CHEAPEST_NOT_CHOSEN
                    ? "Plazos de entrega, el proveedor ofreció el plazo de entrega más conveniente"
                    : "Precio, el proveedor ofreció el menor precio"));
        }
        for (SimWorld.CaProduct p : c.products()) {
            Map<String, String> product = new HashMap<>(request);
            product.put("ProductoCotizado", SimOpenData.quote(p.product().name()));
            product.put("CodigoProducto", p.product().productCode());
            product.put("NombreProductoGenerico", SimOpenData.quote(p.product().category()));
            product.put("CantidadSolicitada", SimOpenData.number(p.quantity()));
            if (quotes.isEmpty()) {
                row(w, product);
            }
            for (SimWorld.Quote q : quotes) {
                Map<String, String> v = new HashMap<>(product);
                v.put("RazonSocialProveedor", SimOpenData.quote(q.supplier().name()));
                v.put("RUTProveedor", SimOpenData.quote(q.supplier().rut()));
                v.put("Tamano", SimOpenData.quote("MiPyme"));
                v.put("DetalleCotizacion", SimOpenData.quote("Despacho incluido. Plazo " + c.deliveryDays()
                        + " días hábiles."));
                v.put("ProveedorSeleccionado", SimOpenData.quote(q.selected() && state == 4 ? "si" : "no"));
                v.put("moneda", SimOpenData.quote("CLP"));
                v.put("MontoTotal", SimOpenData.number(total(c, q)));
                row(w, v);
            }
        }
    }

    private static final Map<Integer, String> STATES = Map.of(2, "Publicada", 3, "Cerrada", 4,
            "Proveedor seleccionado", 5, "Cancelada", 6, "Desierta");

    /** The order that follows a selected quote, as the API's {@code id_orden_compra} names it. */
    static String orderCode(SimWorld.CompraAgil c) {
        return c.code().replace("-COT", "-AG").replaceFirst("-(\\d+)-", "-9$1-");
    }

    /** A quote's total: each product's unit price times the quantity asked. */
    private static BigDecimal total(SimWorld.CompraAgil c, SimWorld.Quote q) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < c.products().size(); i++) {
            total = total.add(q.unitPrices().get(i).multiply(c.products().get(i).quantity()));
        }
        return total;
    }

    private static void row(Writer w, Map<String, String> v) {
        List<String> fields = new ArrayList<>(HEADER.size());
        for (String h : HEADER) {
            fields.add(v.getOrDefault(h, "NA"));
        }
        SimOpenData.line(w, fields);
    }
}
