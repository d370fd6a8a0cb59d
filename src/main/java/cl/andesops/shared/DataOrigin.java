package cl.andesops.shared;

/**
 * Whether the records this instance holds are simulated, by where each came from: the live sync talks to the
 * built-in simulator when there is no Mercado Público ticket (demo mode), and the open-data history comes from the
 * simulator too unless {@code DATOS_ABIERTOS_BASE_URL} names a real host, in which case it is real. Whatever can
 * travel away from the screen (API answers, exports, PDFs, shared analyses) says so when its records are
 * simulated, and no official mercadopublico.cl link is offered for a simulated code: it would point at nothing, or
 * at a real and unrelated record.
 */
public interface DataOrigin {

    /** Whether what the live sync brings is simulated (no ticket: demo mode). */
    boolean simulated();

    /** Whether the open-data history is the simulator's; by default as the live sync. */
    default boolean historySimulated() {
        return simulated();
    }

    /** Whether one record is simulated, by where it came from last. */
    default boolean simulated(boolean fromOpenData) {
        return fromOpenData ? historySimulated() : simulated();
    }
}
