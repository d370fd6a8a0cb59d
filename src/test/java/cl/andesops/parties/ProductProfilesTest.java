package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.parties.ui.ProductView;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;
import cl.andesops.testing.TestClock;

/** A product's price reference: its quartiles are those of its order lines' unit prices as plain SQL reads them. */
class ProductProfilesTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired ProductProfiles products;
    @Autowired ApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    final Period year = Period.lastYear(TestClock.today());

    @BeforeEach
    void data() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' AND state = 'DONE'").query(Integer.class)
                .single() >= 2);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    String commonest() {
        return jdbc.sql("SELECT oi.product_code FROM order_item oi JOIN purchase_order po ON po.id = oi.order_id "
                + "WHERE po.has_detail = 1 AND oi.product_code IS NOT NULL GROUP BY oi.product_code "
                + "ORDER BY count(*) DESC, oi.product_code LIMIT 1").query(String.class).single();
    }

    @Test
    void the_median_and_quartiles_are_those_of_the_lines_unit_prices_in_pesos() {
        String code = commonest();
        ProductProfile p = products.profile(code, year).orElseThrow();
        List<Double> prices = jdbc.sql("""
                        SELECT CAST(oi.net_price AS REAL) FROM order_item oi JOIN purchase_order po ON po.id = oi.order_id
                         WHERE oi.product_code = :p AND po.has_detail = 1 AND po.day BETWEEN :f AND :t
                           AND coalesce(oi.currency, po.currency) = 'CLP' AND CAST(oi.net_price AS REAL) > 0""")
                .param("p", code).param("f", Period.day(year.from())).param("t", Period.day(year.to()))
                .query(Double.class).list();
        assertThat(p.linesPriced()).isPositive().isEqualTo(prices.size());
        double[] sorted = prices.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long units = p.byUnit().size();
        if (units == 1) {
            ProductProfile.Prices all = p.byUnit().getFirst();
            assertThat(all.median()).isEqualTo(cl.andesops.shared.Stats.quantile(sorted, 0.5));
            assertThat(all.p25()).isEqualTo(cl.andesops.shared.Stats.quantile(sorted, 0.25));
            assertThat(all.p75()).isEqualTo(cl.andesops.shared.Stats.quantile(sorted, 0.75));
            assertThat(p.comparable()).isTrue();
        }
        assertThat(p.byMonth().stream().mapToLong(ProductProfile.Prices::count).sum())
                .isEqualTo(p.byUnit().getFirst().count());
        assertThat(p.buyers()).isNotEmpty().allSatisfy(b -> assertThat(b.path()).startsWith("buyers/"));
        assertThat(p.newest()).isNotEmpty().allSatisfy(r -> assertThat(r.path()).startsWith("orders/"));
        assertThat(cl.andesops.shared.Stats.quantile(new double[]{1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    }

    @Test
    void lines_in_two_units_give_no_single_median() {
        var prices = ProductProfiles.prices(java.util.Map.of("Caja", List.of(10.0, 12.0, 11.0), "Unidad",
                List.of(1.0, 2.0)));
        assertThat(prices).extracting(ProductProfile.Prices::key).containsExactly("Caja", "Unidad");
        assertThat(prices.getFirst().median()).isEqualTo(11.0);
    }

    @Test
    void the_page_and_the_api_show_it_and_an_unknown_product_says_so() throws Exception {
        KaribuTest.setUp(context);
        String code = commonest();
        UI.getCurrent().navigate("products/" + code);
        assertThat(_get(ProductView.class).shown().code()).isEqualTo(code);
        UI.getCurrent().navigate("products/99999999");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, p -> p.withId("not-found-why")).getText())
                .contains("99999999");
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/products/"
                + code)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/products/99999999")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }
}
