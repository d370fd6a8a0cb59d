package cl.andesops.tenders;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cl.andesops.shared.format.QueryValues;

/**
 * The one address form of a {@link TenderQuery}: what the tender search's address bar shows and what a saved search
 * stores: {@code ?q=…&estado=…&tipo=…&region=…&comprador=…&categoria=…&cierre=week&monto=5to50&orden=closing}, a
 * facet's values as repeated keys. Anything malformed reads as absent, never as an error.
 */
public final class TenderQueryCodec {

    /** Facet dimension → its key in the address. */
    public static final Map<String, String> FACETS = orderedFacets();
    public static final List<String> AMOUNTS = TenderWindows.AMOUNTS;

    private TenderQueryCodec() {
    }

    private static Map<String, String> orderedFacets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("state", "estado");
        m.put("type", "tipo");
        m.put("region", "region");
        m.put("buyer", "comprador");
        m.put("category", "categoria");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Map<String, List<String>> encode(TenderQuery q) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        QueryValues.put(m, "q", q.text());
        FACETS.forEach((dim, key) -> {
            Set<String> values = values(q, dim);
            if (!values.isEmpty()) {
                m.put(key, values.stream().sorted().toList());
            }
        });
        QueryValues.put(m, "cierre", q.closing());
        QueryValues.put(m, "monto", q.amount());
        if (q.order() != TenderQuery.Order.RELEVANCE) {
            m.put("orden", List.of(q.order().name().toLowerCase(Locale.ROOT)));
        }
        return m;
    }

    public static TenderQuery decode(Map<String, List<String>> p) {
        String closing = QueryValues.first(p, "cierre");
        String amount = QueryValues.first(p, "monto");
        String order = QueryValues.first(p, "orden");
        TenderQuery.Order o = order == null ? TenderQuery.Order.RELEVANCE : Arrays.stream(TenderQuery.Order.values())
                .filter(x -> x.name().equalsIgnoreCase(order.strip())).findFirst().orElse(TenderQuery.Order.RELEVANCE);
        String text = QueryValues.first(p, "q");
        return new TenderQuery(text == null ? "" : text, facet(p, "state"), facet(p, "type"), facet(p, "region"),
                facet(p, "buyer"), facet(p, "category"),
                closing != null && TenderWindows.CLOSING.contains(closing) ? closing : null,
                amount != null && AMOUNTS.contains(amount) ? amount : null, o);
    }

    /** A facet's values as the address gives them, each key repeated (a value may hold a comma: a buyer's name). */
    private static Set<String> facet(Map<String, List<String>> p, String dim) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : p.getOrDefault(FACETS.get(dim), List.of())) {
            if (v != null && !v.isBlank() && v.length() <= 200) {
                out.add(v);
            }
        }
        return out;
    }

    public static Set<String> values(TenderQuery q, String dim) {
        return switch (dim) {
            case "state" -> q.states();
            case "type" -> q.types();
            case "region" -> q.regions();
            case "buyer" -> q.buyers();
            case "category" -> q.categories();
            default -> Set.of();
        };
    }
}
