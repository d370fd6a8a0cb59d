package cl.andesops.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.alerts.Alert;
import cl.andesops.alerts.AlertKey;
import cl.andesops.alerts.AlertWords;
import cl.andesops.alerts.Alerts;
import cl.andesops.alerts.AlertsProperties;
import cl.andesops.alerts.Follow;
import cl.andesops.alerts.MailFlow;
import cl.andesops.alerts.SavedSearch;
import cl.andesops.alerts.WatchException;
import cl.andesops.alerts.Watchlist;

/**
 * Saved searches, follows and their alerts, owned by a private key sent as a bearer token: no account, no password.
 * A key is made by {@code POST /api/v1/alerts/keys}; its link opens the same searches and follows in a browser.
 */
@RestController
@Tag(name = "Alertas")
class AlertsApi {

    static final String BEARER = "alertKey";

    private final Watchlist watchlist;
    private final Alerts alerts;
    private final MailFlow mail;
    private final AlertsProperties properties;

    AlertsApi(Watchlist watchlist, Alerts alerts, MailFlow mail, AlertsProperties properties) {
        this.watchlist = watchlist;
        this.alerts = alerts;
        this.mail = mail;
        this.properties = properties;
    }

    record NewKey(String key, String link) {
    }

    record SearchRequest(String name, String url, String email, String digest, Integer hour) {
    }

    record SearchAnswer(String id, String name, String dataset, String url, String digest, int hour, String mail,
                        String email, String feedUrl, Instant createdAt) {
    }

    record FollowRequest(String url) {
    }

    record FollowAnswer(String id, String kind, String code, String label, String url, String calendarUrl,
                        Instant createdAt) {
    }

    record AlertAnswer(long id, String event, String text, String code, String title, String url, String dataset,
                       String searchId, String followId, Instant createdAt, boolean seen) {
    }

    /** A key that does not open anything: 401, the same whether it never existed or was replaced. */
    static final class NoKey extends RuntimeException {
        NoKey() {
            super("no key", null, false, false);
        }
    }

