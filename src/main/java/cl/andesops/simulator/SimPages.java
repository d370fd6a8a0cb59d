package cl.andesops.simulator;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jsoup.nodes.Entities;

import cl.andesops.shared.format.Formats;

/**
 * The public tender page as the real site lays it out (ASP.NET ids of mercadopublico-api.md §5), so the page
 * fetch and its parser can be used in demo mode.
 */
final class SimPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final String[] ICONS = {"", "", "", "", "", "publicadas", "cerrada", "desierta", "adjudicada",
            "", "", "", "", "", "", "revocada", "", "", "revocada", "suspendida"};

    private SimPages() {
    }

    static String tenderPage(SimWorld.Tender t, Instant now) {
        StringBuilder items = new StringBuilder();
        for (SimWorld.TenderLine l : t.lines()) {
            String n = String.format("%02d", l.n() + 1);
            items.append("<tr><td><span id=\"grvProducto_ctl").append(n).append("_lblNumero\">").append(l.n())
                    .append("</span></td><td><span id=\"grvProducto_ctl").append(n).append("_lblProducto\">")
                    .append(esc(l.product().name())).append("</span></td><td><span id=\"grvProducto_ctl").append(n)
                    .append("_lblCantidad\">").append(l.quantity().stripTrailingZeros().toPlainString())
                    .append("</span></td></tr>");
        }
        String code = esc(t.code());
        int state = t.stateCode(now);
        return "<!DOCTYPE html><html><head><title>" + code + "</title></head><body><form id=\"form1\">"
                + "<input type=\"hidden\" id=\"h_intRBFCode\" value=\"" + Math.abs(t.code().hashCode()) + "\"/>"
                + "<h1>" + esc(t.name()) + "</h1>"
                + "<img id=\"imgEstado\" src=\"/Procurement/Modules/RFB/Images/iconos_estados/" + ICONS[state]
                + ".png\"/>"
                + "<span id=\"lblFicha3Publicacion\">" + DATE.format(t.publishedAt().atZone(Formats.CHILE)) + "</span>"
                + "<span id=\"lblFicha3Cierre\">" + DATE.format(t.closesAt().atZone(Formats.CHILE)) + "</span>"
                + "<span id=\"lblFicha2Region\">" + esc(t.buyer().region().name()) + "</span>"
                + "<input type=\"image\" id=\"imgAdjuntos\" src=\"adjuntos.png\" onclick=\"javascript:open('"
                + "/Procurement/Modules/Attachment/ViewAttachment.aspx?enc=" + code + "','_blank');return false;\"/>"
                + "<input type=\"image\" id=\"imgPreguntasLicitacion\" src=\"preguntas.png\" onclick=\"javascript:"
                + "open('/Foros/Modules/FNormal/PopUps/PublicView.aspx?qs=" + code + "','_blank');return false;\"/>"
                + (state == 8 ? "<input type=\"image\" id=\"imgOrdenCompra\" src=\"oc.png\" onclick=\"javascript:"
                + "open('/Procurement/Modules/RFB/PopUpListOC.aspx?qs=" + code + "','_blank');return false;\"/>" : "")
                + "<table id=\"grvProducto\">" + items + "</table>"
                + "<span id=\"lblFicha7Subcontratacion\">No</span></form></body></html>";
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
