package cl.andesops.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.flags.Indicator;
import cl.andesops.rules.RuleBook.Rule;
import cl.andesops.rules.Rules;
import cl.andesops.shared.I18n;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.format.SitePath;
import tools.jackson.databind.annotation.JsonSerialize;

@RestController
@Tag(name = "Señales de integridad")
class FlagsApi {

    private final Flags flags;
    private final Rules rules;
    private final Clock clock;

    FlagsApi(Flags flags, Rules rules, Clock clock) {
        this.flags = flags;
        this.rules = rules;
        this.clock = clock;
    }

    /** A rule an indicator applies, with its source. */
    record RuleRef(String id, String name, String source) {
    }

    /** An indicator's definition and its figures in the period. */
    record IndicatorFigures(String id, String name, String definition, String family, String kind, String subject,
            List<RuleRef> rules, long applicable, long fired, double rate, long notJudged,
            Map<String, Long> notJudgedBy, boolean noisy, String warning, double target, Double recentRate,
            Double earlierRate) {
    }

    /** Every indicator in the period, with the words every use of them must carry. */
    record Catalogue(String from, String to, String notice, boolean current, double noiseRate,
            List<IndicatorFigures> indicators) {
    }

    /** Where the indicator fires most: a buyer or a supplier, with its profile. */
    record PartyFigure(String key, String name, @JsonSerialize(using = SitePath.class) String path, long fired) {
    }

    /** One indicator: its figures, its rate by month, and where it fires most. */
    record IndicatorDetail(String from, String to, String notice, boolean current, IndicatorFigures indicator,
            List<Flags.Month> months, List<PartyFigure> buyers, List<PartyFigure> suppliers) {
    }

    /** A record linked to its page. */
    record RecordRef(String code, @JsonSerialize(using = SitePath.class) String path) {
    }

    /** A record the indicator fired on: why, in words, its figures, and the records its evidence names. */
    record FlagRecord(String code, @JsonSerialize(using = SitePath.class) String path, String day, String buyerCode,
            @JsonSerialize(using = SitePath.class) String buyerPath, String supplier,
            @JsonSerialize(using = SitePath.class) String supplierPath, double score, String why,
            List<Object> figures, List<RecordRef> evidence) {
    }

    private Period period(String desde, String hasta, String meses) {
        return Period.strict(desde, hasta, meses, LocalDate.now(clock.withZone(Formats.CHILE)));
    }

    private static Locale locale() {
        return ApiErrors.locale();
    }

    private Indicator indicator(String id) {
        return Indicator.of(id).orElseThrow(() -> new ApiErrors.NotFound("api.error.notfound.flag", id));
    }

    private IndicatorFigures figures(Flags.Coverage c, Locale l) {
        Indicator i = c.indicator();
        var table = rules.table();
        List<RuleRef> refs = i.rules.stream().map(id -> table.book().rules().stream().filter(r -> r.id().equals(id))
                .findFirst().orElse(null)).filter(java.util.Objects::nonNull)
                .map((Rule r) -> new RuleRef(r.id(), r.name(l.getLanguage()), r.source())).toList();
        return new IndicatorFigures(i.id, FlagWords.name(i, l), FlagWords.definition(i, l),
                I18n.text(l, "flags.family." + i.family), I18n.text(l, "flags.kind." + i.kind),
                I18n.text(l, "flags.subject." + i.subject), refs, c.applicable(), c.fired(), c.rate(), c.notJudged(),
                c.notJudgedBy(), c.noisy(), c.noisy() ? FlagWords.noisy(flags.noiseRate(), l) : null, c.target(),
                c.recentRate() < 0 ? null : c.recentRate(), c.earlierRate() < 0 ? null : c.earlierRate());
    }