    @ExceptionHandler(NoKey.class)
    ResponseEntity<ProblemDetail> noKey() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"AndesOps\"")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ApiErrors.text("api.error.alertKey")));
    }

    @ExceptionHandler(WatchException.class)
    ProblemDetail refused(WatchException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case LIMIT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return ProblemDetail.forStatusAndDetail(status, ApiErrors.text(e.key(), e.args()));
    }

    @PostMapping("/api/v1/alerts/keys")
    @Operation(summary = "Crea una clave privada", description = "La clave (mostrada esta única vez) es el token "
            + "Bearer de las demás operaciones; el enlace abre sus búsquedas y seguimientos en un navegador.")
    ResponseEntity<NewKey> createKey() {
        Watchlist.NewKey k = watchlist.createKey(ApiErrors.locale());
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewKey(k.secret(), link(k.secret())));
    }

    @PostMapping("/api/v1/alerts/keys/replace")
    @Operation(summary = "Reemplaza la clave", description = "Una clave nueva recibe todo; la anterior, sus feeds "
            + "y su calendario dejan de funcionar.")
    ResponseEntity<NewKey> replaceKey(HttpServletRequest request) {
        Watchlist.NewKey k = watchlist.replace(key(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewKey(k.secret(), link(k.secret())));
    }

    @GetMapping("/api/v1/alerts/searches")
    @Operation(summary = "Búsquedas guardadas")
    List<SearchAnswer> searches(HttpServletRequest request) {
        AlertKey k = key(request);
        return watchlist.searches(k).stream().map(s -> answer(k, s)).toList();
    }

    @PostMapping("/api/v1/alerts/searches")
    @Operation(summary = "Guarda una búsqueda", description = "url es la dirección de /tenders, /compra-agil o / con "
            + "su filtro, tal como la muestra la barra de direcciones. Con email, se envía un enlace de confirmación "
            + "y los correos empiezan cuando se confirma. digest: immediate, daily o weekly; hour: 0 a 23, hora de "
            + "Chile.")
    ResponseEntity<SearchAnswer> save(HttpServletRequest request, @RequestBody SearchRequest body) {
        AlertKey k = key(request);
        SavedSearch.Digest digest = digest(body.digest());
        SavedSearch s = watchlist.save(k, body.name(), body.url(), body.email(), digest, body.hour());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer(k, s));
    }

    @DeleteMapping("/api/v1/alerts/searches/{id}")
    @Operation(summary = "Borra una búsqueda guardada")
    ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String id) {
        if (!watchlist.delete(key(request), id)) {
            throw new ApiErrors.NotFound("api.error.notfound.search", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/alerts/follows")
    @Operation(summary = "Lo que sigue la clave")
    List<FollowAnswer> follows(HttpServletRequest request) {
        AlertKey k = key(request);
        return watchlist.follows(k).stream().map(f -> answer(k, f)).toList();
    }

    @PostMapping("/api/v1/alerts/follows")
    @Operation(summary = "Sigue una licitación, una Compra Ágil, un comprador o un proveedor", description = "url es la "
            + "dirección de su página (/tenders/…, /compra-agil/…, /buyers/…, /suppliers/…).")
    ResponseEntity<FollowAnswer> follow(HttpServletRequest request, @RequestBody FollowRequest body) {
        AlertKey k = key(request);
        return ResponseEntity.status(HttpStatus.CREATED).body(answer(k, watchlist.follow(k, body.url())));
    }

    @DeleteMapping("/api/v1/alerts/follows/{id}")
    @Operation(summary = "Deja de seguir")
    ResponseEntity<Void> unfollow(HttpServletRequest request, @PathVariable String id) {
        if (!watchlist.unfollow(key(request), id)) {
            throw new ApiErrors.NotFound("api.error.notfound.follow", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Las alertas de la clave, las más nuevas primero")
    ApiPage<AlertAnswer> list(HttpServletRequest request,
                              @Parameter(description = "Página, desde 0") @RequestParam(defaultValue = "0") int page,
                              @Parameter(description = "Tamaño, 1 a 200") @RequestParam(defaultValue = "50") int size) {
        AlertKey k = key(request);
        Paging.check(page, size); // the same bounds as every list of the API, at most 100,000 rows deep
        java.util.Locale l = ApiErrors.locale();
        List<AlertAnswer> items = alerts.page(k, page * size, size).stream().map(a -> new AlertAnswer(a.id(),
                a.event().name(), AlertWords.what(a, l), a.code(), a.title(), base() + a.path(),
                a.dataset().name(), a.searchId(), a.followId(), a.createdAt(), a.seenAt() != null)).toList();
        return new ApiPage<>(items, page, size, alerts.count(k));
    }

    private AlertKey key(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        Optional<AlertKey> k = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
                ? watchlist.key(h.substring(7).strip()) : Optional.empty();
        return k.orElseThrow(NoKey::new);
    }

    private static SavedSearch.Digest digest(String d) {
        if (d == null || d.isBlank()) {
            return SavedSearch.Digest.IMMEDIATE;
        }
        for (SavedSearch.Digest x : SavedSearch.Digest.values()) {
            if (x.name().equalsIgnoreCase(d.strip())) {
                return x;
            }
        }
        throw new IllegalArgumentException(ApiErrors.text("api.error.digest"));
    }

    /** The app's address as the client reached it (or the one configured). */
    private String base() {
        return properties.base(org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().toUriString());
    }

    private String link(String secret) {
        return base() + "/alerts?clave=" + secret;
    }

    private SearchAnswer answer(AlertKey k, SavedSearch s) {
        String masked = s.addressId() == null ? null : mail.addresses(k).stream()
                .filter(a -> a.id().equals(s.addressId())).findFirst().map(a -> a.masked()).orElse(null);
        return new SearchAnswer(s.id(), s.name(), s.dataset().name(), base() + s.path(),
                s.digest().name().toLowerCase(java.util.Locale.ROOT), s.digestHour(),
                s.mail().name().toLowerCase(java.util.Locale.ROOT), masked,
                base() + "/api/v1/alerts/feeds/" + s.feedToken(), s.createdAt());
    }

    private FollowAnswer answer(AlertKey k, Follow f) {
        return new FollowAnswer(f.id(), f.kind().name(), f.code(), f.label(), base() + f.path(),
                base() + "/api/v1/alerts/calendar/" + k.feedToken() + ".ics", f.createdAt());
    }
}
