package cl.andesops.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cl.andesops.mercadopublico.BuyerInfo;
import cl.andesops.mercadopublico.OrderDetail;
import cl.andesops.mercadopublico.OrderLine;
import cl.andesops.mercadopublico.SupplierInfo;
import cl.andesops.opendata.Columns.Column;

/**
 * The purchase-order dataset ({@code oc-da/{YYYY}-{M}.zip}): one row per order item, the order's fields repeated on
 * each. The rows of one order become the same {@link OrderDetail} the API's detail gives, with its items, buyer
 * and supplier, plus what only the file has: the amount in pesos as ChileCompra converted it, the last change, and
 * how the order came to be (its origin, whether a direct award or Compra Ágil, its framework agreement).
 */
final class OrderRows {

    static final List<Column> COLUMNS = List.of(
            Column.required("code", "Codigo"),
            Column.optional("name", "Nombre"),
            Column.optional("description", "Descripcion/Obervaciones", "Descripcion/Observaciones", "Descripcion"),
            Column.optional("type", "CodigoAbreviadoTipoOC", "Tipo"),
            Column.optional("typeCode", "CodigoTipo"),
            Column.optional("stateCode", "codigoEstado"),
            Column.optional("state", "Estado"),
            Column.optional("supplierStateCode", "codigoEstadoProveedor"),
            Column.optional("supplierState", "EstadoProveedor"),
            Column.required("createdAt", "FechaCreacion"),
            Column.optional("sentAt", "FechaEnvio"),
            Column.optional("modifiedAt", "fechaUltimaModificacion", "FechaUltimaModificacion"),
            Column.optional("acceptedAt", "FechaAceptacion"),
            Column.optional("cancelledAt", "FechaCancelacion"),
            Column.optional("rating", "PromedioCalificacion"),
            Column.optional("total", "MontoTotalOC"),
            Column.optional("currency", "TipoMonedaOC"),
            Column.optional("totalClp", "MontoTotalOC_PesosChilenos"),
            Column.optional("tax", "Impuestos"),
            Column.optional("discounts", "Descuentos"),
            Column.optional("charges", "Cargos"),
            Column.optional("netTotal", "TotalNetoOC"),
            Column.optional("unitCode", "CodigoUnidadCompra"),
            Column.optional("unitRut", "RutUnidadCompra"),
            Column.optional("unitName", "UnidadCompra"),
            Column.optional("organismCode", "CodigoOrganismoPublico"),
            Column.optional("organismName", "OrganismoPublico"),
            Column.optional("sector", "sector"),
            Column.optional("unitCity", "CiudadUnidadCompra"),
            Column.optional("unitRegion", "RegionUnidadCompra"),
            Column.optional("branchCode", "CodigoSucursal"),
            Column.optional("branchRut", "RutSucursal"),
            Column.optional("branchName", "Sucursal"),
            Column.optional("supplierCode", "CodigoProveedor"),
            Column.optional("supplierName", "NombreProveedor"),
            Column.optional("supplierActivity", "ActividadProveedor"),
            Column.optional("supplierCommune", "ComunaProveedor"),
            Column.optional("supplierRegion", "RegionProveedor"),
            Column.optional("funding", "Financiamiento"),
            Column.optional("taxRate", "PorcentajeIva"),
            Column.optional("dispatch", "TipoDespacho"),
            Column.optional("payment", "FormaPago", "Forma de Pago"),
            Column.optional("tenderCode", "CodigoLicitacion"),
            Column.optional("origin", "ProcedenciaOC"),
            Column.optional("directAward", "EsTratoDirecto"),
            Column.optional("compraAgil", "EsCompraAgil"),
            Column.optional("frameworkCode", "Codigo_ConvenioMarco", "idPlanDeCompra"),
            Column.optional("itemId", "IDItem"),
            Column.optional("categoryCode", "codigoCategoria"),
            Column.optional("category", "Categoria"),
            Column.optional("productCode", "codigoProductoONU"),
            Column.optional("product", "NombreroductoGenerico", "NombreProductoGenerico"),
            Column.optional("buyerSpec", "EspecificacionComprador"),
            Column.optional("supplierSpec", "EspecificacionProveedor"),
            Column.optional("quantity", "cantidad"),
            Column.optional("unit", "UnidadMedida"),
            Column.optional("itemCurrency", "monedaItem"),
            Column.optional("netPrice", "precioNeto"),
            Column.optional("itemCharges", "totalCargos"),
            Column.optional("itemDiscounts", "totalDescuentos"),
            Column.optional("itemTaxes", "totalImpuestos"),
            Column.optional("itemTotal", "totalLineaNeto"));

