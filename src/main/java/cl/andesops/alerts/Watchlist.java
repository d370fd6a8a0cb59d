package cl.andesops.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.alerts.SavedSearch.Digest;
import cl.andesops.alerts.SavedSearch.Mail;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.Writer;

/**
 * A visitor's saved searches and follows, owned by a private key: the one place they are created, listed, moved to
 * a new key and removed, for the screens and the API alike. Each key holds at most {@code maxPerKey} of each.
 */
@Service
public class Watchlist {

    private final KeyRepository keys;
    private final SavedSearchRepository searches;
    private final FollowRepository follows;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcTemplate writer;
    private final TransactionTemplate tx;
    private final DataVersions versions;
    private final FollowedRecords records;
    private final MailFlow mail;
    private final AlertsProperties limits;
    private final Clock clock;

    Watchlist(KeyRepository keys, SavedSearchRepository searches, FollowRepository follows,
              JdbcAggregateTemplate aggregates, @Qualifier(Writer.NAME) JdbcTemplate writer,
              @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx, DataVersions versions, FollowedRecords records,
              MailFlow mail, AlertsProperties limits, Clock clock) {
        this.keys = keys;
        this.searches = searches;
        this.follows = follows;
        this.aggregates = aggregates;
        this.writer = writer;
        this.tx = tx;
        this.versions = versions;
        this.records = records;
        this.mail = mail;
        this.limits = limits;
        this.clock = clock;
    }

    /** A new key and the secret that opens it (shown once: only its hash is kept). */
    public record NewKey(String secret, AlertKey key) {
    }

    public NewKey createKey(Locale locale) {
        String secret = Tokens.secret();
        AlertKey k = aggregates.insert(new AlertKey(Tokens.id(), Tokens.hash(secret), Tokens.id(),
                "en".equals(locale.getLanguage()) ? "en" : "es", clock.instant(), null));
        return new NewKey(secret, k);
    }

    /** The key a secret opens, unless it was replaced. */
    public Optional<AlertKey> key(String secret) {
        if (!Tokens.plausible(secret)) {
            return Optional.empty();
        }
        return keys.findBySecretHash(Tokens.hash(secret)).filter(k -> k.replacedAt() == null);
    }

    /** Keeps the language its mails are written in. */
    public AlertKey language(AlertKey key, Locale locale) {
        String l = "en".equals(locale.getLanguage()) ? "en" : "es";
        return l.equals(key.locale()) ? key : keys.save(key.withLocale(l));
    }

    /**
     * A new key that takes over everything of the old one (searches, follows, addresses, alerts); the old secret, its
     * feed and its calendar stop working. Each search's own feed gets a new name too.
     */
    public NewKey replace(AlertKey old) {
        return tx.execute(s -> {
            NewKey fresh = createKey(old.language());
            String to = fresh.key().id();
            for (SavedSearch ss : searches.findByKeyIdOrderByCreatedAt(old.id())) {
                writer.update("UPDATE saved_search SET key_id = ?, feed_token = ? WHERE id = ?", to, Tokens.id(),
                        ss.id());
            }
            for (String table : List.of("follow", "mail_address", "alert")) {
                writer.update("UPDATE " + table + " SET key_id = ? WHERE key_id = ?", to, old.id());
            }
            keys.save(old.replaced(clock.instant()));
            return fresh;
        });
    }

    public List<SavedSearch> searches(AlertKey key) {
        return searches.findByKeyIdOrderByCreatedAt(key.id());
    }

    public List<Follow> follows(AlertKey key) {
        return follows.findByKeyIdOrderByCreatedAt(key.id());
    }

    public Optional<SavedSearch> search(AlertKey key, String id) {
        return id == null ? Optional.empty() : searches.findById(id).filter(s -> s.keyId().equals(key.id()));
    }

