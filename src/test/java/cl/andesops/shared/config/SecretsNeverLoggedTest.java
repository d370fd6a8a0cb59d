package cl.andesops.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cl.andesops.AndesOpsApplication;
import cl.andesops.mercadopublico.MercadoPublicoProperties;

/** Starts the whole app with fake secret values, prints its configuration records, and scans the log. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest {

    static final String[] SECRETS = {"fake-ticket-7f3a9c", "AIfake-gemini-key-5521", "gsk_fake_groq_key_9911",
            "fake-featherless-key-3141", "fake-admin-password-2718"};

    @Test
    void secrets_never_reach_the_log_or_any_response(CapturedOutput output) throws Exception {
        String dir = java.nio.file.Files.createTempDirectory("andesops-secrets").toString();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AndesOpsApplication.class)
                .properties("MERCADO_PUBLICO_TICKET=" + SECRETS[0],
                        "MERCADO_PUBLICO_BASE_URL=http://127.0.0.1:9",
                        "COMPRA_AGIL_BASE_URL=http://127.0.0.1:9",
                        "GEMINI_API_KEY=" + SECRETS[1], "GROQ_API_KEY=" + SECRETS[2],
                        "FEATHERLESS_API_KEY=" + SECRETS[3], "ADMIN_PASSWORD=" + SECRETS[4],
                        "DATABASE_URL=jdbc:sqlite:" + dir + "/andesops.db",
                        "logging.level.cl.andesops=DEBUG")
                .run("--andesops.storage.data-dir=" + dir, "--server.port=0", "--andesops.sync.enabled=true")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            var http = java.net.http.HttpClient.newHttpClient();
            StringBuilder bodies = new StringBuilder();
            for (String path : new String[]{"/", "/tenders", "/compra-agil", "/admin", "/login", "/orders/x",
                    "/api/v1/orders", "/api/v1/tenders", "/api/v1/compra-agil", "/api/v1/sync/status", "/v3/api-docs",
                    "/actuator/health", "/api/v1/nothing"}) {
                bodies.append(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body());
            }
            String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + SECRETS[4]).getBytes());
            bodies.append(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/api/v1/admin/sync?date=2026-01-05")).header("Authorization", "Basic " + basic)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            for (String secret : SECRETS) {
                assertThat(bodies.toString()).as("responses").doesNotContain(secret);
            }
            System.out.println(ctx.getBean(MercadoPublicoProperties.class));
            System.out.println(ctx.getBean(AiProperties.class));
            System.out.println(ctx.getBean(AdminProperties.class));
            System.out.println(ctx.getBean(StorageProperties.class));
        }
        assertThat(output.getAll()).contains("Secret[set]");
        for (String secret : SECRETS) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    @Test
    void a_secret_masks_itself_in_text() {
        Secret s = Secret.of("abc123");
        assertThat(s.maskIn("GET /x?ticket=abc123&fecha=1")).isEqualTo("GET /x?ticket=****&fecha=1");
        assertThat(s).hasToString("Secret[set]");
        assertThat(Secret.of("  ")).hasToString("Secret[missing]");
        assertThat(Secret.of(" k ").reveal()).isEqualTo("k");
    }
}
