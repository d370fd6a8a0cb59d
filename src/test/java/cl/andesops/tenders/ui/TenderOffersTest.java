package cl.andesops.tenders.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.tenders.TenderOffer;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;

/** A tender's page and its API list every offer the open data gives: supplier, amount, state and whether it won. */
class TenderOffersTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void every_offer_shows_with_its_supplier_amount_state_and_whether_it_won() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single() > 0);
        long id = jdbc.sql("SELECT id FROM tender WHERE has_detail = 1 ORDER BY id LIMIT 1").query(Long.class).single();
        String code = jdbc.sql("SELECT code FROM tender WHERE id = :id").param("id", id).query(String.class).single();
        String insert = "INSERT INTO tender_offer (tender_id, line, supplier_code, supplier_rut, supplier_name, "
                + "offer_name, state, quantity, currency, unit_price, total, selected) "
                + "VALUES (:t, :line, :code, :rut, :name, 'Oferta', :state, '10', 'CLP', :unit, :total, :sel)";
        Object[][] offers = {{1, "S1", "76.111.111-1", "Proveedora Uno", "Aceptada", 1000, 10000, 1},
                {1, "S2", "76.222.222-2", "Proveedora Dos", "Aceptada", 1500, 15000, 0},
                {2, "S3", "76.333.333-3", "Proveedora Tres", "Rechazada", 900, 9000, 0}};
        for (Object[] o : offers) {
            jdbc.sql(insert).param("t", id).param("line", o[0]).param("code", o[1]).param("rut", o[2])
                    .param("name", o[3]).param("state", o[4]).param("unit", o[5]).param("total", o[6])
                    .param("sel", o[7]).update();
        }
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/tenders/" + code + "/offers?size=2")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode page = JsonMapper.builder().build().readTree(r.body());
            assertThat(page.path("total").asLong()).isEqualTo(3);
            assertThat(page.path("items")).hasSize(2);
            JsonNode first = page.path("items").get(0);
            assertThat(first.path("supplierName").asString()).isEqualTo("Proveedora Uno");
            assertThat(first.path("selected").asBoolean()).isTrue();
            assertThat(first.path("total").decimalValue()).isEqualByComparingTo("10000");
            assertThat(first.path("state").asString()).isEqualTo("Aceptada");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/tenders/NO-SUCH-TENDER/offers")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(404);

            KaribuTest.setUp(context);
            UI.getCurrent().navigate("tenders/" + code);
            assertThat(_get(H2.class, spec -> spec.withId("tender-offers-title")).getText())
                    .isEqualTo("3 ofertas recibidas");
            @SuppressWarnings("unchecked")
            Grid<TenderOffer> grid = _get(Grid.class, spec -> spec.withId("tender-offers"));
            List<TenderOffer> rows = GridKt._fetch(grid, 0, 100);
            assertThat(rows).extracting(TenderOffer::supplierName)
                    .containsExactly("Proveedora Uno", "Proveedora Dos", "Proveedora Tres");
            assertThat(rows).extracting(TenderOffer::selected).containsExactly(true, false, false);
            assertThat(GridKt._getFormattedRow(grid, 0)).contains("Sí", "Aceptada", "76.111.111-1");
        } finally {
            jdbc.sql("DELETE FROM tender_offer WHERE tender_id = :t").param("t", id).update();
        }
    }
}
