package cl.andesops.mercadopublico;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.shared.format.Formats;

/**
 * The filters of the v2 Compra Ágil list. The service needs at least one real filter; windows are sent in Chile
 * local time (its {@code Z} is false); {@code pageSize} must be 10-50.
 */
public record CaQuery(Instant changedFrom, Instant changedTo, Instant publishedFrom, Instant publishedTo,
                      List<String> states, List<Integer> regions, String text, int page, int pageSize) {

    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public CaQuery {
        states = states == null ? List.of() : List.copyOf(states);
        regions = regions == null ? List.of() : List.copyOf(regions);
        page = Math.max(1, page);
        pageSize = Math.clamp(pageSize, 10, 50);
    }

    public static CaQuery changedBetween(Instant from, Instant to, int page) {
        return new CaQuery(from, to, null, null, List.of(), List.of(), null, page, 50);
    }

    public CaQuery page(int n) {
        return new CaQuery(changedFrom, changedTo, publishedFrom, publishedTo, states, regions, text, n, pageSize);
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (changedFrom != null) {
            p.put("cambio_desde", local(changedFrom));
        }
        if (changedTo != null) {
            p.put("cambio_hasta", local(changedTo));
        }
        if (publishedFrom != null) {
            p.put("publicado_desde", local(publishedFrom));
        }
        if (publishedTo != null) {
            p.put("publicado_hasta", local(publishedTo));
        }
        if (!states.isEmpty()) {
            p.put("estado", String.join(",", states));
        }
        if (!regions.isEmpty()) {
            p.put("region", String.join(",", regions.stream().map(String::valueOf).toList()));
        }
        if (text != null && !text.isBlank()) {
            p.put("q", text.strip());
        }
        p.put("numero_pagina", Integer.toString(page));
        p.put("tamano_pagina", Integer.toString(pageSize));
        return p;
    }

    private static String local(Instant i) {
        return ISO_LOCAL.format(i.atZone(Formats.CHILE));
    }
}
