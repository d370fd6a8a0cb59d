package cl.andesops.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.opendata.Dataset;
import cl.andesops.opendata.ImportService;

@RestController
@Tag(name = "Historia (datos abiertos)")
class ImportApi {

    private final ImportService imports;

    ImportApi(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/api/v1/import/status")
    @Operation(summary = "Meses importados de los datos abiertos por conjunto: estado, filas, rechazadas, avance")
    ImportService.Status status() {
        return imports.status();
    }

    /** Spring Security lets only the admin (HTTP Basic) reach /api/v1/admin/**. */
    @PostMapping("/api/v1/admin/import")
    @Operation(summary = "Importa (o reimporta) meses de datos abiertos: dataset=oc|lic|cot, from y to en YYYY-MM "
            + "(HTTP Basic, usuario admin)")
    ResponseEntity<?> importMonths(@RequestParam String dataset, @RequestParam String from, @RequestParam String to) {
        Dataset d = Dataset.of(dataset).orElseThrow(() -> new IllegalArgumentException(
                "'dataset' debe ser oc, lic o cot"));
        YearMonth a = month("from", from);
        YearMonth b = month("to", to);
        int queued = imports.enqueue(d, a, b);
        return ResponseEntity.accepted().body(Map.of("dataset", d.key(), "from", a.toString(), "to", b.toString(),
                "months", queued, "status", "/api/v1/import/status"));
    }

    /** Spring Security lets only the admin (HTTP Basic) reach /api/v1/admin/**. */
    @PostMapping("/api/v1/admin/import/discard")
    @Operation(summary = "Descarta el archivo y el avance de un mes y lo vuelve a descargar entero: dataset=oc|lic|cot, "
            + "month en YYYY-MM (HTTP Basic, usuario admin)")
    ResponseEntity<?> discard(@RequestParam String dataset, @RequestParam String month) {
        Dataset d = Dataset.of(dataset).orElseThrow(() -> new IllegalArgumentException(
                "'dataset' debe ser oc, lic o cot"));
        YearMonth m = month("month", month);
        if (!imports.discard(d, m)) {
            throw new ApiErrors.NotFound("api.error.notfound.month", d.key() + " " + m);
        }
        return ResponseEntity.accepted().body(Map.of("dataset", d.key(), "month", m.toString(), "status",
                "/api/v1/import/status"));
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' debe ser un mes YYYY-MM");
        }
    }
}
