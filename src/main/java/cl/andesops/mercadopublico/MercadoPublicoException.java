package cl.andesops.mercadopublico;

/**
 * A failed call to Mercado Público, classified the way the API's rules require: what to do next depends on the
 * kind. Messages are in plain Spanish for the admin screen and never contain the ticket.
 */
public class MercadoPublicoException extends RuntimeException {

    public enum Kind {
        /** HTTP 203 / Codigo 203, v2 401/403: the ticket is invalid or its daily quota is spent. Stop, no retry. */
        AUTH_OR_QUOTA(false),
        /** Codigo 10500 / HTTP 429: requests too close together. Back off and retry. */
        BURST(true),
        /** Codigo 10300 / v2 400: our parameters are wrong. Retrying cannot help. */
        BAD_PARAMETERS(false),
        /** The code does not exist (v2 404). */
        NOT_FOUND(false),
        /** 5xx, timeouts, HTML pages, truncated or unreadable bodies: retry with backoff, then give up. */
        UNAVAILABLE(true),
        /** Our own ledger: today's background share of the quota is spent (a reserve is kept for people). */
        QUOTA_RESERVED(false),
        /** Another request a person asked for is in flight, or this hour's share for people is spent: later. */
        INTERACTIVE_BUSY(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;

    public MercadoPublicoException(Kind kind, int httpStatus, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public MercadoPublicoException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response came (timeout, connection refused). */
    public int httpStatus() {
        return httpStatus;
    }
}
