package cl.andesops.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.andesops.shared.format.QueryValues;

/**
 * The one address form of an {@link OrderFilter}: what the Monitor's address bar shows, what a saved search stores
 * and what the API's saved searches take as a screen's URL, so a link, a reload and an alert mean the same orders:
 * {@code ?q=…&desde=2026-11-01&hasta=2026-11-27&tipo=SE,AG&estado=6&region=…&comprador=…&proveedor=…&rubro=…
 * &min=…&max=…}. Anything malformed reads as absent, never as an error.
 */
public final class OrderFilterCodec {

    private OrderFilterCodec() {
    }

    public static Map<String, List<String>> encode(OrderFilter f) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        QueryValues.put(m, "q", f.text());
        QueryValues.put(m, "desde", f.from());
        QueryValues.put(m, "hasta", f.to());
        QueryValues.putAll(m, "tipo", f.types());
        QueryValues.putAll(m, "estado", f.states());
        QueryValues.put(m, "region", f.region());
        QueryValues.put(m, "comprador", f.buyerCode());
        QueryValues.put(m, "proveedor", f.supplierCode());
        QueryValues.putAll(m, "rubro", f.categories());
        QueryValues.put(m, "min", f.minAmount());
        QueryValues.put(m, "max", f.maxAmount());
        return m;
    }

    public static OrderFilter decode(Map<String, List<String>> p) {
        return new OrderFilter(QueryValues.first(p, "q"), QueryValues.ints(p, "estado"), QueryValues.list(p, "tipo"),
                QueryValues.first(p, "comprador"), QueryValues.first(p, "proveedor"), QueryValues.first(p, "region"),
                QueryValues.whole(p, "min"), QueryValues.whole(p, "max"),
                QueryValues.day(p, "desde", OrderFilter.FIRST_DAY, OrderFilter.LAST_DAY),
                QueryValues.day(p, "hasta", OrderFilter.FIRST_DAY, OrderFilter.LAST_DAY), QueryValues.list(p, "rubro"));
    }
}
