package cl.andesops.shared.config;

import java.util.Objects;

/**
 * A credential read from the environment. It never prints itself: {@code toString()} says only whether it is
 * set, so a configuration record that holds one can be logged safely.
 */
public final class Secret {

    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Used by Spring's binder to turn a property string into a Secret. */
    public static Secret of(String value) {
        return value == null || value.isBlank() ? EMPTY : new Secret(value.strip());
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isSet() {
        return !value.isEmpty();
    }

    /** The raw value, for the one place that must send it (a header, a query parameter). */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this secret in a text, for log lines and error messages. */
    public String maskIn(String text) {
        if (text == null || !isSet()) {
            return text;
        }
        return text.replace(value, "****");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return isSet() ? "Secret[set]" : "Secret[missing]";
    }
}
