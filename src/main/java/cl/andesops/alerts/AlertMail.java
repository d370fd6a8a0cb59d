package cl.andesops.alerts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.Writer;

/**
 * Turns alerts into mails in the outbox: a search that mails at once gets one mail per batch of its new alerts, one
 * that digests gets its "nuevas" and "cierran pronto" at its hour (Chile time), daily or on Mondays; the follows'
 * events go to the key's confirmed addresses. Each mail carries its own one-click unsubscription, and marking the
 * alerts mailed happens with the queueing, in one transaction.
 */
@Component
class AlertMail {

    static final int PER_MAIL = 50;
    static final Duration CLOSING_SOON = Duration.ofDays(3);

    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final MailFlow flow;
    private final AlertsProperties properties;
    private final Clock clock;
    private final cl.andesops.tenders.TenderChanges tenders;
    private final cl.andesops.compraagil.CompraAgilChanges requests;

    AlertMail(JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer,
              @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, Outbox outbox, MailFlow flow,
              AlertsProperties properties, Clock clock, cl.andesops.tenders.TenderChanges tenders,
              cl.andesops.compraagil.CompraAgilChanges requests) {
        this.tenders = tenders;
        this.requests = requests;
        this.read = read;
        this.writer = writer;
        this.tx = tx;
        this.outbox = outbox;
        this.flow = flow;
        this.properties = properties;
        this.clock = clock;
    }

    /** Digests are looked at once a minute at most (the immediate mails at every pass). */
    static final Duration DIGEST_CHECK = Duration.ofMinutes(1);
    private volatile long lastDigestCheck;

    /** The next pass looks at the digests whatever the minute: for tests. */
    void checkDigestsNow() {
        lastDigestCheck = 0;
    }

    /** Queues every mail due now; returns how many. */
    int queueDue() {
        Instant now = clock.instant();
        int queued = 0;
        boolean digests = System.nanoTime() - lastDigestCheck >= DIGEST_CHECK.toNanos() || lastDigestCheck == 0;
        if (digests) {
            lastDigestCheck = System.nanoTime();
        }
        for (SavedSearch s : read.sql("""
                        SELECT * FROM saved_search s WHERE s.mail = 'ON' AND (s.digest = 'IMMEDIATE' AND EXISTS (
                            SELECT 1 FROM alert a WHERE a.search_id = s.id AND a.mailed = 0)
                          OR s.digest <> 'IMMEDIATE' AND :digests = 1)""").param("digests", digests ? 1 : 0)
                .query(SearchMatching.Searches.ROW).list()) {
            if (s.digest() == SavedSearch.Digest.IMMEDIATE) {
                queued += search(s, now, false);
            } else if (digestDue(s, now)) {
                queued += search(s, now, true);
            }
        }
        for (String key : read.sql("SELECT DISTINCT key_id FROM alert WHERE follow_id IS NOT NULL AND mailed = 0")
                .query(String.class).list()) {
            queued += follows(key, now);
        }
        return queued;
    }

