package cl.andesops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.mercadopublico.MercadoPublicoClient;
import cl.andesops.mercadopublico.Purpose;
import cl.andesops.mercadopublico.TenderDetail;
import cl.andesops.shared.I18n;
import cl.andesops.tenders.TenderWriter;
import cl.andesops.testing.MailStub;
import cl.andesops.testing.SyncedAppTest;

/**
 * Saved searches and follows end to end in the running app: a commit's records become alerts once, by data version,
 * on the bell's count, in Atom that a feed reader parses, in mail through a real SMTP server after a double opt-in,
 * with a one-click unsubscription that only a POST performs; a followed tender's moved closing date is told once and
 * moves its calendar event's SEQUENCE.
 */
class AlertsTest extends SyncedAppTest {

    @Autowired Watchlist watchlist;
    @Autowired Alerts alerts;
    @Autowired AlertFollower follower;
    @Autowired TenderWriter tenders;
    @Autowired MercadoPublicoClient client;
    @Autowired JdbcClient jdbc;
    @Autowired AlertsProperties properties;
    @Autowired AlertMail alertMail;
    @Autowired cl.andesops.sync.SyncEngine engine;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resume() {
        engine.resume();
    }

    @Test
    void a_saved_search_with_an_address_tells_of_a_new_tender_once_by_bell_feed_and_mail() throws Exception {
        TenderDetail model = stillTender();
        Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
        String email = "ana.perez+" + System.nanoTime() + "@example.cl";
        SavedSearch saved = watchlist.save(key.key(), "Bombas verdes", "https://andesops.example/tenders?q=zzbomba",
                email, SavedSearch.Digest.IMMEDIATE, null);
        assertThat(saved.mail()).isEqualTo(SavedSearch.Mail.PENDING);
        assertThat(saved.query()).isEqualTo("q=zzbomba");

        // double opt-in: a single-use link; its page asks, only its POST confirms
        MimeMessage confirm = MailStub.shared().await(email, m -> true, 1, Duration.ofSeconds(20)).getFirst();
        String confirmUrl = local(link(MailStub.text(confirm), "/api/v1/alerts/mail/confirm/"));
        assertThat(get(confirmUrl).statusCode()).isEqualTo(200);
        assertThat(watchlist.search(key.key(), saved.id()).orElseThrow().mail()).isEqualTo(SavedSearch.Mail.PENDING);
        assertThat(post(confirmUrl, "").statusCode()).isEqualTo(200);
        assertThat(watchlist.search(key.key(), saved.id()).orElseThrow().mail()).isEqualTo(SavedSearch.Mail.ON);
        assertThat(post(confirmUrl, "").statusCode()).as("single use").isEqualTo(404);
        assertThat(MailStub.html(confirm)).doesNotContain(email);

        // the sync commits a tender with the search's word: one alert, once
        String code = "9999-" + (System.nanoTime() % 100000) + "-LE26";
        store(copy(model, code, "Suministro de zzbomba sumergible", model.closesAt(), 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        List<Alert> mine = alerts.page(key.key(), 0, 10);
        assertThat(mine).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo(code);
            assertThat(a.event()).isEqualTo(Alert.Event.NEW);
            assertThat(a.searchId()).isEqualTo(saved.id());
        });
        assertThat(alerts.unseen(key.key())).isEqualTo(1);

        // stored again with a change: the record already told this search of itself
        store(copy(model, code, "Suministro de zzbomba sumergible (rectificada)", model.closesAt(), 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        assertThat(alerts.count(key.key())).isEqualTo(1);

        // the mail: the record, RFC 8058's headers, no address in its text but the recipient's own
        MimeMessage mail = MailStub.shared().await(email, m -> subject(m).contains("Bombas verdes"), 1,
                Duration.ofSeconds(20)).getFirst();
        assertThat(MailStub.text(mail)).contains(code, "/tenders/" + code);
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(MailStub.html(mail)).contains("lang=\"es\"", "/tenders/" + code);

        // Atom: valid for a feed reader, stable ids
        HttpResponse<String> atom = get(local(properties.base() + "/api/v1/alerts/feeds/" + saved.feedToken()));
        assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).singleElement().satisfies(e -> {
            assertThat(e.getLink()).endsWith("/tenders/" + code);
            assertThat(e.getTitle()).contains(code);
        });
        String entryId = feed.getEntries().getFirst().getUri();
        SyndFeed again = new SyndFeedInput().build(new StringReader(get(local(properties.base()
                + "/api/v1/alerts/feeds/" + saved.feedToken())).body()));
        assertThat(again.getEntries().stream().map(SyndEntry::getUri)).containsExactly(entryId);
        assertThat(again.getUri()).isEqualTo(feed.getUri());

        // a link scanner's GET changes nothing; the one-click POST unsubscribes, once
        assertThat(get(local(unsubscribe)).body()).contains("<form method=\"post\"");
        assertThat(watchlist.search(key.key(), saved.id()).orElseThrow().mail()).isEqualTo(SavedSearch.Mail.ON);
        assertThat(post(local(unsubscribe), "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
        assertThat(watchlist.search(key.key(), saved.id()).orElseThrow().mail()).isEqualTo(SavedSearch.Mail.OFF);
        assertThat(post(local(unsubscribe), "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);

        // a feed that does not exist and one whose key was replaced answer alike
        watchlist.replace(key.key());
        HttpResponse<String> gone = get(local(properties.base() + "/api/v1/alerts/feeds/" + saved.feedToken()));
        HttpResponse<String> never = get(local(properties.base() + "/api/v1/alerts/feeds/AAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo(never.body());
        assertThat(watchlist.key(key.secret())).as("the old key opens nothing").isEmpty();
    }

    @Test
    void a_followed_tender_tells_its_moved_closing_once_and_its_calendar_event_follows() throws Exception {
        TenderDetail model = stillTender();
        String code = "9998-" + (System.nanoTime() % 100000) + "-LE26";
        Instant closes = model.closesAt() == null ? cl.andesops.testing.TestClock.CLOCK.instant().plus(Duration.ofDays(10)) : model.closesAt();
        store(copy(model, code, "Servicio de aseo zzfollow", closes, 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        Watchlist.NewKey key = watchlist.createKey(java.util.Locale.ENGLISH);
        Follow f = watchlist.follow(key.key(), "/tenders/" + code);
        assertThat(watchlist.follow(key.key(), "/tenders/" + code).id()).as("following twice is one follow")
                .isEqualTo(f.id());
        String ics = properties.base() + "/api/v1/alerts/calendar/" + key.key().feedToken() + ".ics";
        VEvent before = event(get(local(ics)).body());
        assertThat(before.getUid().orElseThrow().getValue()).isEqualTo("tender-" + code + "@andesops");
        assertThat(before.getSequence().getSequenceNo()).isZero();

        Instant moved = closes.plus(Duration.ofDays(3));
        store(copy(model, code, "Servicio de aseo zzfollow", moved, 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        assertThat(alerts.page(key.key(), 0, 10)).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(Alert.Event.CLOSING_MOVED);
            assertThat(a.args()).containsExactly(Long.toString(closes.toEpochMilli()),
                    Long.toString(moved.toEpochMilli()));
            assertThat(AlertWords.what(a, java.util.Locale.ENGLISH)).startsWith("Closing moved: from ");
        });
        String calendar = get(local(ics)).body();
        assertThat(calendar).contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "BEGIN:VTIMEZONE",
                "TZID:America/Santiago");
        VEvent after = event(calendar);
        assertThat(after.getUid().orElseThrow().getValue()).isEqualTo(before.getUid().orElseThrow().getValue());
        assertThat(after.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(after.getDateTimeStart().getValue()).as("in Chile time")
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                        .format(moved.atZone(cl.andesops.shared.format.Formats.CHILE)));
        assertThat(after.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Santiago");

        // stored again unchanged: nothing to tell, the event keeps its sequence
        store(copy(model, code, "Servicio de aseo zzfollow", moved, 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        assertThat(alerts.count(key.key())).isEqualTo(1);
        assertThat(event(get(local(ics)).body()).getSequence().getSequenceNo()).isEqualTo(1);

        // revoked: told, and the event is cancelled with a new sequence
        store(copy(model, code, "Servicio de aseo zzfollow", moved, 18));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        assertThat(alerts.page(key.key(), 0, 1).getFirst().event()).isEqualTo(Alert.Event.STATE);
        VEvent revoked = event(get(local(ics)).body());
        assertThat(revoked.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(revoked.getSequence().getSequenceNo()).isEqualTo(2);
    }

    @Test
    void history_and_what_came_before_a_search_alert_no_one() throws Exception {
        TenderDetail model = stillTender();
        String early = "9997-" + (System.nanoTime() % 100000) + "-LE26";
        store(copy(model, early, "Compra de zzantes", model.closesAt(), 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
        watchlist.save(key.key(), "Antes", "/tenders?q=zzantes", null, null, null);
        // stamped again after the search, but published long before it: history, not news
        TenderDetail old = copy(model, "9996-" + (System.nanoTime() % 100000) + "-LE26", "Compra de zzantes vieja",
                model.closesAt(), 5);
        old = withPublished(old, cl.andesops.testing.TestClock.CLOCK.instant().minus(Duration.ofDays(40)));
        store(old);
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        assertThat(alerts.page(key.key(), 0, 10)).isEmpty();
    }

    @Test
    void a_followed_buyer_tells_of_its_new_tender_and_a_followed_supplier_of_its_award_once() throws Exception {
        TenderDetail model = stillTender();
        Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
        String buyer = model.buyer().organismCode();
        Follow b = watchlist.follow(key.key(), "/buyers/" + buyer);
        assertThat(b.label()).isNotBlank();
        // a supplier the orders know, followed from its page (its RUT as any spelling)
        String rut = jdbc.sql("SELECT rut FROM supplier WHERE rut IS NOT NULL ORDER BY code LIMIT 1")
                .query(String.class).single();
        Follow sup = watchlist.follow(key.key(), "/suppliers/" + rut);
        assertThat(sup.code()).isEqualTo(cl.andesops.shared.format.PartyKeys.supplier(rut).orElseThrow());

        String tender = "9993-" + (System.nanoTime() % 100000) + "-LE26";
        store(copy(model, tender, "Adquisición de zzcomprador", model.closesAt(), 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        store(awarded(copy(model, tender, "Adquisición de zzcomprador", model.closesAt(), 8), rut,
                "Proveedora Andina SpA"));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        store(awarded(copy(model, tender, "Adquisición de zzcomprador (corregida)", model.closesAt(), 8),
                rut, "Proveedora Andina SpA"));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        List<Alert> all = alerts.page(key.key(), 0, 20);
        assertThat(all.stream().filter(a -> a.code().equals(tender)).map(Alert::event))
                .as("each told once, whatever the later versions").containsExactlyInAnyOrder(Alert.Event.NEW_TENDER,
                        Alert.Event.NEW_AWARD);
        Alert award = all.stream().filter(a -> a.event() == Alert.Event.NEW_AWARD).findFirst().orElseThrow();
        assertThat(AlertWords.what(award, I18n.SPANISH)).contains("$");
    }

    @Test
    void a_followed_buyers_record_that_an_indicator_fires_on_is_told_once() throws Exception {
        TenderDetail model = stillTender();
        Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
        Follow buyer = watchlist.follow(key.key(), "/buyers/" + model.buyer().organismCode());
        Instant now = cl.andesops.testing.TestClock.CLOCK.instant();
        String code = "9991-" + (System.nanoTime() % 100000) + "-LE26";
        // a public tender (LE: ten days at least) open for one day: short publication fires
        TenderDetail shortOne = typed(copy(model, code, "Servicio de zzcorto", now.plus(Duration.ofDays(1)), 5), "LE");
        store(shortOne);
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        store(typed(copy(model, code, "Servicio de zzcorto (rectificado)", now.plus(Duration.ofDays(1)), 5), "LE"));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        List<Alert> flags = alerts.page(key.key(), 0, 20).stream().filter(a -> a.event() == Alert.Event.FLAG)
                .toList();
        assertThat(flags).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo(code);
            assertThat(a.followId()).isEqualTo(buyer.id());
            assertThat(a.args()).contains("short-publication");
            assertThat(AlertWords.what(a, I18n.SPANISH)).contains("una razón para mirar, no una prueba");
        });
    }

    @Test
    void a_followed_compra_agil_request_tells_its_selection_and_its_order(
            @Autowired cl.andesops.compraagil.CompraAgilWriter requests,
            @Autowired cl.andesops.mercadopublico.CompraAgilClient caClient) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("SELECT count(*) FROM ca_request r "
                + "WHERE has_detail = 1 AND EXISTS (SELECT 1 FROM ca_quote q WHERE q.request_id = r.id)")
                .query(Integer.class).single() > 0);
        cl.andesops.testing.StillData.pause(engine);
        String code = jdbc.sql("SELECT code FROM ca_request r WHERE has_detail = 1 AND EXISTS (SELECT 1 FROM ca_quote "
                + "q WHERE q.request_id = r.id) ORDER BY id LIMIT 1").query(String.class).single();
        cl.andesops.mercadopublico.CaRequest r = caClient.detail(code, Purpose.BACKGROUND).orElseThrow();
        requests.storeDetails(List.of(r));
        Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
        watchlist.follow(key.key(), "/compra-agil/" + code);
        // the buyer picks the first quote and issues its order
        var first = r.quotes().getFirst();
        List<cl.andesops.mercadopublico.CaQuote> quotes = r.quotes().stream().map(q -> new cl.andesops.mercadopublico
                .CaQuote(q.quoteId(), q.supplierRut(), q.supplierName(), q.supplierCode(), q.description(),
                q.validUntil(), q.createdAt(), q.netTotal(), q.tax(), q.shipping(), q.total(), q == first, q.state(),
                q == first ? "4321-99-SE26" : null, q.lines(), q.supplierSize(), q.criterion())).toList();
        requests.storeDetails(List.of(new cl.andesops.mercadopublico.CaRequest(r.code(), r.name(), 4, r.stateCode(),
                "Proveedor seleccionado", r.callState(), r.publishedAt(), r.closesAt(), r.firstCallClosesAt(),
                r.secondCallClosesAt(), r.changedAt(), r.cancelledAt(), r.currency(), r.availableAmount(),
                r.availableClp(), r.budgetType(), r.estimatedBudget(), r.organism(), r.organismRut(), r.unitName(),
                r.regionId(), r.regionName(), r.offersReceived(), r.cancelReason(), r.desertedReason(),
                r.description(), r.deliveryAddress(), r.deliveryDays(), "4321-99-SE26", true, r.products(), quotes)));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        List<Alert> told = alerts.page(key.key(), 0, 20);
        assertThat(told.stream().map(Alert::event)).contains(Alert.Event.SELECTED, Alert.Event.ORDER);
        assertThat(told).allSatisfy(a -> assertThat(a.path()).isEqualTo("/compra-agil/" + code));
        assertThat(told.stream().filter(a -> a.event() == Alert.Event.ORDER).findFirst().orElseThrow().args())
                .containsExactly("4321-99-SE26");
    }

    @Test
    void a_daily_digest_has_what_is_new_and_what_closes_soon_at_its_hour() throws Exception {
        TenderDetail model = stillTender();
        Watchlist.NewKey key = watchlist.createKey(I18n.SPANISH);
        String email = "digest+" + System.nanoTime() + "@example.cl";
        SavedSearch s = watchlist.save(key.key(), "Resumen zzdigest", "/tenders?q=zzdigest", email,
                SavedSearch.Digest.DAILY, 9);
        confirm(email);
        Instant now = cl.andesops.testing.TestClock.CLOCK.instant();
        String soon = "9992-" + (System.nanoTime() % 100000) + "-LE26";
        store(copy(model, soon, "Servicio zzdigest urgente", now.plus(Duration.ofHours(30)), 5));
        assertThat(follower.awaitMatched(Duration.ofSeconds(30))).isTrue();
        assertThat(MailStub.shared().await(email, m -> subject(m).contains("zzdigest"), 1, Duration.ofSeconds(3)))
                .as("a digest waits for its hour").isEmpty();
        // saved yesterday: today's 09:00 has passed since (the app's clock says noon)
        jdbc.sql("UPDATE saved_search SET created_at = :t WHERE id = :id").param("t",
                now.minus(Duration.ofDays(1)).toEpochMilli()).param("id", s.id()).update();
        alertMail.checkDigestsNow();
        MimeMessage digest = MailStub.shared().await(email, m -> subject(m).contains("zzdigest"), 1,
                Duration.ofSeconds(20)).getFirst();
        assertThat(subject(digest)).startsWith("AndesOps, resumen: Resumen zzdigest");
        assertThat(MailStub.text(digest)).contains("Nuevas (1)", "Cierran pronto (1)", soon);
        assertThat(watchlist.search(key.key(), s.id()).orElseThrow().lastDigestAt()).isNotNull();
    }

    @Test
    void a_mail_that_cannot_be_sent_is_tried_again_later_then_failed_and_its_alerts_go_in_the_next(
            @Autowired Outbox outbox, @Autowired MailAdmin admin) throws Exception {
        Instant now = cl.andesops.testing.TestClock.CLOCK.instant();
        jdbc.sql("INSERT INTO alert_key (id, secret_hash, feed_token, locale, created_at) VALUES ('kb', 'hb', 'fb', "
                + "'es', 0)").update();
        jdbc.sql("INSERT INTO alert (key_id, dataset, code, event, version, created_at, mailed) VALUES ('kb', "
                + "'TENDERS', 'X-1', 'NEW', 1, 0, 1)").update();
        long alertId = jdbc.sql("SELECT id FROM alert WHERE key_id = 'kb'").query(Long.class).single();
        jdbc.sql("INSERT INTO mail_outbox (id, to_address, kind, subject, body_text, body_html, alert_ids, state, "
                + "next_at, created_at) VALUES (-1, 'x@example.cl', 'ALERTS', 's', 't', 'h', :a, 'QUEUED', :far, 0)")
                .param("a", Long.toString(alertId)).param("far", Long.MAX_VALUE / 2).update();
        for (int attempt = 0; attempt < Outbox.BACKOFF.size(); attempt++) {
            outbox.failed(new Outbox.Queued(-1, null, "x@example.cl", "ALERTS", "s", "t", "h", null,
                    Long.toString(alertId), attempt), "SMTP 451 try later", now);
            assertThat(jdbc.sql("SELECT next_at FROM mail_outbox WHERE id = -1").query(Long.class).single())
                    .isEqualTo(now.plus(Outbox.BACKOFF.get(attempt)).toEpochMilli());
        }
        outbox.failed(new Outbox.Queued(-1, null, "x@example.cl", "ALERTS", "s", "t", "h", null,
                Long.toString(alertId), Outbox.BACKOFF.size()), "SMTP 550 no such user", now);
        assertThat(jdbc.sql("SELECT state FROM mail_outbox WHERE id = -1").query(String.class).single())
                .isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT mailed FROM alert WHERE id = :id").param("id", alertId).query(Integer.class)
                .single()).as("handed to the next mail").isZero();
        MailAdmin.Status status = admin.status();
        assertThat(status.configured()).isTrue();
        assertThat(status.from()).isEqualTo("a•••@a•••.test");
        assertThat(status.failures()).anySatisfy(f -> {
            assertThat(f.to()).isEqualTo("x•••@e•••.cl");
            assertThat(f.error()).contains("550");
        });
        jdbc.sql("DELETE FROM alert_key WHERE id = 'kb'").update();

        // "Probar": a test mail goes out now
        assertThat(admin.test("admin.prueba@example.cl", I18n.SPANISH)).isTrue();
        assertThat(MailStub.shared().await("admin.prueba@example.cl", x -> subject(x).contains("prueba"), 1,
                Duration.ofSeconds(20))).hasSize(1);
        assertThat(admin.test("not an address", I18n.SPANISH)).isFalse();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** A stored tender's detail as the simulator serves it, with the sync paused so it writes nothing over ours. */
    private TenderDetail stillTender() throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM tender WHERE has_detail = 1 AND state_code = 5").query(Integer.class).single() > 0);
        cl.andesops.testing.StillData.pause(engine);
        String code = jdbc.sql("SELECT code FROM tender WHERE has_detail = 1 AND state_code = 5 ORDER BY id LIMIT 1")
                .query(String.class).single();
        return client.tender(code, Purpose.BACKGROUND).orElseThrow();
    }

    /** Follows the confirmation link of the last mail to {@code email}, as its page's button does. */
    private void confirm(String email) throws Exception {
        MimeMessage m = MailStub.shared().await(email, x -> true, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(post(local(link(MailStub.text(m), "/api/v1/alerts/mail/confirm/")), "").statusCode())
                .isEqualTo(200);
    }

    /** The tender as a procedure of another type. */
    static TenderDetail typed(TenderDetail d, String type) {
        return new TenderDetail(d.code(), d.name(), d.description(), d.stateCode(), d.state(), type, 1, d.currency(),
                d.stages(), d.complaints(), d.buyer(), d.createdAt(), d.publishedAt(), d.closesAt(), d.forumOpensAt(),
                d.forumClosesAt(), d.answersAt(), d.technicalOpeningAt(), d.economicOpeningAt(), d.awardedAt(),
                d.estimatedAwardAt(), d.estimation(), d.amountVisible(), d.estimatedAmount(), d.funding(),
                d.paymentModality(), d.contractDuration(), d.award(), d.items());
    }

    /** The tender with every line awarded to one supplier. */
    static TenderDetail awarded(TenderDetail d, String rut, String name) {
        List<cl.andesops.mercadopublico.TenderLine> lines = d.items().stream().map(l -> new cl.andesops
                .mercadopublico.TenderLine(l.line(), l.productCode(), l.categoryCode(), l.category(), l.productName(),
                l.description(), l.unit(), l.quantity(), new cl.andesops.mercadopublico.LineAward(rut, name,
                l.quantity() == null ? java.math.BigDecimal.ONE : l.quantity(), new java.math.BigDecimal("125000"))))
                .toList();
        return new TenderDetail(d.code(), d.name(), d.description(), 8, "Adjudicada", d.type(), d.typeCode(),
                d.currency(), d.stages(), d.complaints(), d.buyer(), d.createdAt(), d.publishedAt(), d.closesAt(),
                d.forumOpensAt(), d.forumClosesAt(), d.answersAt(), d.technicalOpeningAt(), d.economicOpeningAt(),
                d.closesAt(), d.estimatedAwardAt(), d.estimation(), d.amountVisible(), d.estimatedAmount(), d.funding(),
                d.paymentModality(), d.contractDuration(), null, lines);
    }

    private void store(TenderDetail d) {
        tenders.storeDetails(List.of(d));
    }

    static TenderDetail copy(TenderDetail d, String code, String name, Instant closes, int state) {
        return new TenderDetail(code, name, d.description(), state, state == 18 ? "Revocada" : "Publicada", d.type(),
                d.typeCode(), d.currency(), d.stages(), d.complaints(), d.buyer(), d.createdAt(), cl.andesops.testing.TestClock.CLOCK.instant(),
                closes, d.forumOpensAt(), d.forumClosesAt(), d.answersAt(), d.technicalOpeningAt(),
                d.economicOpeningAt(), null, d.estimatedAwardAt(), d.estimation(), d.amountVisible(),
                d.estimatedAmount(), d.funding(), d.paymentModality(), d.contractDuration(), null, d.items());
    }

    static TenderDetail withPublished(TenderDetail d, Instant published) {
        return new TenderDetail(d.code(), d.name(), d.description(), d.stateCode(), d.state(), d.type(),
                d.typeCode(), d.currency(), d.stages(), d.complaints(), d.buyer(), published, published,
                d.closesAt(), d.forumOpensAt(), d.forumClosesAt(), d.answersAt(), d.technicalOpeningAt(),
                d.economicOpeningAt(), null, d.estimatedAwardAt(), d.estimation(), d.amountVisible(),
                d.estimatedAmount(), d.funding(), d.paymentModality(), d.contractDuration(), null, d.items());
    }

    private static VEvent event(String ics) throws Exception {
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = cal.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    static String link(String text, String path) {
        Matcher m = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "[A-Za-z0-9_-]+").matcher(text);
        assertThat(m.find()).as("a link to " + path + " in:\n" + text).isTrue();
        return m.group();
    }

    /** A link the app wrote with its public address, sent to this test's port. */
    private String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + port);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
