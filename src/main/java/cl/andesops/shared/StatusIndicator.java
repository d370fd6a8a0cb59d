package cl.andesops.shared;

import java.util.Optional;

/**
 * Something the header shows as a badge in every screen: the data mode (demo or live), a long sync running. A
 * feature contributes one as a bean; the shell asks it when a page opens.
 */
public interface StatusIndicator {

    Optional<Status> current();

    /** What the badge's popover lists (a line each), when it has more to say than its tooltip: the sync's jobs. */
    default java.util.List<Status> details() {
        return java.util.List.of();
    }

    /**
     * A badge: the message key and its arguments, and how it looks.
     *
     * @param tone {@code success}, {@code contrast}, {@code error} or empty for the default
     */
    record Status(String id, String messageKey, String tooltipKey, String tone, Object... args) {
    }

    /** An argument of a {@link Status} that is itself a message key: the shell writes it in the page's language. */
    record Key(String key) {
    }
}
