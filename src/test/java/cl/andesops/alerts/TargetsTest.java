package cl.andesops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.format.Formats;

/** What an address asks to watch, and the small rules of the alerts that need no app. */
class TargetsTest {

    @Test
    void a_lists_address_reads_as_its_codecs_one_form_whatever_the_host_order_or_escaping() {
        var a = Targets.search("https://andes.example/tenders?region=Biob%C3%ADo&q=bomba+de+agua&orden=closing#x")
                .orElseThrow();
        var b = Targets.search("/tenders?q=bomba%20de%20agua&region=Biob%C3%ADo").orElseThrow();
        assertThat(a.dataset()).isEqualTo(Dataset.TENDERS);
        assertThat(a).as("the order of the results is no part of a search").isEqualTo(b);
        assertThat(a.query()).isEqualTo("q=bomba%20de%20agua&region=Biob%C3%ADo");
        assertThat(Targets.search("/compra-agil?cierre=week&estado=2&foo=bar").orElseThrow().query())
                .isEqualTo("estado=2&cierre=week");
        assertThat(Targets.search("/orders/123").isEmpty()).isTrue();
        assertThat(Targets.search("/parties?q=x").isEmpty()).isTrue();
    }

    @Test
    void an_order_search_leaves_the_screens_period_out() {
        var s = Targets.search("/?desde=2026-01-01&hasta=2026-01-31&rubro=42000000&q=guantes").orElseThrow();
        assertThat(s.dataset()).isEqualTo(Dataset.ORDERS);
        assertThat(s.query()).isEqualTo("q=guantes&rubro=42000000");
        assertThat(Targets.search("https://x.cl/").orElseThrow().query()).isEmpty();
    }

    @Test
    void a_page_is_a_record_or_a_party_and_nothing_else() {
        assertThat(Targets.page("https://x.cl/tenders/1509-5-L114").orElseThrow())
                .isEqualTo(new Targets.Page(Follow.Kind.TENDER, "1509-5-L114"));
        assertThat(Targets.page("/suppliers/76.012.551-2/").orElseThrow().kind()).isEqualTo(Follow.Kind.SUPPLIER);
        assertThat(Targets.page("/compra-agil/1234-56-COT25?x=1").orElseThrow().code()).isEqualTo("1234-56-COT25");
        assertThat(Targets.page("/orders/2097-241-SE14")).isEmpty();
        assertThat(Targets.page("/tenders")).isEmpty();
        assertThat(Targets.page(null)).isEmpty();
    }

    @Test
    void an_address_is_kept_with_its_domain_in_lower_case_and_never_shown_whole() {
        assertThat(MailFlow.valid(" Ana.Perez@Example.CL ")).contains("Ana.Perez@example.cl");
        assertThat(MailFlow.valid("no-at-sign")).isEmpty();
        assertThat(MailFlow.valid("a@b")).isEmpty();
        assertThat(MailFlow.valid("x <y@z.cl>")).isEmpty();
        assertThat(MailAddress.mask("ana.perez@example.cl")).isEqualTo("a•••@e•••.cl").doesNotContain("perez");
        assertThat(Mailer.scrub(new IllegalStateException("550 rejected: ana.perez@example.cl unknown")))
                .doesNotContain("ana.perez").contains("a•••@e•••.cl");
    }

    @Test
    void a_digest_is_due_once_its_hour_passed_since_the_last() {
        Instant created = at(2026, 12, 1, 10);
        SavedSearch daily = search(SavedSearch.Digest.DAILY, 8, created, null);
        assertThat(AlertMail.digestDue(daily, at(2026, 12, 1, 23))).as("saved after today's hour").isFalse();
        assertThat(AlertMail.digestDue(daily, at(2026, 12, 2, 7))).isFalse();
        assertThat(AlertMail.digestDue(daily, at(2026, 12, 2, 8))).isTrue();
        SavedSearch sent = search(SavedSearch.Digest.DAILY, 8, created, at(2026, 12, 2, 8));
        assertThat(AlertMail.digestDue(sent, at(2026, 12, 2, 20))).isFalse();
        assertThat(AlertMail.digestDue(sent, at(2026, 12, 3, 8))).isTrue();
        // weekly: Mondays (7 December 2026 is one)
        SavedSearch weekly = search(SavedSearch.Digest.WEEKLY, 9, created, null);
        assertThat(AlertMail.digestDue(weekly, at(2026, 12, 6, 12))).isFalse();
        assertThat(AlertMail.digestDue(weekly, at(2026, 12, 7, 9))).isTrue();
    }

    @Test
    void what_changed_in_a_followed_tender_is_told_and_nothing_else() {
        Seen before = new Seen(5, "Publicada", 1_000L, false, List.of(), 0, null, null, List.of());
        assertThat(FollowEvents.diff(Follow.Kind.TENDER, before, before)).isEmpty();
        Seen after = new Seen(8, "Adjudicada", 2_000L, true, List.of("76012551-2|Prov|1200"), 0, null, null,
                List.of("single-bid"));
        assertThat(FollowEvents.diff(Follow.Kind.TENDER, before, after).stream().map(e -> e[0]))
                .containsExactly(Alert.Event.CLOSING_MOVED, Alert.Event.STATE, Alert.Event.AWARDED,
                        Alert.Event.ANSWERED, Alert.Event.FLAG);
        assertThat(new Seen(18, "Revocada", 1L, false, null, 0, null, null, null).cancelled(Follow.Kind.TENDER))
                .isTrue();
        assertThat(new Seen(5, "Cancelada", 1L, false, null, 0, null, null, null).cancelled(Follow.Kind.COMPRA_AGIL))
                .isTrue();
    }

    private static SavedSearch search(SavedSearch.Digest d, int hour, Instant created, Instant last) {
        return new SavedSearch("s", "k", "n", Dataset.TENDERS, "", "f", "a", SavedSearch.Mail.ON, d, hour, last,
                created, 0);
    }

    private static Instant at(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 0).atZone(Formats.CHILE).toInstant();
    }
}
