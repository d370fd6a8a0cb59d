package cl.andesops.analysis;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The words of computed facts in the visitor's language. The Spanish phrase is its own key (the product's first
 * language, what the facts always said); English has a phrase for each. {@link FactsService} computes a subject's
 * facts within {@link #in}, so the fact builders call {@link #t} without a locale passed through every method.
 */
final class FactsText {

    private static final ThreadLocal<Locale> LOCALE = new ThreadLocal<>();

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("Órdenes de compra (12 meses)", "Purchase orders (12 months)"),
            Map.entry("Señales de integridad (motivos para mirar, no prueba)",
                    "Integrity signals (reasons to look, not proof)"),
            Map.entry("Señal", "Signal"),
            Map.entry("Registros", "Records"),
            Map.entry("Evidencia del primero", "Evidence of the first"),
            Map.entry("Órdenes recibidas (12 meses)", "Orders received (12 months)"),
            Map.entry("Monto total (12 meses)", "Total amount (12 months)"),
            Map.entry("Órdenes de compra", "Purchase orders"),
            Map.entry("Monto total", "Total amount"),
            Map.entry("Mediana por orden", "Median per order"),
            Map.entry("Proveedores distintos", "Distinct suppliers"),
            Map.entry("Compradores distintos", "Distinct buyers"),
            Map.entry("Principales proveedores", "Top suppliers"),
            Map.entry("Principales compradores", "Top buyers"),
            Map.entry("Proveedor", "Supplier"),
            Map.entry("Comprador", "Buyer"),
            Map.entry("Concentración: proveedor principal", "Concentration: top supplier"),
            Map.entry("Dependencia: comprador principal", "Dependence: top buyer"),
            Map.entry("Licitaciones recientes del comprador", "The buyer's recent tenders"),
            Map.entry("Comprador {0} · últimos 12 meses", "Buyer {0} · last 12 months"),
            Map.entry("Proveedor {0} · últimos 12 meses", "Supplier {0} · last 12 months"),
            Map.entry("Precios del proveedor por producto", "The supplier's prices by product"),
            Map.entry("Licitaciones adjudicadas", "Tenders won"),
            Map.entry("Licitaciones adjudicadas recientes", "Recent tenders won"),
            Map.entry("Licitación", "Tender"),
            Map.entry("Nombre", "Name"),
            Map.entry("Líneas adjudicadas", "Lines won"),
            Map.entry("Precios unitarios por producto", "Unit prices by product"),
            Map.entry("Mercado: {0}", "Market: {0}"),
            Map.entry("todas las categorías", "every category"),
            Map.entry("{0} al {1}", "{0} to {1}"),
            Map.entry("Estado", "State"),
            Map.entry("tipo {0}", "type {0}"),
            Map.entry("Monto estimado", "Estimated amount"),
            Map.entry("no publicado", "not published"),
            Map.entry("Publicada", "Published"),
            Map.entry("quedan {0} días", "{0} days left"),
            Map.entry("cerrada", "closed"),
            Map.entry("Cierre de ofertas", "Bids close"),
            Map.entry("Cierre de preguntas", "Questions close"),
            Map.entry("Publicación de respuestas", "Answers published"),
            Map.entry("Adjudicación estimada", "Estimated award"),
            Map.entry("Adjudicada", "Awarded"),
            Map.entry("Duración del contrato", "Contract duration"),
            Map.entry("Reclamos contra el comprador", "Complaints against the buyer"),
            Map.entry("Oferentes", "Bidders"),
            Map.entry("Ítems solicitados", "Items requested"),
            Map.entry("Línea", "Line"),
            Map.entry("Código UNSPSC", "UNSPSC code"),
            Map.entry("Producto", "Product"),
            Map.entry("Cantidad", "Quantity"),
            Map.entry("Adjudicación", "Award"),
            Map.entry("RUT", "RUT"),
            Map.entry("Precio unitario", "Unit price"),
            Map.entry("Órdenes en la categoría (12 meses, todo el país)", "Orders in the category (12 months, whole country)"),
            Map.entry("{0} proveedores", "{0} suppliers"),
            Map.entry("Quién gana en esta categoría (12 meses)", "Who wins in this category (12 months)"),
            Map.entry("Precios pagados en la categoría (12 meses)", "Prices paid in the category (12 months)"),
            Map.entry("Proveedores habituales de este comprador (12 meses)", "This buyer's usual suppliers (12 months)"),
            Map.entry("Otras licitaciones del comprador", "The buyer's other tenders"),
            Map.entry("Licitación {0}", "Tender {0}"),
            Map.entry("Cobertura de los datos", "Data coverage"),
            Map.entry("las órdenes guardadas empiezan el {0}: el período pedido empieza antes y sus cifras cubren solo "
                    + "desde esa fecha", "the stored orders start on {0}: the period asked for starts earlier and its "
                    + "figures cover only from that date"),
            Map.entry("Órdenes", "Orders"),
            Map.entry("Monto", "Amount"),
            Map.entry("Participación", "Share"),
            Map.entry("Procedimientos (tipo de orden)", "Procedures (order type)"),
            Map.entry("Tipo", "Type"),
            Map.entry("Categorías (UNSPSC)", "Categories (UNSPSC)"),
            Map.entry("Categoría", "Category"),
            Map.entry("Órdenes inusuales (señales de alerta)", "Unusual orders (red flags)"),
            Map.entry("Orden", "Order"),
            Map.entry("Motivo", "Reason"),
            Map.entry("Trato directo (sin licitación ni convenio marco)", "Direct award (no tender, no framework)"),
            Map.entry("{0} orden, {1} ({2} del monto)", "{0} order, {1} ({2} of the amount)"),
            Map.entry("{0} órdenes, {1} ({2} del monto)", "{0} orders, {1} ({2} of the amount)"),
            Map.entry("Órdenes inusuales", "Unusual orders"),
            Map.entry("Monto y órdenes por día", "Amount and orders by day"),
            Map.entry("Monto y órdenes por mes", "Amount and orders by month"),
            Map.entry("Líneas", "Lines"),
            Map.entry("Precio unitario mediano", "Median unit price"),
            Map.entry("Mínimo", "Minimum"),
            Map.entry("Máximo", "Maximum"),
            Map.entry("Licitaciones del comprador registradas", "The buyer's tenders on record"),
            Map.entry("Oferentes promedio", "Average bidders"),
            Map.entry("Licitaciones con un solo oferente", "Tenders with a single bidder"),
            Map.entry("Licitaciones desiertas", "Tenders declared void"),
            Map.entry("Reclamos recibidos por el comprador", "Complaints received by the buyer"),
            Map.entry("Cierre", "Closes"),
            Map.entry("sin datos", "no data"),
            Map.entry("{0} con el {1} del monto", "{0} with {1} of the amount"),
            Map.entry("{0} veces lo habitual del comprador en la categoría", "{0} times the buyer's usual in the category"),
            Map.entry("sin emisión automática", "not issued automatically"),
            Map.entry("convenio marco", "framework agreement"),
            Map.entry("compra coordinada", "coordinated purchase"),
            Map.entry("trato directo", "direct award"),
            Map.entry("menor a 3 UTM", "under 3 UTM"),
            Map.entry("primera orden grande de un proveedor con este comprador",
                    "a supplier's first large order with this buyer"));

    private FactsText() {
    }

    /** Runs {@code work} with the facts' words in {@code locale}. */
    static <T> T in(Locale locale, Supplier<T> work) {
        Locale before = LOCALE.get();
        LOCALE.set(locale);
        try {
            return cl.andesops.shared.format.Formats.in(locale, work); // its numbers too
        } finally {
            if (before == null) {
                LOCALE.remove();
            } else {
                LOCALE.set(before);
            }
        }
    }

    /** The facts' language now (Spanish when none was set). */
    static Locale locale() {
        Locale l = LOCALE.get();
        return l == null ? cl.andesops.shared.I18n.SPANISH : l;
    }

    /** The phrase (Spanish, its own key) in the current facts' language, with its arguments filled in. */
    static String t(String spanish, Object... args) {
        Locale locale = LOCALE.get();
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String pattern = english ? ENGLISH.getOrDefault(spanish, spanish) : spanish;
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"),
                english ? Locale.ENGLISH : cl.andesops.shared.I18n.SPANISH).format(args);
    }

    /** Whether every phrase has its English: for the test that keeps the two lists together. */
    static java.util.Set<String> phrases() {
        return ENGLISH.keySet();
    }
}
