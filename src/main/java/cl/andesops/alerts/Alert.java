package cl.andesops.alerts;

import java.time.Instant;
import java.util.List;

import cl.andesops.shared.events.DataChanged.Dataset;

/**
 * Something a saved search or a follow asked about: a record that entered a search, or an event of a followed record
 * or party. {@code args} are what the event says, rendered in the reader's language by {@link AlertWords}.
 */
public record Alert(long id, String keyId, String searchId, String followId, Dataset dataset, String code,
                    String title, Event event, List<String> args, long version, Instant createdAt, Instant seenAt) {

    public enum Event {
        /** A record entered a saved search. */
        NEW,
        CLOSING_MOVED, STATE, AWARDED, ANSWERED, QUOTES, SELECTED, ORDER,
        /** A followed buyer published a tender. */
        NEW_TENDER,
        /** A followed supplier was awarded a tender's line. */
        NEW_AWARD,
        /** An integrity indicator fired on a followed record: a reason to look, never proof. */
        FLAG
    }

    /** The record's page. */
    public String path() {
        return switch (dataset) {
            case TENDERS -> "/tenders/" + code;
            case COMPRA_AGIL -> "/compra-agil/" + code;
            case ORDERS -> "/orders/" + code;
        };
    }
}
