package cl.andesops.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.mercadopublico.CaProduct;
import cl.andesops.mercadopublico.CaQuote;
import cl.andesops.mercadopublico.CaRequest;
import cl.andesops.opendata.Columns.Column;

/**
 * The Compra Ágil dataset ({@code trnspchc/COT_{YYYY}-{MM}.zip}): one row per requested product × supplier quote.
 * The rows of one request become the API's {@link CaRequest} with its products and every quote (a supplier's
 * total, its text, whether it was selected and the order that followed).
 */
final class QuoteRows {

    static final List<Column> COLUMNS = List.of(
            Column.required("code", "CodigoCotizacion"),
            Column.optional("organism", "NombreOOPP"),
            Column.optional("unitName", "NombreUnidaddeCompra"),
            Column.optional("unitRut", "RUTUnidaddeCompra"),
            Column.optional("name", "NombreCotizacion"),
            Column.optional("description", "DescripcionCotizacion"),
            Column.optional("deliveryAddress", "DireccionEntrega"),
            Column.optional("region", "Region"),
            Column.optional("publishedAt", "FechaPublicacionParaCotizar"),
            Column.optional("closesAt", "FechaCierreParaCotizar"),
            Column.optional("deliveryDays", "PlazoEntrega"),
            Column.optional("available", "MontoTotalDisponble", "MontoTotalDisponible"),
            Column.optional("product", "ProductoCotizado"),
            Column.optional("productCode", "CodigoProducto"),
            Column.optional("productName", "NombreProductoGenerico", "NombreroductoGenerico"),
            Column.optional("quantity", "CantidadSolicitada"),
            Column.optional("state", "Estado"),
            Column.optional("supplierName", "RazonSocialProveedor"),
            Column.optional("supplierRut", "RUTProveedor"),
            Column.optional("quoteText", "DetalleCotizacion"),
            Column.optional("selected", "ProveedorSeleccionado"),
            Column.optional("currency", "moneda"),
            Column.optional("total", "MontoTotal"),
            Column.optional("orderCode", "CodigoOC"),
            Column.optional("cancelReason", "MotivoCancelacion"),
            Column.optional("size", "Tamano"),
            Column.optional("criterion", "NombreCriterio"));

    private QuoteRows() {
    }

    /** The request of consecutive rows sharing one code (the caller groups them). */
    static CaRequest request(Columns c, List<OpenDataFile.Row> rows) {
        OpenDataFile.Row r = rows.getFirst();
        Map<String, CaProduct> products = new LinkedHashMap<>();
        Map<String, CaQuote> quotes = new LinkedHashMap<>();
        for (OpenDataFile.Row row : rows) {
            String product = c.text(row, "product");
            String productCode = c.text(row, "productCode");
            String productKey = productCode + "|" + product;
            if ((product != null || productCode != null) && !products.containsKey(productKey)) {
                products.put(productKey, new CaProduct(products.size() + 1, productCode, product,
                        c.text(row, "productName"), c.decimal(row, "quantity"), null));
            }
            String rut = c.text(row, "supplierRut");
            if (rut != null && !quotes.containsKey(rut)) {
                boolean selected = Boolean.TRUE.equals(c.yesNo(row, "selected"));
                // the file gives no quote ids: the writer gives each quote a key of its own
                quotes.put(rut, new CaQuote(0, rut, c.text(row, "supplierName"), null, c.text(row, "quoteText"), null,
                        null, null, null, null, c.decimal(row, "total"), selected, null,
                        selected ? c.text(row, "orderCode") : null, List.of(), c.text(row, "size"),
                        c.text(row, "criterion")));
            }
        }
        return new CaRequest(c.text(r, "code"), c.text(r, "name"), null, null, c.text(r, "state"), null,
                c.date(r, "publishedAt"), c.date(r, "closesAt"), null, null, null, null, c.text(r, "currency"),
                c.decimal(r, "available"), c.decimal(r, "available"), null, null, c.text(r, "organism"),
                c.text(r, "unitRut"), c.text(r, "unitName"), null, c.text(r, "region"), quotes.size(),
                c.text(r, "cancelReason"), null, c.text(r, "description"), c.text(r, "deliveryAddress"),
                c.integer(r, "deliveryDays"), c.text(r, "orderCode"), true, new ArrayList<>(products.values()),
                new ArrayList<>(quotes.values()));
    }
}
