package cl.andesops.api;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.sync.SyncService;
import cl.andesops.sync.SyncStatus;

@RestController
@Tag(name = "Sincronización")
class SyncApi {

    private final SyncService sync;

    SyncApi(SyncService sync) {
        this.sync = sync;
    }

    @GetMapping("/api/v1/sync/status")
    @Operation(summary = "Progreso de la sincronización, solicitudes gastadas hoy y cuota restante")
    SyncStatus status() {
        return sync.status(20);
    }

    /** Spring Security lets only the admin (HTTP Basic) reach /api/v1/admin/**. */
    @PostMapping("/api/v1/admin/sync")
    @Operation(summary = "Sincroniza ahora las órdenes y licitaciones de un día (HTTP Basic, usuario admin)")
    ResponseEntity<?> syncDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        long job = sync.syncDay(date);
        return ResponseEntity.accepted().body(Map.of("job", job, "date", date.toString(),
                "status", "/api/v1/sync/status"));
    }
}
