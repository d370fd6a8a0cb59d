package cl.andesops.api;

import java.time.Clock;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import cl.andesops.alerts.Alerts;
import cl.andesops.alerts.AlertsProperties;
import cl.andesops.alerts.Calendars;
import cl.andesops.alerts.Feeds;
import cl.andesops.alerts.MailFlow;
import cl.andesops.shared.I18n;

/**
 * What the alerts' private addresses answer: an Atom feed, a calendar, and the pages of the mails' links. A name
 * that opens nothing answers a bare 404, the same whether it never existed or was revoked. The mails' links act only
 * on POST (RFC 8058's one-click unsubscription, or the button of the page a GET shows), so a scanner that follows
 * links changes nothing.
 */
@RestController
@Tag(name = "Alertas")
class AlertLinks {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType ICS = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final Alerts alerts;
    private final Calendars calendars;
    private final MailFlow mail;
    private final AlertsProperties properties;
    private final Clock clock;

    AlertLinks(Alerts alerts, Calendars calendars, MailFlow mail, AlertsProperties properties, Clock clock) {
        this.alerts = alerts;
        this.calendars = calendars;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/alerts/feeds/{token}")
    @Operation(summary = "Feed Atom de una búsqueda guardada o de una clave", description = "Dirección privada: "
            + "la da la búsqueda guardada (feedUrl) o la página /alerts.", responses = {
            @ApiResponse(responseCode = "200", description = "Atom (RFC 4287)", content = @Content(
                    mediaType = "application/atom+xml", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "404", description = "Nada con ese nombre: ni dice si existió",
                    content = @Content())})
    ResponseEntity<String> feed(@PathVariable String token) {
        return alerts.feed(token).map(f -> ResponseEntity.ok().contentType(ATOM)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .body(Feeds.atom(f, properties.base(), properties.base() + "/api/v1/alerts/feeds/" + token)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/api/v1/alerts/calendar/{token}.ics")
    @Operation(summary = "Calendario de los cierres de lo que sigue una clave", description = "iCalendar, para "
            + "suscribirse como webcal:; dirección privada (calendarUrl).", responses = {
            @ApiResponse(responseCode = "200", description = "iCalendar (RFC 5545)", content = @Content(
                    mediaType = "text/calendar", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "404", description = "Nada con ese nombre: ni dice si existió",
                    content = @Content())})
    ResponseEntity<String> calendar(@PathVariable String token) {
        return alerts.byFeed(token).map(k -> ResponseEntity.ok().contentType(ICS)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .header("Content-Disposition", "inline; filename=\"andesops.ics\"")
                        .body(calendars.ics(k, clock.instant())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @Hidden
    @GetMapping(value = "/api/v1/alerts/mail/confirm/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmPage(@PathVariable String token) {
        return page(MailFlow.Purpose.CONFIRM, token, false);
    }

    @Hidden
    @PostMapping(value = "/api/v1/alerts/mail/confirm/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        return page(MailFlow.Purpose.CONFIRM, token, true);
    }

    @Hidden
    @GetMapping(value = "/api/v1/alerts/mail/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        return page(MailFlow.Purpose.UNSUBSCRIBE, token, false);
    }

    /** RFC 8058: the mail client POSTs {@code List-Unsubscribe=One-Click}; the page's button POSTs the same. */
    @Hidden
    @PostMapping(value = "/api/v1/alerts/mail/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return page(MailFlow.Purpose.UNSUBSCRIBE, token, true);
    }

    private ResponseEntity<String> page(MailFlow.Purpose purpose, String token, boolean act) {
        var link = mail.link(purpose, token);
        Locale l = link.map(MailFlow.Link::locale).orElse(ApiErrors.locale());
        String p = purpose == MailFlow.Purpose.CONFIRM ? "confirm" : "unsubscribe";
        if (link.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, l, I18n.text(l, "alerts.link.spent.title"),
                    "<p>" + esc(I18n.text(l, "alerts.link.spent")) + "</p>");
        }
        String what = link.get().searchName() == null ? I18n.text(l, "alerts.mail.follows")
                : link.get().searchName();
        if (act) {
            boolean done = mail.use(purpose, token);
            return html(done ? HttpStatus.OK : HttpStatus.NOT_FOUND, l, I18n.text(l, "alerts.link." + p + ".done.title"),
                    "<p>" + esc(I18n.text(l, done ? "alerts.link." + p + ".done" : "alerts.link.spent",
                            link.get().masked(), what)) + "</p><p><a href=\"/alerts\">"
                            + esc(I18n.text(l, "alerts.link.manage")) + "</a></p>");
        }
        return html(HttpStatus.OK, l, I18n.text(l, "alerts.link." + p + ".title"), "<p>"
                + esc(I18n.text(l, "alerts.link." + p + ".ask", link.get().masked(), what)) + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + esc(I18n.text(l, "alerts.link." + p + ".button"))
                + "</button></form>");
    }

    private static ResponseEntity<String> html(HttpStatus status, Locale l, String title, String body) {
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex")
                .body("<!DOCTYPE html><html lang=\"" + l.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                        + esc(title) + " · AndesOps</title><style>body{font-family:system-ui,sans-serif;max-width:"
                        + "36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}"
                        + "button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #1a56c4;"
                        + "background:#1a56c4;color:#fff;cursor:pointer}a{color:#1a56c4}</style></head><body><main>"
                        + "<h1>" + esc(title) + "</h1>" + body + "</main></body></html>");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
