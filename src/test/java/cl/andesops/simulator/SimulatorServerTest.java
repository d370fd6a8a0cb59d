package cl.andesops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import cl.andesops.shared.format.Formats;

/** The simulator holds the client to the real API's rules, and to no rule the real API does not have. */
class SimulatorServerTest {

    @Test
    void a_month_downloading_from_the_open_data_host_is_no_concurrent_api_request() throws Exception {
        SimulatorSettings settings = SimulatorSettings.small(5).withVolume(0, 4_000, 0, 0)
                .withSpacing(Duration.ofMillis(5));
        try (SimulatorServer sim = SimulatorServer.start(settings, Clock.systemUTC())) {
            HttpClient http = HttpClient.newHttpClient();
            LocalDate lastMonth = LocalDate.now(Formats.CHILE).minusMonths(1);
            // a month's file, read a few bytes and then held: its download stays in flight on the server
            HttpResponse<InputStream> zip = http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/oc-da/"
                    + lastMonth.getYear() + "-" + lastMonth.getMonthValue() + ".zip")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = zip.body()) {
                assertThat(zip.statusCode()).isEqualTo(200);
                assertThat(body.readNBytes(16)).hasSize(16);
                Thread.sleep(50);
                URI list = sim.baseUrl().resolve("/servicios/v1/publico/ordenesdecompra.json?fecha="
                        + DateTimeFormatter.ofPattern("ddMMyyyy").format(LocalDate.now(Formats.CHILE).minusDays(1))
                        + "&ticket=" + settings.ticket());
                HttpResponse<String> orders = http.send(HttpRequest.newBuilder(list).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(orders.statusCode()).isEqualTo(200);
                // the error's number, not an order code that holds the digits (7193-3410500-SE26 some days)
                assertThat(orders.body()).doesNotContain("\"Codigo\":10500").contains("\"Listado\"");
            }
        }
    }

    private static HttpResponse<String> orders(SimulatorServer sim, HttpClient http) throws Exception {
        URI list = sim.baseUrl().resolve("/servicios/v1/publico/ordenesdecompra.json?fecha="
                + DateTimeFormatter.ofPattern("ddMMyyyy").format(LocalDate.now(Formats.CHILE).minusDays(1))
                + "&ticket=" + sim.settings().ticket());
        return http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void starts_too_close_are_a_burst_at_the_real_spacing_and_only_overlaps_at_the_demos() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (SimulatorServer real = SimulatorServer.start(SimulatorSettings.small(5)
                .withSpacing(Duration.ofMillis(1_500)), Clock.systemUTC())) {
            assertThat(orders(real, http).statusCode()).isEqualTo(200);
            assertThat(orders(real, http).body()).as("a start well within 750 ms of the last")
                    .contains("\"Codigo\":10500");
        }
        try (SimulatorServer demo = SimulatorServer.start(SimulatorSettings.small(5)
                .withSpacing(Duration.ofMillis(10)), Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                assertThat(orders(demo, http).body()).as("one request after another, none overlapping")
                        .doesNotContain("\"Codigo\":10500");
            }
        }
    }
}
