package cl.andesops.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.mercadopublico.AwardAct;
import cl.andesops.mercadopublico.BuyerInfo;
import cl.andesops.mercadopublico.LineAward;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.mercadopublico.TenderLine;
import cl.andesops.opendata.Columns.Column;
import cl.andesops.tenders.TenderOffer;

/**
 * The tender dataset ({@code lic-da/{YYYY}-{M}.zip}): one row per tender × item × offer. The rows of one tender
 * become the API's {@link TenderDetail} (items, with the award of each from the selected offers) plus what only
 * the file has: every offer of every bidder.
 */
final class TenderRows {

    static final List<Column> COLUMNS = List.of(
            Column.required("code", "CodigoExterno"),
            Column.optional("name", "Nombre"),
            Column.optional("description", "Descripcion"),
            Column.optional("stateCode", "CodigoEstado"),
            Column.optional("state", "Estado"),
            Column.optional("organismCode", "CodigoOrganismo"),
            Column.optional("organismName", "NombreOrganismo"),
            Column.optional("unitRut", "RutUnidad"),
            Column.optional("unitCode", "CodigoUnidad"),
            Column.optional("unitName", "NombreUnidad"),
            Column.optional("unitAddress", "DireccionUnidad"),
            Column.optional("unitCommune", "ComunaUnidad"),
            Column.optional("unitRegion", "RegionUnidad"),
            Column.optional("typeCode", "CodigoTipo"),
            Column.optional("type", "Tipo"),
            Column.optional("currency", "CodigoMoneda"),
            Column.optional("stages", "Etapas"),
            Column.optional("complaints", "CantidadReclamos"),
            Column.optional("createdAt", "FechaCreacion"),
            Column.optional("closesAt", "FechaCierre"),
            Column.optional("forumOpensAt", "FechaInicio"),
            Column.optional("forumClosesAt", "FechaFinal"),
            Column.optional("answersAt", "FechaPubRespuestas"),
            Column.optional("technicalOpeningAt", "FechaActoAperturaTecnica"),
            Column.optional("economicOpeningAt", "FechaActoAperturaEconomica"),
            Column.optional("publishedAt", "FechaPublicacion"),
            Column.optional("awardedAt", "FechaAdjudicacion"),
            Column.optional("openCall", "TipoConvocatoria"),
            Column.optional("timeExtension", "ExtensionPlazo"),
            Column.optional("criteria", "CriteriosEvaluacion"),
            Column.optional("estimatedAwardAt", "FechaEstimadaAdjudicacion"),
            Column.optional("estimation", "Estimacion"),
            Column.optional("funding", "FuenteFinanciamiento"),
            Column.optional("amountVisible", "VisibilidadMonto"),
            Column.optional("estimatedAmount", "MontoEstimado"),
            Column.optional("paymentType", "TipoPago"),
            Column.optional("duration", "TiempoDuracionContrato"),
            Column.optional("awardType", "TipoAprobacion"),
            Column.optional("awardNumber", "NumeroAprobacion"),
            Column.optional("awardDate", "FechaAprobacion"),
            Column.optional("bidders", "NumeroOferentes"),
            Column.optional("line", "Correlativo"),
            Column.optional("productCode", "CodigoProductoONU"),
            Column.optional("segment", "Rubro1"),
            Column.optional("family", "Rubro2"),
            Column.optional("class", "Rubro3"),
            Column.optional("productName", "Nombre producto genrico", "Nombre producto generico"),
            Column.optional("itemDescription", "Descripcion linea Adquisicion"),
            Column.optional("unit", "UnidadMedida"),
            Column.optional("quantity", "Cantidad"),
            Column.optional("supplierCode", "CodigoProveedor"),
            Column.optional("supplierRut", "RutProveedor"),
            Column.optional("supplierName", "NombreProveedor"),
            Column.optional("offerName", "Nombre de la Oferta"),
            Column.optional("offerState", "Estado Oferta"),
            Column.optional("offeredQuantity", "Cantidad Ofertada"),
            Column.optional("offerCurrency", "Moneda de la Oferta"),
            Column.optional("unitPrice", "MontoUnitarioOferta"),
            Column.optional("offerTotal", "Valor Total Ofertado"),
            Column.optional("awardedQuantity", "CantidadAdjudicada"),
            Column.optional("awardedAmount", "MontoLineaAdjudica"),
            Column.optional("offerSentAt", "FechaEnvioOferta"),
            Column.optional("selected", "Oferta seleccionada"));

