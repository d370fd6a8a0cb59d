package cl.andesops.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;

import cl.andesops.analysis.ProviderProbe;
import cl.andesops.mercadopublico.CaQuery;
import cl.andesops.mercadopublico.CallLog;
import cl.andesops.mercadopublico.CompraAgilClient;
import cl.andesops.mercadopublico.Endpoints;
import cl.andesops.mercadopublico.MercadoPublicoClient;
import cl.andesops.mercadopublico.MercadoPublicoException;
import cl.andesops.mercadopublico.Purpose;
import cl.andesops.opendata.Dataset;
import cl.andesops.opendata.ImportService;
import cl.andesops.sync.SyncService;
import cl.andesops.sync.SyncStatus;

/** What the administration screen shows and does: secrets status, integration health and probes, the sync. */
@Service
public class AdminService {

    public record Probe(boolean ok, String message, long millis) {
    }

    public record Health(String integration, CallLog.Outcome lastSuccess, CallLog.Outcome lastFailure) {
    }

    private final SecretsStatus secrets;
    private final ProviderProbe providers;
    private final MercadoPublicoClient v1;
    private final CompraAgilClient v2;
    private final CallLog calls;
    private final SyncService sync;
    private final Endpoints endpoints;
    private final Clock clock;

    private final ImportService imports;
    private final cl.andesops.analysis.NarrativeLimits narratives;

    AdminService(SecretsStatus secrets, ProviderProbe providers, MercadoPublicoClient v1, CompraAgilClient v2,
                 CallLog calls, SyncService sync, Endpoints endpoints, Clock clock, ImportService imports,
                 cl.andesops.analysis.NarrativeLimits narratives,
                 cl.andesops.shared.persistence.StorageDurability durability) {
        this.durability = durability;
        this.imports = imports;
        this.narratives = narratives;
        this.secrets = secrets;
        this.providers = providers;
        this.v1 = v1;
        this.v2 = v2;
        this.calls = calls;
        this.sync = sync;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    private final cl.andesops.shared.persistence.StorageDurability durability;

    /** Whether the data will not survive a restart (SQLite on a Space's container disk). */
    public boolean storageEphemeral() {
        return durability.ephemeral();
    }

    public List<SecretsStatus.Variable> variables() {
        return secrets.variables();
    }

    public boolean simulated() {
        return endpoints.simulated();
    }

    /** One cheap real call; for Mercado Público it spends one request of the interactive reserve. */
    public Probe probe(String integration) {
        long t0 = System.nanoTime();
        try {
            switch (integration) {
                case "v1" -> {
                    int buyers = v1.buyers(Purpose.INTERACTIVE).size();
                    return new Probe(true, "Responde: " + buyers + " organismos compradores", ms(t0));
                }
                case "compra-agil" -> {
                    Instant now = clock.instant();
                    int n = v2.list(CaQuery.changedBetween(now.minusSeconds(3600), now, 1), Purpose.INTERACTIVE)
                            .totalResults();
                    return new Probe(true, "Responde: " + n + " solicitudes cambiaron en la última hora", ms(t0));
                }
                default -> {
                    ProviderProbe.Result r = providers.probe(integration);
                    return new Probe(r.ok(), r.message(), r.millis());
                }
            }
        } catch (MercadoPublicoException e) {
            return new Probe(false, e.getMessage(), ms(t0));
        }
    }

    public List<Health> health() {
        return List.of(new Health("v1", calls.lastSuccess("v1"), calls.lastFailure("v1")),
                new Health("compra-agil", calls.lastSuccess("compra-agil"), calls.lastFailure("compra-agil")));
    }

    public SyncStatus syncStatus() {
        return sync.status(25);
    }

    public long syncDay(LocalDate day) {
        return sync.syncDay(day);
    }

    public void pause() {
        sync.pause();
    }

    public void resume() {
        sync.resume();
    }

    public boolean paused() {
        return sync.paused();
    }

    /** What the language models cost today against the daily budget, and the narratives being written. */
    public cl.andesops.analysis.NarrativeLimits.Usage aiUsage() {
        return narratives.usage();
    }

    // ---- history from the open data ----

    public ImportService.Status imports() {
        return imports.status();
    }

    /** Seconds left of the month being imported, -1 when unknown. */
    public long importSecondsLeft() {
        return imports.secondsLeft();
    }

    /** Queues the months {@code from}..{@code to} of a dataset; returns how many. */
    public int importMonths(Dataset dataset, YearMonth from, YearMonth to) {
        return imports.enqueue(dataset, from, to);
    }

    public void pauseImports() {
        imports.pause();
    }

    public void resumeImports() {
        imports.resume();
    }

    /** The rows a month's import left out, as CSV: entry, line, reason. */
    public String rejectionsCsv(Dataset dataset, YearMonth month) {
        StringBuilder b = new StringBuilder("archivo;linea;motivo\r\n");
        for (String[] r : imports.rejections(dataset, month)) {
            // the entry's name and the reason quote the file: a spreadsheet must not run them as formulas
            b.append('"').append(cell(r[0])).append("\";").append(r[1]).append(";\"").append(cell(r[2]))
                    .append("\"\r\n");
        }
        return b.toString();
    }

    private static String cell(String v) {
        return cl.andesops.shared.ui.TableExport.neutralise(v).replace("\"", "\"\"");
    }

    /** Forgets a month's file and progress and fetches it again (false: no such month was ever queued). */
    public boolean discardMonth(Dataset dataset, YearMonth month) {
        return imports.discard(dataset, month);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
