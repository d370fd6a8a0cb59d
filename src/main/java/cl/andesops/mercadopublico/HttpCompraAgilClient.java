package cl.andesops.mercadopublico;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The v2 Compra Ágil API over HTTP: {@code /v2/compra-agil}, the ticket as a header. */
final class HttpCompraAgilClient implements CompraAgilClient {

    static final String API = "compra-agil";
    private final HttpTransport transport;

    HttpCompraAgilClient(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public CaPage list(CaQuery query, Purpose purpose) {
        return transport.get(API, transport.endpoints().compraAgilBase(), "/v2/compra-agil", query.parameters(),
                true, purpose, WireParser::compraAgilList);
    }

    @Override
    public Optional<CaRequest> detail(String code, Purpose purpose) {
        return transport.get(API, transport.endpoints().compraAgilBase(),
                "/v2/compra-agil/" + URLEncoder.encode(code, StandardCharsets.UTF_8), Map.of(), true, purpose,
                WireParser::compraAgilDetail);
    }
}
