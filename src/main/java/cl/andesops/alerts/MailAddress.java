package cl.andesops.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An address a key attached, mailed only once confirmed by its single-use link (double opt-in). Never shown whole. */
@Table("mail_address")
public record MailAddress(@Id String id, String keyId, String address, Instant createdAt, Instant confirmedAt,
                          boolean followMail) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** How a page may show it: {@code j•••@e•••.cl}. */
    public String masked() {
        return mask(address);
    }

    public static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "•••";
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return address.charAt(0) + "•••@" + (domain.isEmpty() ? "" : domain.charAt(0) + "•••")
                + (dot > 0 ? domain.substring(dot) : "");
    }
}
