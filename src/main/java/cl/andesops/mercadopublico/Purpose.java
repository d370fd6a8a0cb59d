package cl.andesops.mercadopublico;

/**
 * Why a request is made. Background work (the sync) stops when only the reserve of the daily quota is left, so
 * a person pressing a button (a probe, an on-demand refresh) can still be served.
 */
public enum Purpose {
    BACKGROUND, INTERACTIVE
}
