package cl.andesops.analysis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

import cl.andesops.shared.config.AiProperties;

/**
 * One cheap, real call per language-model provider, for the admin's "Probar" button: list the models the key can
 * use. It says what happened in plain words and never repeats the key.
 */
@Component
public class ProviderProbe {

    public record Result(boolean ok, String message, long millis) {
    }

    private final AiProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProviderProbe(AiProperties properties) {
        this.properties = properties;
    }

    public Result probe(String provider) {
        AiProperties.Provider p = properties.provider(provider);
        if (!p.enabled()) {
            return new Result(false, "Sin clave: defina la variable " + provider.toUpperCase() + "_API_KEY", 0);
        }
        HttpRequest request;
        if ("gemini".equals(provider)) {
            String base = p.baseUrl().isBlank() ? "https://generativelanguage.googleapis.com" : p.baseUrl();
            request = HttpRequest.newBuilder(URI.create(strip(base) + "/v1beta/models?pageSize=1"))
                    .header("x-goog-api-key", p.apiKey().reveal()).timeout(Duration.ofSeconds(10)).GET().build();
        } else {
            String models = SpringAiAnalyst.openAiBase(p.baseUrl()) + "/models";
            request = HttpRequest.newBuilder(URI.create(models)).header("Authorization", "Bearer " + p.apiKey().reveal())
                    .timeout(Duration.ofSeconds(10)).GET().build();
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return switch (r.statusCode()) {
                case 200 -> new Result(true, "Responde (HTTP 200)", ms);
                case 401, 403 -> new Result(false, "La clave fue rechazada (HTTP " + r.statusCode() + ")", ms);
                case 429 -> new Result(false, "Límite de solicitudes alcanzado (HTTP 429)", ms);
                default -> new Result(false, "Respondió HTTP " + r.statusCode(), ms);
            };
        } catch (IOException e) {
            return new Result(false, "Sin conexión con el proveedor (" + e.getClass().getSimpleName() + ")",
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "Interrumpido", 0);
        }
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
