package cl.andesops.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.persistence.Writer;

/**
 * Every mail before and after it is sent: queued with what it tells (so a mail that finally fails hands its alerts
 * back to the next one), retried with growing waits, its failures kept for the administration page. An address gets
 * at most {@code mailsPerAddressPerDay} mails in 24 hours; what waits goes in a later one.
 */
@Component
class Outbox {

    /** The waits after each failed attempt; after the last, the mail has failed. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8));

    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final AlertsProperties limits;

    Outbox(JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer, AlertsProperties limits) {
        this.read = read;
        this.writer = writer;
        this.limits = limits;
    }

    /** A mail to send. */
    record Queued(long id, String addressId, String toAddress, String kind, String subject, String text, String html,
                  String unsubscribe, String alertIds, int attempts) {
    }

    /** Whether the address may get another mail now (its 24-hour count under the limit). */
    boolean allows(String addressId, Instant now) {
        long sent = read.sql("SELECT count(*) FROM mail_outbox WHERE address_id = :a AND created_at > :since")
                .param("a", addressId).param("since", now.minus(Duration.ofDays(1)).toEpochMilli())
                .query(Long.class).single();
        return sent < limits.mailsPerAddressPerDay();
    }

    void queue(String addressId, String searchId, String toAddress, String kind, MailText.Mail mail,
               String unsubscribe, List<Long> alertIds, Instant now) {
        writer.update("""
                        INSERT INTO mail_outbox (address_id, search_id, to_address, kind, subject, body_text, body_html,
                                                 unsubscribe, alert_ids, state, next_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)""", addressId, searchId, toAddress, kind,
                mail.subject(), mail.text(), mail.html(), unsubscribe,
                alertIds.isEmpty() ? null : alertIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b)
                        .orElse(null), now.toEpochMilli(), now.toEpochMilli());
    }

    /** The mails due now, oldest first, with their recipient (the address, or the test mail's own). */
    List<Queued> due(Instant now, int limit) {
        return read.sql("""
                        SELECT o.id, o.address_id, coalesce(o.to_address, a.address), o.kind, o.subject, o.body_text,
                               o.body_html, o.unsubscribe, o.alert_ids, o.attempts
                        FROM mail_outbox o LEFT JOIN mail_address a ON a.id = o.address_id
                        WHERE o.state = 'QUEUED' AND o.next_at <= :now ORDER BY o.next_at, o.id LIMIT :n""")
                .param("now", now.toEpochMilli()).param("n", limit)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getInt(10))).list();
    }

    void sent(long id, Instant now) {
        writer.update("UPDATE mail_outbox SET state = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL "
                + "WHERE id = ?", now.toEpochMilli(), id);
    }

    /**
     * An attempt failed: tried again after the next wait, or, after the last, failed for good, its alerts handed
     * back to be mailed in the next mail or digest. {@code error} names the failure without the address.
     */
    void failed(Queued m, String error, Instant now) {
        int attempts = m.attempts() + 1;
        if (attempts <= BACKOFF.size()) {
            writer.update("UPDATE mail_outbox SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?", attempts,
                    now.plus(BACKOFF.get(attempts - 1)).toEpochMilli(), error, m.id());
            return;
        }
        writer.update("UPDATE mail_outbox SET attempts = ?, state = 'FAILED', last_error = ? WHERE id = ?", attempts,
                error, m.id());
        if (m.alertIds() != null) {
            for (String id : m.alertIds().split(",")) {
                writer.update("UPDATE alert SET mailed = 0 WHERE id = ?", Long.parseLong(id));
            }
        }
    }

    /** For the administration page: what waits, what failed for good, and the last failures with their reason. */
    record Status(long queued, long retrying, long sent24h, long failed, List<MailFailure> failures) {
    }

    Status status(Instant now) {
        long queued = count("state = 'QUEUED' AND attempts = 0");
        long retrying = count("state = 'QUEUED' AND attempts > 0");
        long failed = count("state = 'FAILED'");
        long sent = read.sql("SELECT count(*) FROM mail_outbox WHERE state = 'SENT' AND sent_at > :s")
                .param("s", now.minus(Duration.ofDays(1)).toEpochMilli()).query(Long.class).single();
        List<MailFailure> failures = read.sql("""
                        SELECT o.id, o.kind, coalesce(o.to_address, a.address), o.attempts, o.last_error, o.created_at,
                               o.state
                        FROM mail_outbox o LEFT JOIN mail_address a ON a.id = o.address_id
                        WHERE o.last_error IS NOT NULL ORDER BY o.id DESC LIMIT 20""")
                .query((rs, n) -> new MailFailure(rs.getLong(1), rs.getString(2),
                        rs.getString(3) == null ? "—" : MailAddress.mask(rs.getString(3)), rs.getInt(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7))).list();
        return new Status(queued, retrying, sent, failed, failures);
    }

    private long count(String where) {
        return read.sql("SELECT count(*) FROM mail_outbox WHERE " + where).query(Long.class).single();
    }
}
