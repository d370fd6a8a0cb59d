package cl.andesops.mercadopublico;

import java.util.Optional;

/** Parsing of captured or generated v1 bodies outside a client call (bulk loads, benchmarks). */
public final class WireFormat {

    private WireFormat() {
    }

    public static Optional<OrderDetail> orderDetail(byte[] body) {
        return WireParser.order(200, body);
    }

    public static Optional<TenderDetail> tenderDetail(byte[] body) {
        return WireParser.tender(200, body);
    }
}
