package cl.andesops.mercadopublico;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The v1 API over HTTP: {@code /servicios/v1/publico/...}, the ticket as a query parameter. */
final class HttpMercadoPublicoClient implements MercadoPublicoClient {

    static final String API = "v1";
    private static final String ROOT = "/servicios/v1/publico/";
    private final HttpTransport transport;

    HttpMercadoPublicoClient(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public List<ListedOrder> orders(ListQuery query, Purpose purpose) {
        return get("ordenesdecompra.json", query.parameters(), purpose, WireParser::orderList);
    }

    @Override
    public Optional<OrderDetail> order(String code, Purpose purpose) {
        return get("ordenesdecompra.json", Map.of("codigo", code), purpose, WireParser::order);
    }

    @Override
    public List<ListedTender> tenders(ListQuery query, Purpose purpose) {
        return get("licitaciones.json", query.parameters(), purpose, WireParser::tenderList);
    }

    @Override
    public Optional<TenderDetail> tender(String code, Purpose purpose) {
        return get("licitaciones.json", Map.of("codigo", code), purpose, WireParser::tender);
    }

    @Override
    public List<Company> findSupplier(String rut, Purpose purpose) {
        return get("Empresas/BuscarProveedor", Map.of("rutempresaproveedor", rut), purpose, WireParser::companies);
    }

    @Override
    public List<Company> buyers(Purpose purpose) {
        return get("Empresas/BuscarComprador", Map.of(), purpose, WireParser::companies);
    }

    @Override
    public Optional<WebPage> tenderPage(String code) {
        return transport.page(transport.endpoints().webBase(),
                "/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion="
                        + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
    }

    private <T> T get(String resource, Map<String, String> params, Purpose purpose,
                      java.util.function.BiFunction<Integer, byte[], T> parser) {
        return transport.get(API, transport.endpoints().v1Base(), ROOT + resource, params, false, purpose, parser);
    }
}
