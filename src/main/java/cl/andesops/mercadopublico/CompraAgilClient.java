package cl.andesops.mercadopublico;

import java.util.Optional;

/** The v2 Compra Ágil API: a paged list with filters, and the detail of one request. */
public interface CompraAgilClient {

    CaPage list(CaQuery query, Purpose purpose);

    Optional<CaRequest> detail(String code, Purpose purpose);
}
