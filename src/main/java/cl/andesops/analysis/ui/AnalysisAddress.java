package cl.andesops.analysis.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

import cl.andesops.analysis.Analysis;
import cl.andesops.analysis.AnalysisKind;
import cl.andesops.analysis.Subject;

/**
 * What the analysis screen's address says and how it is written: a stored analysis by {@code id}; a subject by
 * {@code kind} and {@code subject}; a market slice by {@code kind=market}, {@code categoria}, {@code region},
 * {@code desde} and {@code hasta}. The same address reopens the same facts, so it is the share link of facts not
 * stored. The PDF's file name says the subject.
 */
final class AnalysisAddress {

    private AnalysisAddress() {
    }

    /** The query that names the subject. */
    static QueryParameters of(Subject s) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kind", s.kind().param());
        if (s.kind() == AnalysisKind.MARKET) {
            s.slice().ifPresent(slice -> {
                if (slice.category() != null) {
                    params.put("categoria", slice.category());
                }
                if (slice.region() != null) {
                    params.put("region", slice.region());
                }
                params.put("desde", slice.from().toString());
                params.put("hasta", slice.to().toString());
            });
        } else {
            params.put("subject", s.key());
        }
        return QueryParameters.simple(params);
    }

    /** The stored analysis the address names, if it names one. */
    static Optional<String> id(Map<String, List<String>> q) {
        return Optional.ofNullable(first(q, "id"));
    }

    /** The subject of kind {@code k} the address names; empty when it names none or cannot be read. */
    static Optional<Subject> subject(AnalysisKind k, Map<String, List<String>> q) {
        if (k == AnalysisKind.MARKET) {
            try {
                return Optional.of(Subject.market(new Subject.Slice(first(q, "categoria"), first(q, "region"),
                        LocalDate.parse(first(q, "desde")), LocalDate.parse(first(q, "hasta")))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        String key = first(q, "subject");
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(new Subject(k, key));
    }

    static String fileName(Analysis a, boolean simulated) {
        return "analisis-" + a.kind().param() + "-" + a.subject().replaceAll("[^A-Za-z0-9-]+", "_")
                + (simulated ? "-simulado" : "") + ".pdf";
    }

    static String first(Map<String, List<String>> q, String key) {
        return cl.andesops.shared.ui.UrlParams.first(q, key, null);
    }
}
