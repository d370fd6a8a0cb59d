package cl.andesops.analysis;

import static cl.andesops.analysis.FactsText.t;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Row;
import cl.andesops.analysis.Facts.Source;
import cl.andesops.analysis.Facts.SourceType;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.flags.FlagWords;
import cl.andesops.flags.Flags;
import cl.andesops.flags.Indicator;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Period;

/**
 * The integrity signals of an analysis' subject as facts: each signal that fired on a party's records (or on the
 * party itself) in the period, how many times, the evidence of the furthest past its line in words, and the records
 * as sources, so that the narrative explains them and cites them. A signal is a reason to look, never proof.
 */
@Component
class SignalFacts {

    private static final int SOURCES = 3;

    private final Flags flags;

    SignalFacts(Flags flags) {
        this.flags = flags;
    }

    /** The signals of a buyer's or supplier's records and of the party itself in the period. */
    Optional<Table> party(PartyKeys.Kind kind, String key, Period period) {
        List<String> keys = flags.keysOf(kind, key);
        Map<Indicator, Long> fired = flags.firedFor(kind, keys, period);
        List<Row> rows = new ArrayList<>();
        fired.forEach((i, n) -> {
            List<Flags.Hit> hits = flags.hits(i, period, kind, keys, 0, SOURCES).hits();
            rows.add(row(i, n, hits));
        });
        return table(rows);
    }

    /** The signals that fired on these records (a tender). */
    Optional<Table> records(Collection<String> codes) {
        List<Row> rows = new ArrayList<>();
        flags.on(codes).values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.groupingBy(Flags.Hit::indicator, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()))
                .forEach((i, hits) -> rows.add(row(i, hits.size(), hits)));
        return table(rows);
    }

    private static Row row(Indicator i, long n, List<Flags.Hit> hits) {
        var locale = FactsText.locale();
        String why = hits.isEmpty() ? "" : FlagWords.why(hits.getFirst(), locale);
        List<Source> sources = i.subject.party() ? List.of() : hits.stream().limit(SOURCES)
                .map(h -> new Source(h.recordCode(), type(i.subject))).toList();
        return new Row(List.of(FlagWords.name(i, locale), Formats.count(n), why), sources);
    }

    private static SourceType type(Indicator.Subject s) {
        return switch (s) {
            case TENDER -> SourceType.TENDER;
            case COMPRA_AGIL -> SourceType.COMPRA_AGIL;
            default -> SourceType.ORDER;
        };
    }

    private static Optional<Table> table(List<Row> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Table(
                t("Señales de integridad (motivos para mirar, no prueba)"),
                List.of(t("Señal"), t("Registros"), t("Evidencia del primero")), rows));
    }
}
