package cl.andesops.tenders.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the ASP.NET tender page ({@code DetailsAcquisition.aspx}) by the element ids the public scrapers rely on
 * (mercadopublico-api.md §5): {@code lblFicha3Cierre}, {@code lblFicha3Publicacion}, {@code lblFicha2Region},
 * {@code imgEstado}, {@code imgAdjuntos} (its onclick opens {@code ViewAttachment.aspx?enc=}),
 * {@code imgPreguntasLicitacion}, {@code imgOrdenCompra} ({@code PopUpListOC.aspx?qs=}) and the item rows
 * {@code grvProducto_ctlNN_lblProducto}. When none is found the layout changed, and it says so.
 */
public final class TenderPageParser {

    private static final Pattern URL_IN_SCRIPT = Pattern.compile("['\"]([^'\"]*\\.aspx\\?[^'\"]+)['\"]");

    private TenderPageParser() {
    }

    public static TenderPage parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html == null ? "" : html, pageUrl);
        String closes = text(doc, "lblFicha3Cierre");
        String published = text(doc, "lblFicha3Publicacion");
        String region = text(doc, "lblFicha2Region");
        Element state = doc.getElementById("imgEstado");
        String stateIcon = null;
        if (state != null) {
            String src = state.attr("src");
            int slash = src.lastIndexOf('/');
            stateIcon = src.substring(slash + 1).replace(".png", "");
        }
        String attachments = link(doc, "imgAdjuntos");
        String forum = link(doc, "imgPreguntasLicitacion");
        String orders = link(doc, "imgOrdenCompra");
        List<String> items = new ArrayList<>();
        for (Element e : doc.select("[id~=^grvProducto_ctl\\d+_lblProducto$]")) {
            String t = e.text().strip();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        boolean anything = closes != null || published != null || region != null || stateIcon != null
                || attachments != null || forum != null || orders != null || !items.isEmpty();
        if (!anything) {
            return TenderPage.failed(TenderPage.Status.LAYOUT_CHANGED);
        }
        return new TenderPage(TenderPage.Status.OK, attachments, forum, orders, closes, published, region, stateIcon,
                List.copyOf(items));
    }

    private static String text(Document doc, String id) {
        Element e = doc.getElementById(id);
        if (e == null) {
            return null;
        }
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }

    /** The URL an image button opens: its href, its parent link, or the .aspx URL inside its onclick script. */
    private static String link(Document doc, String id) {
        Element e = doc.getElementById(id);
        if (e == null) {
            return null;
        }
        for (Element candidate : List.of(e, e.parent() == null ? e : e.parent())) {
            String href = candidate.hasAttr("href") ? web(candidate.absUrl("href")) : null;
            if (href != null) {
                return href;
            }
            Matcher m = URL_IN_SCRIPT.matcher(candidate.attr("onclick"));
            if (m.find()) {
                String url = m.group(1);
                return web(url.startsWith("http") ? url : resolve(doc.location(), url));
            }
        }
        return null;
    }

    /** Only an http(s) address is a link we show: never javascript:, data: or anything else, in any case. */
    static String web(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI u = java.net.URI.create(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String resolve(String base, String relative) {
        try {
            return java.net.URI.create(base).resolve(relative.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
