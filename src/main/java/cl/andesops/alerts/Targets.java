package cl.andesops.alerts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cl.andesops.compraagil.CompraAgilAddress;
import cl.andesops.orders.OrderFilterCodec;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.format.QueryValues;
import cl.andesops.tenders.TenderQueryCodec;

/**
 * What a screen's address asks to watch: a list's filter (its dataset and its query in the codec's one form) or a
 * record's or a party's page. Absolute addresses, of any host, are read by their path and query.
 */
final class Targets {

    private static final Pattern PAGE = Pattern.compile("^/(tenders|compra-agil|buyers|suppliers)/([^/?#]{1,60})$");

    private Targets() {
    }

    /** A list's filter in the form its codec writes (what its screen's address bar shows). */
    record Search(Dataset dataset, String query) {
    }

    /** A record or a party. */
    record Page(Follow.Kind kind, String code) {
    }

    static Optional<Search> search(String url) {
        String[] pq = pathAndQuery(url);
        if (pq == null) {
            return Optional.empty();
        }
        Map<String, List<String>> p = QueryValues.parse(pq[1]);
        return switch (pq[0]) {
            case "/tenders" -> Optional.of(new Search(Dataset.TENDERS, QueryValues.format(TenderQueryCodec.encode(
                    withoutOrder(TenderQueryCodec.decode(p))))));
            case "/compra-agil" -> Optional.of(new Search(Dataset.COMPRA_AGIL,
                    QueryValues.format(CompraAgilAddress.decode(p).encode())));
            case "/", "" -> {
                // the period is the screen's view, not the alert's: an alert tells of the orders that come
                var f = OrderFilterCodec.decode(p);
                var open = new cl.andesops.orders.OrderFilter(f.text(), f.states(), f.types(), f.buyerCode(),
                        f.supplierCode(), f.region(), f.minAmount(), f.maxAmount(), null, null, f.categories());
                yield Optional.of(new Search(Dataset.ORDERS, QueryValues.format(OrderFilterCodec.encode(open))));
            }
            default -> Optional.empty();
        };
    }

    private static cl.andesops.tenders.TenderQuery withoutOrder(cl.andesops.tenders.TenderQuery q) {
        return new cl.andesops.tenders.TenderQuery(q.text(), q.states(), q.types(), q.regions(), q.buyers(),
                q.categories(), q.closing(), q.amount(), cl.andesops.tenders.TenderQuery.Order.RELEVANCE);
    }

    static Optional<Page> page(String url) {
        String[] pq = pathAndQuery(url);
        if (pq == null) {
            return Optional.empty();
        }
        Matcher m = PAGE.matcher(pq[0]);
        if (!m.matches()) {
            return Optional.empty();
        }
        String code = java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8);
        Follow.Kind kind = switch (m.group(1)) {
            case "tenders" -> Follow.Kind.TENDER;
            case "compra-agil" -> Follow.Kind.COMPRA_AGIL;
            case "buyers" -> Follow.Kind.BUYER;
            default -> Follow.Kind.SUPPLIER;
        };
        return Optional.of(new Page(kind, code));
    }

    /** The path (no trailing slash but the root's) and the query of an address, or null when it is not one. */
    private static String[] pathAndQuery(String url) {
        if (url == null || url.isBlank() || url.length() > 4_000) {
            return null;
        }
        String u = url.strip();
        int scheme = u.indexOf("://");
        if (scheme > 0) {
            int slash = u.indexOf('/', scheme + 3);
            u = slash < 0 ? "/" : u.substring(slash);
        }
        if (!u.startsWith("/")) {
            u = "/" + u;
        }
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        int q = u.indexOf('?');
        String path = q < 0 ? u : u.substring(0, q);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new String[]{path, q < 0 ? "" : u.substring(q + 1)};
    }
}