    /** A tender as the file says it, with every offer. */
    record FileTender(TenderDetail detail, List<TenderOffer> offers, long firstLine,
            cl.andesops.tenders.TenderWriter.FileFacts facts) {
    }

    private TenderRows() {
    }

    /** The tender of consecutive rows sharing one code (the caller groups them). */
    static FileTender tender(Columns c, List<OpenDataFile.Row> rows) {
        OpenDataFile.Row r = rows.getFirst();
        List<TenderOffer> offers = new ArrayList<>();
        Map<Integer, OpenDataFile.Row> items = new LinkedHashMap<>();
        for (OpenDataFile.Row row : rows) {
            Integer line = c.integer(row, "line");
            if (line == null) {
                continue;
            }
            items.putIfAbsent(line, row);
            if (c.text(row, "supplierCode") != null || c.text(row, "supplierRut") != null) {
                offers.add(new TenderOffer(line, c.text(row, "supplierCode"), c.text(row, "supplierRut"),
                        c.text(row, "supplierName"), c.text(row, "offerName"), c.text(row, "offerState"),
                        c.decimal(row, "offeredQuantity"), c.text(row, "offerCurrency"), c.decimal(row, "unitPrice"),
                        c.decimal(row, "offerTotal"), c.decimal(row, "awardedQuantity"),
                        c.decimal(row, "awardedAmount"), c.date(row, "offerSentAt"),
                        "Seleccionada".equalsIgnoreCase(c.text(row, "selected"))));
            }
        }
        List<TenderLine> lines = new ArrayList<>();
        items.forEach((line, row) -> {
            String product = c.text(row, "productCode");
            LineAward award = offers.stream().filter(o -> o.line() == line && o.selected()).findFirst()
                    .map(o -> new LineAward(o.supplierRut(), o.supplierName(), o.awardedQuantity(), o.unitPrice()))
                    .orElse(null);
            lines.add(new TenderLine(line, product, category(product), categoryName(c, row),
                    c.text(row, "productName"), c.text(row, "itemDescription"), c.text(row, "unit"),
                    c.decimal(row, "quantity"), award));
        });
        BuyerInfo buyer = new BuyerInfo(c.text(r, "organismCode"), c.text(r, "organismName"), c.text(r, "unitRut"),
                c.text(r, "unitCode"), c.text(r, "unitName"), c.text(r, "unitAddress"), c.text(r, "unitCommune"),
                c.text(r, "unitRegion"));
        AwardAct act = new AwardAct(c.integer(r, "awardType"), c.date(r, "awardDate"), c.text(r, "awardNumber"),
                c.integer(r, "bidders"), null);
        TenderDetail detail = new TenderDetail(c.text(r, "code"), c.text(r, "name"), c.text(r, "description"),
                c.integer(r, "stateCode"), c.text(r, "state"), c.text(r, "type"), c.integer(r, "typeCode"),
                c.text(r, "currency"), c.integer(r, "stages"), c.integer(r, "complaints"), buyer,
                c.date(r, "createdAt"), c.date(r, "publishedAt"), c.date(r, "closesAt"), c.date(r, "forumOpensAt"),
                c.date(r, "forumClosesAt"), c.date(r, "answersAt"), c.date(r, "technicalOpeningAt"),
                c.date(r, "economicOpeningAt"), c.date(r, "awardedAt"), c.date(r, "estimatedAwardAt"),
                c.integer(r, "estimation"), c.integer(r, "amountVisible"), c.decimal(r, "estimatedAmount"),
                c.text(r, "funding"), c.integer(r, "paymentType"), c.text(r, "duration"), act, List.copyOf(lines));
        return new FileTender(detail, List.copyOf(offers), r.line(), new cl.andesops.tenders.TenderWriter.FileFacts(
                c.yesNo(r, "openCall"), c.yesNo(r, "timeExtension"), c.text(r, "criteria")));
    }

    /** The UNSPSC class of a product (its first six digits), as the API's category codes are. */
    private static String category(String product) {
        return product != null && product.length() == 8 ? product.substring(0, 6) + "00" : null;
    }

    /** "Segmento / Familia / Clase", as the API names categories. */
    private static String categoryName(Columns c, OpenDataFile.Row row) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("segment", "family", "class")) {
            String v = c.text(row, key);
            if (v != null) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : String.join(" / ", parts);
    }
}