    /** An order as the file says it: the API's shape, the file's peso amount and its last change. */
    record FileOrder(OrderDetail detail, BigDecimal totalClp, Instant modifiedAt, long firstLine,
            cl.andesops.orders.OrderWriter.FileFacts facts) {
    }

    private OrderRows() {
    }

    /** The order of consecutive rows sharing one code (the caller groups them), items in file order. */
    static FileOrder order(Columns c, List<OpenDataFile.Row> rows) {
        OpenDataFile.Row r = rows.getFirst();
        List<OrderLine> items = new ArrayList<>();
        int line = 0;
        for (OpenDataFile.Row item : rows) {
            if (c.text(item, "productCode") == null && c.text(item, "itemId") == null) {
                continue; // an order published without items
            }
            items.add(new OrderLine(++line, c.text(item, "categoryCode"), c.text(item, "category"),
                    c.text(item, "productCode"), c.text(item, "product"), c.text(item, "buyerSpec"),
                    c.text(item, "supplierSpec"), c.decimal(item, "quantity"), c.text(item, "unit"),
                    c.text(item, "itemCurrency"), c.decimal(item, "netPrice"), c.decimal(item, "itemCharges"),
                    c.decimal(item, "itemDiscounts"), c.decimal(item, "itemTaxes"), c.decimal(item, "itemTotal")));
        }
        BuyerInfo buyer = new BuyerInfo(c.text(r, "organismCode"), c.text(r, "organismName"), c.text(r, "unitRut"),
                c.text(r, "unitCode"), c.text(r, "unitName"), null, c.text(r, "unitCity"), c.text(r, "unitRegion"),
                c.text(r, "sector"));
        SupplierInfo supplier = new SupplierInfo(c.text(r, "supplierCode"), c.text(r, "supplierName"),
                c.text(r, "supplierActivity"), c.text(r, "branchCode"), c.text(r, "branchName"),
                c.text(r, "branchRut"), null, c.text(r, "supplierCommune"), c.text(r, "supplierRegion"));
        OrderDetail detail = new OrderDetail(c.text(r, "code"), c.text(r, "name"), c.text(r, "description"),
                c.integer(r, "stateCode"), c.text(r, "state"), c.text(r, "tenderCode"), c.text(r, "typeCode"),
                c.text(r, "type"), c.text(r, "currency"), c.integer(r, "supplierStateCode"), c.text(r, "supplierState"),
                c.date(r, "createdAt"), c.date(r, "sentAt"), c.date(r, "acceptedAt"), c.date(r, "cancelledAt"),
                c.date(r, "modifiedAt"), c.decimal(r, "rating"), c.decimal(r, "discounts"), c.decimal(r, "charges"),
                c.decimal(r, "netTotal"), c.decimal(r, "taxRate"), c.decimal(r, "tax"), c.decimal(r, "total"),
                c.text(r, "funding"), c.text(r, "dispatch"), c.text(r, "payment"), buyer, supplier, List.copyOf(items));
        return new FileOrder(detail, c.decimal(r, "totalClp"), c.date(r, "modifiedAt"), r.line(),
                new cl.andesops.orders.OrderWriter.FileFacts(c.text(r, "origin"), c.yesNo(r, "directAward"),
                        c.yesNo(r, "compraAgil"), c.text(r, "frameworkCode")));
    }
}
