package cl.andesops.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what the API is, HTTP Basic on the admin operations, and the
 * problem answers (RFC 9457) each operation can give besides its 200. {@code OpenApiDocumentTest} lints it with
 * Redocly's CLI.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "adminBasic";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI andesOpsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("AndesOps API").version("v1")
                        .description("""
                                Chile's public purchasing (Mercado Público) as AndesOps keeps it: purchase orders, \
                                tenders and Compra Ágil requests, paged with their totals; the sync's progress; and, \
                                for the administrator, syncing a day and importing months of ChileCompra's open data. \
                                Reads are public and anonymous; the admin operations take HTTP Basic (user admin). \
                                Errors are RFC 9457 problems, in Spanish or, with Accept-Language: en, in English. \
                                In demo mode every record carries "simulated": true.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes(BASIC, basicScheme()).addSchemas(PROBLEM,
                        problemSchema()));
    }

    private static SecurityScheme basicScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("User admin and the ADMIN_PASSWORD of the instance");
    }

    /** Every operation's answers besides its own: bad input, an unknown code, the admin's login, a server fault. */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            Map<String, String> tagDescriptions = new LinkedHashMap<>();
            // here rather than in the bean alone: springdoc builds the document's components afresh
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema()).addSecuritySchemes(BASIC, basicScheme())
                    .addSecuritySchemes(AlertsApi.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").description("The private key of POST /api/v1/alerts/keys"));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                boolean admin = path.startsWith("/api/v1/admin/");
                if (admin) {
                    op.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                    problem(op, "401", "Sin credenciales de administrador, o credenciales incorrectas");
                    problem(op, "403", "Petición desde otro sitio (Origin o Sec-Fetch-Site), rechazada");
                } else if (path.startsWith("/api/v1/alerts") && !path.startsWith("/api/v1/alerts/feeds/")
                        && !path.startsWith("/api/v1/alerts/calendar/") && !path.equals("/api/v1/alerts/keys")) {
                    op.setSecurity(List.of(new SecurityRequirement().addList(AlertsApi.BEARER)));
                    problem(op, "401", "Sin clave privada, o una clave reemplazada");
                } else {
                    op.setSecurity(List.of()); // public: no security, said explicitly
                }
                if (op.getParameters() != null && !op.getParameters().isEmpty()) {
                    problem(op, "400", "Un parámetro falta o no es válido");
                }
                if (path.startsWith("/api/v1/alerts/feeds/") || path.startsWith("/api/v1/alerts/calendar/")) {
                    // a private address that opens nothing answers a bare 404: not even a problem to read
                    op.getResponses().computeIfAbsent("404", k -> new ApiResponse().description("Nada con ese nombre"))
                            .setContent(null);
                } else if (path.contains("{")) {
                    problem(op, "404", "No hay un registro con ese código");
                }
                problem(op, "500", "Falla inesperada; el detalle da un identificador para citar");
                if (op.getOperationId() == null) {
                    op.setOperationId(method.name().toLowerCase(java.util.Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
                }
                if (op.getTags() != null) {
                    op.getTags().forEach(t -> tagDescriptions.putIfAbsent(t, null));
                }
            }));
            if (api.getTags() == null || api.getTags().isEmpty()) {
                api.setTags(tagDescriptions.keySet().stream().map(t -> new Tag().name(t).description(t)).toList());
            } else {
                api.getTags().forEach(t -> {
                    if (t.getDescription() == null) {
                        t.setDescription(t.getName());
                    }
                });
            }
        };
    }

    private static void problem(Operation op, String status, String description) {
        if (op.getResponses().containsKey(status)) {
            return;
        }
        op.getResponses().addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An RFC 9457 problem: what went wrong, in words")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Parámetro 'page' inválido"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/orders"));
    }
}