    /** Whether a digest is due: its hour today (or this Monday, weekly) has passed since the last one. */
    static boolean digestDue(SavedSearch s, Instant now) {
        ZonedDateTime local = now.atZone(Formats.CHILE);
        ZonedDateTime slot = local.toLocalDate().atStartOfDay(Formats.CHILE).plusHours(s.digestHour());
        if (s.digest() == SavedSearch.Digest.WEEKLY) {
            slot = slot.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (slot.isAfter(local)) {
            slot = s.digest() == SavedSearch.Digest.WEEKLY ? slot.minusWeeks(1) : slot.minusDays(1);
        }
        Instant since = s.lastDigestAt() == null ? s.createdAt() : s.lastDigestAt();
        return since.isBefore(slot.toInstant());
    }

    private int search(SavedSearch s, Instant now, boolean digest) {
        Locale l = locale(s.keyId());
        List<Alert> news = read.sql("SELECT " + AlertStore.COLUMNS + " FROM alert WHERE search_id = :s AND mailed = 0 "
                        + "ORDER BY id LIMIT :n").param("s", s.id()).param("n", PER_MAIL)
                .query((rs, n) -> AlertStore.row(rs)).list();
        List<MailText.Entry> closing = digest ? closingSoon(s, now, l) : List.of();
        if (s.addressId() == null || !outbox.allows(s.addressId(), now)) {
            return 0; // over the day's limit: they wait for a later mail
        }
        Integer done = tx.execute(t -> {
            if (digest) {
                writer.update("UPDATE saved_search SET last_digest_at = ? WHERE id = ?", now.toEpochMilli(), s.id());
            }
            if (news.isEmpty() && closing.isEmpty()) {
                return 0;
            }
            String unsubscribe = properties.base() + "/api/v1/alerts/mail/unsubscribe/" + flow.token(
                    MailFlow.Purpose.UNSUBSCRIBE, s.addressId(), s.id(), now.plus(properties.unsubscribeFor()));
            MailText.Mail mail = MailText.alerts(l, s.name(), entries(news, l), closing,
                    properties.base() + "/alerts", unsubscribe, digest);
            outbox.queue(s.addressId(), s.id(), null, digest ? "DIGEST" : "ALERTS", mail, unsubscribe, ids(news), now);
            markMailed(news);
            return 1;
        });
        return done == null ? 0 : done;
    }

    private int follows(String keyId, Instant now) {
        Locale l = locale(keyId);
        List<Alert> news = read.sql("SELECT " + AlertStore.COLUMNS + " FROM alert WHERE key_id = :k "
                        + "AND follow_id IS NOT NULL AND mailed = 0 ORDER BY id LIMIT :n").param("k", keyId)
                .param("n", PER_MAIL).query((rs, n) -> AlertStore.row(rs)).list();
        List<String> to = read.sql("SELECT id FROM mail_address WHERE key_id = :k AND confirmed_at IS NOT NULL "
                + "AND follow_mail = 1").param("k", keyId).query(String.class).list();
        List<String> open = to.stream().filter(a -> outbox.allows(a, now)).toList();
        if (!to.isEmpty() && open.isEmpty()) {
            return 0; // every address is over its limit: the events wait
        }
        Integer done = tx.execute(t -> {
            for (String address : open) {
                String unsubscribe = properties.base() + "/api/v1/alerts/mail/unsubscribe/" + flow.token(
                        MailFlow.Purpose.UNSUBSCRIBE, address, null, now.plus(properties.unsubscribeFor()));
                MailText.Mail mail = MailText.alerts(l, cl.andesops.shared.I18n.text(l, "alerts.mail.follows"),
                        entries(news, l), List.of(), properties.base() + "/alerts", unsubscribe, false);
                outbox.queue(address, null, null, "ALERTS", mail, unsubscribe, ids(news), now);
            }
            markMailed(news); // with no address to mail, they are only on the bell and the feed
            return open.size();
        });
        return done == null ? 0 : done;
    }

    /** Tenders and requests this search told of (its last 500) that close within three days and are still open. */
    private List<MailText.Entry> closingSoon(SavedSearch s, Instant now, Locale l) {
        if (s.dataset() == cl.andesops.shared.events.DataChanged.Dataset.ORDERS) {
            return List.of();
        }
        List<String> codes = read.sql("SELECT code FROM alert WHERE search_id = :s ORDER BY id DESC LIMIT 500")
                .param("s", s.id()).query(String.class).list();
        long from = now.toEpochMilli();
        long until = now.plus(CLOSING_SOON).toEpochMilli();
        List<MailText.Entry> out = new ArrayList<>();
        if (s.dataset() == cl.andesops.shared.events.DataChanged.Dataset.TENDERS) {
            tenders.closing(codes, from, until, PER_MAIL).forEach(t -> out.add(closes(t.code(), t.name(),
                    t.closesAt(), "/tenders/", l)));
        } else {
            requests.closing(codes, from, until, PER_MAIL).forEach(r -> out.add(closes(r.code(), r.name(),
                    r.closesAt(), "/compra-agil/", l)));
        }
        return out;
    }

    private MailText.Entry closes(String code, String name, long at, String prefix, Locale l) {
        return new MailText.Entry((name == null ? code : name) + " (" + code + "): " + cl.andesops.shared.I18n.text(l,
                "alerts.mail.closes", Formats.dateTime(Instant.ofEpochMilli(at))), properties.base() + prefix + code);
    }

    private List<MailText.Entry> entries(List<Alert> alerts, Locale l) {
        List<MailText.Entry> out = new ArrayList<>();
        alerts.forEach(a -> out.add(new MailText.Entry(AlertWords.line(a, l), properties.base() + a.path())));
        return out;
    }

    private Locale locale(String keyId) {
        String l = read.sql("SELECT locale FROM alert_key WHERE id = :k").param("k", keyId).query(String.class)
                .optional().orElse("es");
        return "en".equals(l) ? Locale.ENGLISH : cl.andesops.shared.I18n.SPANISH;
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    private void markMailed(List<Alert> alerts) {
        for (Alert a : alerts) {
            writer.update("UPDATE alert SET mailed = 1 WHERE id = ?", a.id());
        }
    }
}
