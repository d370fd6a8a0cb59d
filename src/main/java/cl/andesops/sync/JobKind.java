package cl.andesops.sync;

/** What a sync job fetches. */
public enum JobKind {
    /** Today's purchase orders, polled every few minutes. */
    TODAY_ORDERS,
    /** One day's purchase orders ({@code param} = the day). */
    DAY_ORDERS,
    /** The tenders with activity on one day. */
    DAY_TENDERS,
    /** Every tender open for bids now. */
    ACTIVE_TENDERS,
    /** Compra Ágil requests changed in a window ({@code param} = from/to). */
    COMPRA_AGIL
}
