package cl.andesops.alerts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Who owns saved searches and follows, without an account: a private key the visitor holds (a cookie, a private link,
 * an API bearer token). Only the key's hash is stored. {@code feedToken} names the visitor's own feed and calendar.
 */
@Table("alert_key")
public record AlertKey(@Id String id, String secretHash, String feedToken, String locale, Instant createdAt,
                       Instant replacedAt) {

    AlertKey withLocale(String l) {
        return new AlertKey(id, secretHash, feedToken, l, createdAt, replacedAt);
    }

    AlertKey replaced(Instant at) {
        return new AlertKey(id, secretHash, feedToken, locale, createdAt, at);
    }

    public java.util.Locale language() {
        return "en".equals(locale) ? java.util.Locale.ENGLISH : cl.andesops.shared.I18n.SPANISH;
    }
}
