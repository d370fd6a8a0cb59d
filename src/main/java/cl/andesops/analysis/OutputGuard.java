package cl.andesops.analysis;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cl.andesops.mercadopublico.MercadoPublicoProperties;
import cl.andesops.shared.config.AdminProperties;
import cl.andesops.shared.config.AiProperties;
import cl.andesops.shared.config.Secret;

/**
 * The last line of defence on what a model wrote, applied before anything is shown or stored: any configured
 * secret and any line of the system instructions are blanked out, whatever the model was talked into.
 */
@Component
public class OutputGuard {

    static final String SECRET_REMOVED = "[dato reservado omitido]";
    static final String INSTRUCTIONS_REMOVED = "[instrucciones internas omitidas]";
    private static final int MIN_LINE = 24;

    private final List<String> secrets = new ArrayList<>();
    private final List<String> instructionLines = new ArrayList<>();

    OutputGuard(AiProperties ai, MercadoPublicoProperties mp, AdminProperties admin, Prompts prompts) {
        for (Secret s : List.of(ai.gemini().apiKey(), ai.groq().apiKey(), ai.featherless().apiKey(), mp.ticket(),
                admin.password())) {
            if (s != null && s.isSet() && s.reveal().length() >= 4) {
                secrets.add(s.reveal());
            }
        }
        for (String line : prompts.system().split("\n")) {
            String l = line.strip();
            if (l.length() >= MIN_LINE) {
                instructionLines.add(l);
            }
        }
    }

    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, SECRET_REMOVED);
        }
        for (String line : instructionLines) {
            out = out.replace(line, INSTRUCTIONS_REMOVED);
        }
        return out;
    }
}