    @GetMapping("/api/v1/flags")
    @Operation(summary = "Las señales de integridad en un período (desde y hasta AAAA-MM-DD, o meses; 12 por "
            + "omisión): definición, reglas y fuentes, registros juzgados, no juzgados y por qué, activadas, tasa y "
            + "advertencia de mala calibración. Una señal es un motivo para mirar, no una prueba.")
    Catalogue catalogue(@RequestParam(required = false) String desde, @RequestParam(required = false) String hasta,
                        @RequestParam(required = false) String meses) {
        Period p = period(desde, hasta, meses);
        Locale l = locale();
        return new Catalogue(p.from().toString(), p.to().toString(), FlagWords.notice(l), flags.current(),
                flags.noiseRate(), flags.coverage(p).stream().map(c -> figures(c, l)).toList());
    }

    @GetMapping("/api/v1/flags/{id}")
    @Operation(summary = "Una señal en el período: sus cifras, su tasa por mes y los compradores y proveedores "
            + "donde más se activa")
    IndicatorDetail indicator(@PathVariable String id, @RequestParam(required = false) String desde,
                              @RequestParam(required = false) String hasta,
                              @RequestParam(required = false) String meses) {
        Indicator i = indicator(id);
        Period p = period(desde, hasta, meses);
        Locale l = locale();
        Flags.Coverage c = flags.coverage(p).stream().filter(x -> x.indicator() == i).findFirst().orElseThrow();
        return new IndicatorDetail(p.from().toString(), p.to().toString(), FlagWords.notice(l), flags.current(),
                figures(c, l), flags.months(i, p), party(flags.top(i, PartyKeys.Kind.BUYER, p, 10)),
                party(flags.top(i, PartyKeys.Kind.SUPPLIER, p, 10)));
    }

    private static List<PartyFigure> party(List<Flags.Party> parties) {
        return parties.stream().map(x -> new PartyFigure(x.key(), x.name(), x.path(), x.fired())).toList();
    }

    @GetMapping("/api/v1/flags/{id}/records")
    @Operation(summary = "Los registros en que se activa la señal en el período, los más alejados del umbral "
            + "primero, paginados: por qué en palabras, sus cifras y los registros de su evidencia; comprador "
            + "(código de organismo, con las unidades de sus solicitudes de Compra Ágil) o proveedor (RUT) para los "
            + "de una parte, como los enlaza su perfil")
    ApiPage<FlagRecord> records(@PathVariable String id, @RequestParam(required = false) String desde,
                                @RequestParam(required = false) String hasta,
                                @RequestParam(required = false) String meses,
                                @RequestParam(required = false) String comprador,
                                @RequestParam(required = false) String proveedor,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Indicator i = indicator(id);
        Paging.check(page, size);
        Period p = period(desde, hasta, meses);
        Locale l = locale();
        if (comprador != null && proveedor != null) {
            throw new IllegalArgumentException(ApiErrors.text("api.error.flagparty"));
        }
        if (proveedor != null && cl.andesops.shared.format.Rut.parse(proveedor).isEmpty()) {
            throw new IllegalArgumentException(ApiErrors.text("api.error.badrut", proveedor));
        }
        PartyKeys.Kind kind = comprador != null ? PartyKeys.Kind.BUYER : proveedor != null ? PartyKeys.Kind.SUPPLIER
                : null;
        Flags.Hits hits = kind == null ? flags.hits(i, p, (long) page * size, size)
                : flags.hits(i, p, kind, flags.keysOf(kind, comprador != null ? comprador : proveedor),
                (long) page * size, size);
        return new ApiPage<>(hits.hits().stream().map(h -> record(h, l)).toList(), page, size, hits.total());
    }

    static FlagRecord record(Flags.Hit h, Locale l) {
        Indicator.Subject evidenceOf = h.indicator().subject;
        return new FlagRecord(h.recordCode(), h.indicator().subject.path(h.recordCode()), h.day().toString(),
                h.buyerCode(), h.buyerCode() == null ? null : PartyKeys.path(PartyKeys.Kind.BUYER, h.buyerCode()),
                h.supplier(), h.supplier() == null ? null : PartyKeys.path(PartyKeys.Kind.SUPPLIER, h.supplier()),
                h.score(), FlagWords.why(h, l), h.args(),
                h.records().stream().map(c -> new RecordRef(c, evidenceOf.path(c))).toList());
    }
}
