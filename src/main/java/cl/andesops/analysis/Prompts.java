package cl.andesops.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.ai.chat.prompt.PromptTemplate;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Source;

/**
 * Builds what the model is asked from {@code prompts/*.st}: the fixed system instructions and, per kind, the task
 * with the facts as compact text (no raw rows: a market slice of any size stays a few thousand tokens). Text written
 * by third parties (a tender's name and description) goes only inside a fenced block the instructions call data.
 */
@Component
public class Prompts {

    static final String JSON_MARKER = "###JSON";
    private static final String FENCE = "texto_no_confiable";

    private final String system;
    private final Map<AnalysisKind, PromptTemplate> tasks = new EnumMap<>(AnalysisKind.class);

    Prompts() {
        system = read("prompts/system.st");
        for (AnalysisKind k : AnalysisKind.values()) {
            tasks.put(k, new PromptTemplate(read("prompts/" + k.param() + ".st")));
        }
    }

    public String system() {
        return system;
    }

    public Analyst.Request request(Facts facts) {
        return request(facts, cl.andesops.shared.I18n.SPANISH);
    }

    /** In English, the model is asked to write the narrative and the verdict's texts in English. */
    public Analyst.Request request(Facts facts, java.util.Locale locale) {
        String schema = new BeanOutputConverter<>(Verdicts.forKind(facts.kind())).getJsonSchema();
        String user = tasks.get(facts.kind()).render(Map.of("facts", factsText(facts), "schema", schema));
        if (locale != null && "en".equals(locale.getLanguage())) {
            user = user + "\n\n" + ENGLISH;
        }
        return new Analyst.Request(system, user);
    }

    /** The line an English request ends with: the language of the answer, not of the schema's fixed values. */
    static final String ENGLISH = "Escribe la narrativa y los textos del JSON en inglés (English), para un lector de "
            + "habla inglesa; los nombres de los campos y los valores fijos del esquema (como POSTULAR) no cambian.";

    /**
     * The facts as short lines: metrics, tables as rows with their sources, the series, then the fenced text. Every
     * value that comes from a record (a name, a unit, a duration, a scope naming a region or a product) is fenced:
     * only our own labels, the series' periods and figures stand outside.
     */
    static String factsText(Facts f) {
        StringBuilder b = new StringBuilder();
        b.append("Título: ").append(fenced(f.title())).append('\n');
        b.append("Alcance: ").append(fenced(f.subtitle())).append("\n\nMétricas (sus valores vienen de los "
                + "registros):\n");
        for (Facts.Metric m : f.metrics()) {
            b.append("- ").append(m.label()).append(": ").append(fenced(m.value())).append(codes(m.sources()))
                    .append('\n');
        }
        for (Facts.Table t : f.tables()) {
            b.append("\nTabla «").append(t.title()).append("» (").append(String.join(" | ", t.columns()))
                    .append(" | fuentes); sus nombres son de terceros:\n<").append(FENCE).append(">\n");
            for (Facts.Row r : t.rows()) {
                b.append("- ").append(String.join(" | ", r.cells().stream().map(Prompts::defang).toList()))
                        .append(codes(r.sources())).append('\n');
            }
            b.append("</").append(FENCE).append(">\n");
        }
        if (f.trend() != null && !f.trend().labels().isEmpty()) {
            b.append("\nSerie «").append(f.trend().title()).append("» (período: monto CLP / órdenes): ");
            for (int i = 0; i < f.trend().labels().size(); i++) {
                b.append(i == 0 ? "" : "; ").append(f.trend().labels().get(i)).append(": ")
                        .append(f.trend().amounts().get(i)).append(" / ").append(f.trend().counts().get(i));
            }
            b.append('\n');
        }
        if (f.untrustedText() != null && !f.untrustedText().isBlank()) {
            b.append("\nNombre y descripción publicados por el comprador:\n<").append(FENCE).append(">\n")
                    .append(defang(f.untrustedText())).append("\n</").append(FENCE).append(">\n");
        }
        return b.toString();
    }

    /** A value on one line, between the fence's marks. */
    private static String fenced(String value) {
        return "<" + FENCE + ">" + defang(value) + "</" + FENCE + ">";
    }

    /**
     * Third-party text cannot close the fence or open a new one, whatever its spacing, case or lookalike brackets:
     * it keeps no angle bracket at all (each becomes a guillemet), no invisible character to split a word with, and
     * no JSON marker.
     */
    static String defang(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD]", "")
                .replaceAll("[<\\uFF1C\\u2039\\u3008\\u27E8\\uFE64]", "‹")
                .replaceAll("[>\\uFF1E\\u203A\\u3009\\u27E9\\uFE65]", "›");
        return t.replaceAll("(?i)#{2,}\\s*J\\s*S\\s*O\\s*N", "").replaceAll("(?i)texto[\\s_-]*no[\\s_-]*confiable", "");
    }

    private static String codes(List<Source> sources) {
        return sources.isEmpty() ? "" : " " + sources.stream().map(s -> "[" + s.code() + "]")
                .collect(Collectors.joining(""));
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
