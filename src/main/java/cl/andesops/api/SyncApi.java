package cl.andesops.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.admin.AdminCredentials;
import cl.andesops.sync.SyncService;
import cl.andesops.sync.SyncStatus;

@RestController
@Tag(name = "Sincronización")
class SyncApi {

    private final SyncService sync;
    private final AdminCredentials admin;

    SyncApi(SyncService sync, AdminCredentials admin) {
        this.sync = sync;
        this.admin = admin;
    }

    @GetMapping("/api/v1/sync/status")
    @Operation(summary = "Progreso de la sincronización, solicitudes gastadas hoy y cuota restante")
    SyncStatus status() {
        return sync.status(20);
    }

    @PostMapping("/api/v1/admin/sync")
    @Operation(summary = "Sincroniza ahora las órdenes y licitaciones de un día (HTTP Basic, usuario admin)")
    ResponseEntity<?> syncDay(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (!authorized(authorization)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Se requiere el usuario admin (HTTP Basic)");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"AndesOps\", charset=\"UTF-8\"").body(p);
        }
        long job = sync.syncDay(date);
        return ResponseEntity.accepted().body(Map.of("job", job, "date", date.toString(),
                "status", "/api/v1/sync/status"));
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && admin.matches(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
