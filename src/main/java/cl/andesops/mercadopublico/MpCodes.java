package cl.andesops.mercadopublico;

import java.util.Map;

/** Names for the state codes a list answer carries without them (mercadopublico-api.md §2.5). */
public final class MpCodes {

    private static final Map<Integer, String> ORDERS = Map.of(4, "Enviada a proveedor", 5, "En proceso",
            6, "Aceptada", 7, "Cancelación solicitada", 9, "Cancelada", 12, "Recepción conforme",
            13, "Pendiente de recepcionar", 14, "Recepcionada parcialmente", 15, "Recepción conforme incompleta");
    /** The order states a filter offers, in the order a buyer's process goes through them. */
    public static final java.util.List<Integer> ORDER_STATES = java.util.List.of(4, 5, 6, 7, 9, 12, 13, 14, 15);
    /** The order types seen in practice (mercadopublico-api.md §2.6). */
    public static final java.util.List<String> ORDER_TYPES = java.util.List.of("SE", "AG", "CM", "CC", "TD", "R1",
            "D1", "C1", "F3", "G1", "MC", "FG", "TL", "CA");

    private static final Map<Integer, String> TENDERS = Map.of(5, "Publicada", 6, "Cerrada", 7, "Desierta",
            8, "Adjudicada", 15, "Revocada", 18, "Revocada", 19, "Suspendida");

    private MpCodes() {
    }

    /** Unknown codes are kept as data: shown as "Estado N". */
    public static String order(Integer code) {
        return code == null ? null : ORDERS.getOrDefault(code, "Estado " + code);
    }

    public static String tender(Integer code) {
        return code == null ? null : TENDERS.getOrDefault(code, "Estado " + code);
    }

    /** The type is the letters before the two-digit year at the end of a code: {@code 2097-241-SE14} → SE. */
    public static String typeFromCode(String code) {
        if (code == null) {
            return null;
        }
        int dash = code.lastIndexOf('-');
        String tail = dash < 0 ? code : code.substring(dash + 1);
        return tail.length() > 2 ? tail.substring(0, tail.length() - 2) : null;
    }
}
