package cl.andesops.mercadopublico;

import java.util.List;
import java.util.Optional;

/**
 * The v1 API (tenders, purchase orders, companies). Every call respects the spacing, the single request in flight
 * and the daily quota, and fails with a classified {@link MercadoPublicoException}.
 */
public interface MercadoPublicoClient {

    List<ListedOrder> orders(ListQuery query, Purpose purpose);

    Optional<OrderDetail> order(String code, Purpose purpose);

    List<ListedTender> tenders(ListQuery query, Purpose purpose);

    Optional<TenderDetail> tender(String code, Purpose purpose);

    /** {@code Empresas/BuscarProveedor}: the supplier's company code for a RUT ({@code 70.017.820-k}). */
    List<Company> findSupplier(String rut, Purpose purpose);

    /** {@code Empresas/BuscarComprador}: every buyer organism. */
    List<Company> buyers(Purpose purpose);

    /**
     * The public tender page ({@code DetailsAcquisition.aspx?idlicitacion=}) on the web host, through the same
     * gate (spacing, one at a time); empty when it cannot be fetched. It costs no API quota.
     */
    Optional<WebPage> tenderPage(String code);
}
