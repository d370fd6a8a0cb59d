package cl.andesops.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Which variables of PRODUCT.md are set and where each came from. A secret's value is never returned, not even
 * partly; plain settings (port, models, base URLs without credentials) show their value.
 */
@Service
public class SecretsStatus {

    public record Variable(String name, boolean secret, boolean set, String source, String value) {
    }

    /** Variable, kind, and the property that holds its effective value (with the default applied). */
    private static final List<String[]> VARIABLES = List.of(
            new String[]{"MERCADO_PUBLICO_TICKET", "secret", null}, new String[]{"GEMINI_API_KEY", "secret", null},
            new String[]{"GROQ_API_KEY", "secret", null}, new String[]{"FEATHERLESS_API_KEY", "secret", null},
            new String[]{"DATABASE_URL", "secret", null}, new String[]{"ADMIN_PASSWORD", "secret", null},
            new String[]{"GEMINI_MODEL", "plain", "andesops.ai.gemini.model"},
            new String[]{"GROQ_MODEL", "plain", "andesops.ai.groq.model"},
            new String[]{"FEATHERLESS_MODEL", "plain", "andesops.ai.featherless.model"},
            new String[]{"MERCADO_PUBLICO_BASE_URL", "url", "andesops.mercadopublico.base-url"},
            new String[]{"COMPRA_AGIL_BASE_URL", "url", "andesops.mercadopublico.compra-agil-base-url"},
            new String[]{"DATOS_ABIERTOS_BASE_URL", "url", "andesops.opendata.base-url"},
            new String[]{"SII_BASE_URL", "url", "andesops.rules.sii-base-url"},
            new String[]{"GROQ_BASE_URL", "url", "andesops.ai.groq.base-url"},
            new String[]{"FEATHERLESS_BASE_URL", "url", "andesops.ai.featherless.base-url"},
            new String[]{"SMTP_HOST", "plain", "andesops.mail.host"},
            new String[]{"SMTP_PORT", "plain", "andesops.mail.port"},
            // an address is never shown on a page: the user name and the sender are said set or not, as secrets
            new String[]{"SMTP_USERNAME", "secret", null}, new String[]{"SMTP_PASSWORD", "secret", null},
            new String[]{"SMTP_FROM", "secret", null},
            new String[]{"ANDESOPS_PUBLIC_URL", "url", "andesops.alerts.public-url"},
            new String[]{"PORT", "plain", "server.port"}, new String[]{"ANDESOPS_DATA_DIR", "plain",
                    "andesops.storage.data-dir"});

    private final Environment environment;

    SecretsStatus(Environment environment) {
        this.environment = environment;
    }

    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        for (String[] v : VARIABLES) {
            String name = v[0];
            String value = environment.getProperty(name);
            boolean set = value != null && !value.isBlank();
            String source = !set ? "default" : System.getenv(name) != null ? "env" : "property";
            boolean secret = "secret".equals(v[1]);
            String effective = set ? value : v[2] == null ? null : environment.getProperty(v[2]);
            String shown = secret || effective == null ? null
                    : "url".equals(v[1]) ? withoutCredentials(effective) : effective;
            out.add(new Variable(name, secret, set, source, shown));
        }
        return out;
    }

    static String withoutCredentials(String url) {
        try {
            URI u = URI.create(url.strip());
            return u.getUserInfo() == null ? url.strip() : new URI(u.getScheme(), null, u.getHost(), u.getPort(),
                    u.getPath(), null, null).toString();
        } catch (Exception e) {
            return "(no es una URL válida)";
        }
    }
}
