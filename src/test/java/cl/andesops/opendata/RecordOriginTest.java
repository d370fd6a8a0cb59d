package cl.andesops.opendata;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.orders.OrderWriter;
import cl.andesops.shared.DataOrigin;
import cl.andesops.shared.StatusIndicator;
import cl.andesops.simulator.SimulatorFixtures;
import cl.andesops.simulator.SimulatorSettings;
import cl.andesops.testing.KaribuTest;

/**
 * With no ticket but a real open-data host, the history imported from it is real and says so, in the API and on
 * its page, while what the live sync brings from the simulator is marked simulated: the mark follows the record,
 * not the mode; the header says which sources are real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "andesops.storage.data-dir=target/test-data/record-origin",
        "andesops.opendata.base-url=http://127.0.0.1:9/open-data-host"})
class RecordOriginTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/record-origin"));
    }

    @Autowired OpenDataImport importer;
    @Autowired OrderWriter orders;
    @Autowired JdbcClient jdbc;
    @Autowired DataOrigin origin;
    @Autowired ApplicationContext context;
    @Autowired java.util.List<StatusIndicator> indicators;
    @LocalServerPort int port;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static byte[] zipOfSample() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             InputStream in = RecordOriginTest.class.getResourceAsStream("/samples/open-data/oc-da-2026-6-head.csv")) {
            zip.putNextEntry(new ZipEntry("2026-6.csv"));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body());
    }

    @Test
    void real_history_in_a_demo_is_never_called_simulated_and_the_live_records_are() throws Exception {
        assertThat(origin.simulated()).as("no ticket: the live sync is the simulator's").isTrue();
        assertThat(origin.historySimulated()).as("a real open-data host").isFalse();

        importer.importOrders(new java.io.ByteArrayInputStream(zipOfSample()), "2026-6.zip");
        String real = jdbc.sql("SELECT code FROM purchase_order WHERE from_open_data = 1 ORDER BY id LIMIT 1")
                .query(String.class).single();
        var simulated = new SimulatorFixtures(SimulatorSettings.small(3)).orderDetails(LocalDate.of(2026, 6, 9),
                Instant.parse("2026-06-10T12:00:00Z")).stream()
                .map(b -> cl.andesops.mercadopublico.WireFormat.orderDetail(b).orElseThrow()).limit(1).toList();
        orders.storeDetails(simulated);
        String live = simulated.getFirst().code();

        JsonNode realOne = get("/api/v1/orders/" + real);
        assertThat(realOne.path("simulated").asBoolean()).isFalse();
        assertThat(realOne.path("officialUrl").asString()).contains("mercadopublico.cl");
        JsonNode liveOne = get("/api/v1/orders/" + live);
        assertThat(liveOne.path("simulated").asBoolean()).isTrue();
        assertThat(liveOne.has("officialUrl")).isFalse();
        JsonNode page = get("/api/v1/orders?size=200");
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("simulated").asBoolean()).as(item.path("code").asString())
                    .isEqualTo(!item.path("fromOpenData").asBoolean());
        }
        assertThat(page.path("simulated").asBoolean()).as("a page with a simulated record on it").isTrue();

        // its page links to mercadopublico.cl; the simulated one's says it is simulated
        KaribuTest.setUp(context);
        UI.getCurrent().navigate("orders/" + real);
        assertThat(_find(Anchor.class, spec -> spec.withId("order-official"))).hasSize(1);
        UI.getCurrent().navigate("orders/" + live);
        assertThat(_find(Span.class, spec -> spec.withId("order-official"))).singleElement()
                .satisfies(s -> assertThat(s.getText()).isEqualTo("Registro simulado (modo demo)"));

        // the header says which sources are real
        assertThat(indicators.stream().flatMap(i -> i.current().stream()).map(StatusIndicator.Status::messageKey))
                .contains("status.demo.realhistory");
    }
}
