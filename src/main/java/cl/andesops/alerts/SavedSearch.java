package cl.andesops.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import cl.andesops.shared.events.DataChanged.Dataset;

/**
 * A named filter of one dataset, kept in the address form its screen shows ({@code q=...&estado=...}), so the screen,
 * the API and the alert read it with the same codec. Records stamped after {@code sinceVersion} that match it alert;
 * {@code mail} says whether they are mailed, and {@code digest} how often.
 */
@Table("saved_search")
public record SavedSearch(@Id String id, String keyId, String name, Dataset dataset, String query, String feedToken,
                          String addressId, Mail mail, Digest digest, int digestHour, Instant lastDigestAt,
                          Instant createdAt, long sinceVersion) {

    /** Whether its alerts go by mail: none asked, waiting for the address to be confirmed, on, or unsubscribed. */
    public enum Mail { NONE, PENDING, ON, OFF }

    /** How often its mails go: each match at once, or a digest daily or weekly at the chosen hour (Chile time). */
    public enum Digest { IMMEDIATE, DAILY, WEEKLY }

    /** The screen it was saved from, with its filter: {@code /tenders?q=...}. */
    public String path() {
        String base = switch (dataset) {
            case TENDERS -> "/tenders";
            case COMPRA_AGIL -> "/compra-agil";
            case ORDERS -> "/";
        };
        return query.isEmpty() ? base : base + "?" + query;
    }

    SavedSearch withMail(Mail m, String address) {
        return new SavedSearch(id, keyId, name, dataset, query, feedToken, address, m, digest, digestHour,
                lastDigestAt, createdAt, sinceVersion);
    }

    SavedSearch withKey(String k) {
        return new SavedSearch(id, k, name, dataset, query, feedToken, addressId, mail, digest, digestHour,
                lastDigestAt, createdAt, sinceVersion);
    }

    SavedSearch digested(Instant at) {
        return new SavedSearch(id, keyId, name, dataset, query, feedToken, addressId, mail, digest, digestHour, at,
                createdAt, sinceVersion);
    }
}
