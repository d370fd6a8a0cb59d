package cl.andesops.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.alerts.SavedSearch.Mail;
import cl.andesops.shared.persistence.Writer;

/**
 * An address's life with the alerts: attached by double opt-in (a single-use link, expiring, mailed to it), confirmed
 * by a POST from that link's page, and each mail's one-click unsubscription (RFC 8058: only a POST unsubscribes, so a
 * link scanner's GET never does). Links are kept as their hash; a used or expired one does nothing.
 */
@Service
public class MailFlow {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,185}\\.[A-Za-z]{2,24}$");

    private final MailAddressRepository addresses;
    private final SavedSearchRepository searches;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final AlertsProperties properties;
    private final Clock clock;

    MailFlow(MailAddressRepository addresses, SavedSearchRepository searches, JdbcAggregateTemplate aggregates,
             JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer,
             @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, Outbox outbox, AlertsProperties properties,
             Clock clock) {
        this.addresses = addresses;
        this.searches = searches;
        this.aggregates = aggregates;
        this.read = read;
        this.writer = writer;
        this.tx = tx;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public enum Purpose { CONFIRM, UNSUBSCRIBE }

    /** An address as it is kept (the domain in lower case), or empty when it is not one. */
    static Optional<String> valid(String email) {
        String e = email.strip();
        if (!ADDRESS.matcher(e).matches()) {
            return Optional.empty();
        }
        int at = e.lastIndexOf('@');
        return Optional.of(e.substring(0, at) + "@" + e.substring(at).substring(1).toLowerCase(Locale.ROOT));
    }

    /**
     * Attaches an address to a search: at once when the key confirmed it before, else pending, with a confirmation
     * link mailed to it (not again within its 24-hour limit).
     */
    SavedSearch attach(AlertKey key, SavedSearch s, String address) {
        return tx.execute(t -> {
            Instant now = clock.instant();
            MailAddress a = addresses.findByKeyIdAndAddress(key.id(), address).orElseGet(() -> aggregates.insert(
                    new MailAddress(Tokens.id(), key.id(), address, now, null, true)));
            if (a.confirmed()) {
                return searches.save(s.withMail(Mail.ON, a.id()));
            }
            SavedSearch pending = searches.save(s.withMail(Mail.PENDING, a.id()));
            if (outbox.allows(a.id(), now)) {
                String link = properties.base() + "/api/v1/alerts/mail/confirm/"
                        + token(Purpose.CONFIRM, a.id(), null, now.plus(properties.confirmFor()));
                outbox.queue(a.id(), s.id(), null, "CONFIRM", MailText.confirm(key.language(), s.name(), link,
                        Long.toString(properties.confirmFor().toHours())), null, List.of(), now);
            }
            return pending;
        });
    }

    /** A new single-use link of this purpose, kept as its hash. */
    String token(Purpose purpose, String addressId, String searchId, Instant expires) {
        String secret = Tokens.secret();
        writer.update("INSERT INTO mail_token (token_hash, purpose, address_id, search_id, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", Tokens.hash(secret), purpose.name(), addressId, searchId,
                expires.toEpochMilli());
        return secret;
    }

    /** What a link's page says before its button is pressed: what it will do, or that it no longer works. */
    public record Link(Purpose purpose, String masked, String searchName, Locale locale) {
    }

    /** The link's purpose and subject, when it exists, is unused and has not expired. */
    public Optional<Link> link(Purpose purpose, String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        return read.sql("""
                        SELECT a.address, s.name, k.locale FROM mail_token t
                        JOIN mail_address a ON a.id = t.address_id JOIN alert_key k ON k.id = a.key_id
                        LEFT JOIN saved_search s ON s.id = t.search_id
                        WHERE t.token_hash = :h AND t.purpose = :p AND t.used_at IS NULL AND t.expires_at > :now""")
                .param("h", Tokens.hash(token)).param("p", purpose.name())
                .param("now", clock.instant().toEpochMilli())
                .query((rs, n) -> new Link(purpose, MailAddress.mask(rs.getString(1)), rs.getString(2),
                        "en".equals(rs.getString(3)) ? Locale.ENGLISH : cl.andesops.shared.I18n.SPANISH))
                .optional();
    }

    /** Uses a link: confirms the address (its pending searches start mailing) or unsubscribes. False when spent. */
    public boolean use(Purpose purpose, String token) {
        if (!Tokens.plausible(token)) {
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(t -> {
            long now = clock.instant().toEpochMilli();
            var row = read.sql("SELECT address_id, search_id FROM mail_token WHERE token_hash = :h AND purpose = :p "
                            + "AND used_at IS NULL AND expires_at > :now").param("h", Tokens.hash(token))
                    .param("p", purpose.name()).param("now", now)
                    .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
            if (row.isEmpty() || writer.update("UPDATE mail_token SET used_at = ? WHERE token_hash = ? "
                    + "AND used_at IS NULL", now, Tokens.hash(token)) == 0) {
                return false;
            }
            String address = row.get()[0];
            String search = row.get()[1];
            if (purpose == Purpose.CONFIRM) {
                writer.update("UPDATE mail_address SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL", now,
                        address);
                writer.update("UPDATE saved_search SET mail = 'ON' WHERE address_id = ? AND mail = 'PENDING'",
                        address);
            } else if (search != null) {
                writer.update("UPDATE saved_search SET mail = 'OFF' WHERE id = ?", search);
                writer.update("UPDATE alert SET mailed = 1 WHERE search_id = ? AND mailed = 0", search);
            } else {
                writer.update("UPDATE mail_address SET follow_mail = 0 WHERE id = ?", address);
            }
            return true;
        }));
    }

    /** A key's addresses, masked, with whether each is confirmed. */
    public List<MailAddress> addresses(AlertKey key) {
        return addresses.findByKeyId(key.id());
    }
}