    /**
     * Saves a screen's filter under a name. With an address, mail starts once the address is confirmed (a link is
     * mailed to it unless this key confirmed it before); {@code hour} is when a digest goes, Chile time.
     */
    public SavedSearch save(AlertKey key, String name, String url, String email, Digest digest, Integer hour) {
        Targets.Search target = Targets.search(url)
                .orElseThrow(() -> new WatchException(WatchException.Reason.INVALID, "alerts.error.url"));
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 120) {
            throw new WatchException(WatchException.Reason.INVALID, "alerts.error.name");
        }
        if (hour != null && (hour < 0 || hour > 23)) {
            throw new WatchException(WatchException.Reason.INVALID, "alerts.error.hour");
        }
        String address = email == null || email.isBlank() ? null : MailFlow.valid(email)
                .orElseThrow(() -> new WatchException(WatchException.Reason.INVALID, "alerts.error.email"));
        if (searches.countByKeyId(key.id()) >= limits.maxPerKey()) {
            throw new WatchException(WatchException.Reason.LIMIT, "alerts.error.limit", limits.maxPerKey());
        }
        Instant now = clock.instant();
        SavedSearch saved = aggregates.insert(new SavedSearch(Tokens.id(), key.id(), n, target.dataset(),
                target.query(), Tokens.id(), null, Mail.NONE, digest == null ? Digest.IMMEDIATE : digest,
                hour == null ? 8 : hour, null, now, versions.current(target.dataset())));
        return address == null ? saved : mail.attach(key, saved, address);
    }

    /** Stops a search's mail (its feed and bell go on). */
    public Optional<SavedSearch> stopMail(AlertKey key, String id) {
        return search(key, id).map(s -> searches.save(s.withMail(s.mail() == Mail.NONE ? Mail.NONE : Mail.OFF,
                s.addressId())));
    }

    public boolean delete(AlertKey key, String id) {
        Optional<SavedSearch> s = search(key, id);
        s.ifPresent(searches::delete);
        return s.isPresent();
    }

    /** Follows a record's or a party's page; following it again answers the same follow. */
    public Follow follow(AlertKey key, String url) {
        Targets.Page page = Targets.page(url)
                .orElseThrow(() -> new WatchException(WatchException.Reason.INVALID, "alerts.error.page"));
        String code = FollowedRecords.key(page.kind(), page.code())
                .orElseThrow(() -> new WatchException(WatchException.Reason.NOT_FOUND, "alerts.error.unknown"));
        Optional<Follow> existing = follows.findByKeyIdAndKindAndCode(key.id(), page.kind(), code);
        if (existing.isPresent()) {
            return existing.get();
        }
        String label = records.label(page.kind(), code)
                .orElseThrow(() -> new WatchException(WatchException.Reason.NOT_FOUND, "alerts.error.unknown"));
        if (follows.countByKeyId(key.id()) >= limits.maxPerKey()) {
            throw new WatchException(WatchException.Reason.LIMIT, "alerts.error.limit", limits.maxPerKey());
        }
        Instant now = clock.instant();
        Dataset d = page.kind() == Follow.Kind.COMPRA_AGIL ? Dataset.COMPRA_AGIL : Dataset.TENDERS;
        String seen = records.state(page.kind(), code, now).map(s -> s.seen().json()).orElse(null);
        return aggregates.insert(new Follow(Tokens.id(), key.id(), page.kind(), code,
                label.length() > 300 ? label.substring(0, 300) : label, seen, 0, now, versions.current(d)));
    }

    public Optional<Follow> following(AlertKey key, Follow.Kind kind, String code) {
        return FollowedRecords.key(kind, code).flatMap(c -> follows.findByKeyIdAndKindAndCode(key.id(), kind, c));
    }

    public boolean unfollow(AlertKey key, String id) {
        Optional<Follow> f = id == null ? Optional.empty()
                : follows.findById(id).filter(x -> x.keyId().equals(key.id()));
        f.ifPresent(follows::delete);
        return f.isPresent();
    }
}
