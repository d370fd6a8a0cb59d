package cl.andesops.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A followed tender, Compra Ágil request, buyer or supplier. {@code seen} is what was last told of a followed record
 * (JSON of {@link Seen}): a change alerts only when it differs. {@code sequence} counts the real changes of a record's
 * closing, for its calendar event.
 */
@Table("follow")
public record Follow(@Id String id, String keyId, Kind kind, String code, String label, String seen, int sequence,
                     Instant createdAt, long sinceVersion) {

    public enum Kind {
        TENDER("/tenders/"), COMPRA_AGIL("/compra-agil/"), BUYER("/buyers/"), SUPPLIER("/suppliers/");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public boolean isRecord() {
            return this == TENDER || this == COMPRA_AGIL;
        }
    }

    /** Its page: {@code /tenders/1234-5-LE26}. */
    public String path() {
        return kind.prefix + code;
    }

    Follow withSeen(String s, int seq) {
        return new Follow(id, keyId, kind, code, label, s, seq, createdAt, sinceVersion);
    }

    Follow withKey(String k) {
        return new Follow(id, k, kind, code, label, seen, sequence, createdAt, sinceVersion);
    }
}
