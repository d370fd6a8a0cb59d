package cl.andesops.shared;

/**
 * Whether the records this instance holds are the built-in simulator's (demo mode: no Mercado Público ticket) or
 * Mercado Público's. Whatever can travel away from the screen (API answers, exports, PDFs, shared analyses) says so
 * when they are simulated, and no official mercadopublico.cl link is offered for a simulated code: it would point
 * at nothing, or at a real and unrelated record.
 */
public interface DataOrigin {

    boolean simulated();
}
