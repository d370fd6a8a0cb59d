package cl.andesops.mercadopublico;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of a v1 list call. {@code day} is sent as {@code fecha=DDMMAAAA} (zero-padded); the buyer and
 * supplier filters only work together with a day; {@code state} is an official slug ({@code activas},
 * {@code aceptada}, ...). With nothing set the API answers today's list.
 */
public record ListQuery(LocalDate day, String state, String buyerCode, String supplierCode) {

    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("ddMMyyyy");

    public static ListQuery today() {
        return new ListQuery(null, null, null, null);
    }

    public static ListQuery day(LocalDate day) {
        return new ListQuery(day, null, null, null);
    }

    public static ListQuery state(String state) {
        return new ListQuery(null, state, null, null);
    }

    public ListQuery withState(String slug) {
        return new ListQuery(day, slug, buyerCode, supplierCode);
    }

    public ListQuery withBuyer(String code) {
        return new ListQuery(day, state, code, supplierCode);
    }

    public ListQuery withSupplier(String code) {
        return new ListQuery(day, state, buyerCode, code);
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (day != null) {
            p.put("fecha", FECHA.format(day));
        }
        if (state != null) {
            p.put("estado", state);
        }
        if (buyerCode != null) {
            p.put("CodigoOrganismo", buyerCode);
        }
        if (supplierCode != null) {
            p.put("CodigoProveedor", supplierCode);
        }
        return p;
    }
}
