package cl.andesops.alerts;

/**
 * A request to save, follow or attach an address that cannot be done, said by a message key of the visitor's
 * language: invalid input, a limit reached, or nothing of that name.
 */
public class WatchException extends RuntimeException {

    public enum Reason { INVALID, LIMIT, NOT_FOUND }

    private final Reason reason;
    private final String key;
    private final transient Object[] args;

    WatchException(Reason reason, String key, Object... args) {
        super(key, null, false, false);
        this.reason = reason;
        this.key = key;
        this.args = args;
    }

    public Reason reason() {
        return reason;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
