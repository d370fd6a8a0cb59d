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

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.parties.ui.BuyerView;
import cl.andesops.parties.ui.SupplierView;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;
import cl.andesops.testing.TestClock;
import cl.andesops.shared.format.PartyKeys;

/**
 * The profiles of a buyer and of a supplier: their figures equal plain SQL over the same records, their pages show
 * them and lead from one party to the other, the API answers the same, and an unknown key says so.
 */
class ProfilesTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired BuyerProfiles buyers;
    @Autowired SupplierProfiles suppliers;
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

    String busiestBuyer() {
        return jdbc.sql("SELECT buyer_code FROM purchase_order WHERE has_detail = 1 AND buyer_code IS NOT NULL "
                + "GROUP BY buyer_code ORDER BY count(*) DESC, buyer_code LIMIT 1").query(String.class).single();
    }

    String busiestSupplierRut() {
        return jdbc.sql("SELECT supplier_rut FROM purchase_order WHERE has_detail = 1 AND supplier_rut IS NOT NULL "
                + "GROUP BY supplier_rut ORDER BY count(*) DESC, supplier_rut LIMIT 1").query(String.class).single();
    }

    private long sql(String query, Object... params) {
        var spec = jdbc.sql(query);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void a_buyers_figures_are_its_orders_in_the_period_as_plain_sql_counts_them() {
        String code = busiestBuyer();
        BuyerProfile p = buyers.profile(code, year).orElseThrow();
        int from = Period.day(year.from());
        int to = Period.day(year.to());
        String where = " FROM purchase_order WHERE buyer_code = ? AND has_detail = 1 AND day BETWEEN ? AND ?";
        assertThat(p.orders()).isPositive().isEqualTo(sql("SELECT count(*)" + where, code, from, to));
        assertThat(p.amountClp()).isEqualTo(sql("SELECT coalesce(sum(amount_clp), 0)" + where, code, from, to));
        assertThat(p.months()).hasSize(13);
        assertThat(p.months().stream().mapToLong(Figures.Month::orders).sum()).isEqualTo(p.orders());
        assertThat(p.procedures().stream().mapToLong(Figures.Share::orders).sum()).isEqualTo(p.orders());
        assertThat(p.procedures().stream().mapToDouble(Figures.Share::share).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        Figures.Counterpart top = p.topSuppliers().getFirst();
        assertThat(top.path()).startsWith("suppliers/");
        assertThat(top.amountClp()).isEqualTo(sql("SELECT coalesce(sum(amount_clp), 0)" + where
                + " AND supplier_rut = ?", code, from, to, cl.andesops.shared.format.Rut.parse(top.key())
                .orElseThrow().toString()));
        // the concentration of every supplier's share, not just the top ones'
        List<Long> amounts = jdbc.sql("SELECT coalesce(sum(amount_clp), 0)" + where.replace("?", ":x")
                        .replaceFirst(":x", ":c").replaceFirst(":x", ":f").replaceFirst(":x", ":t")
                        + " GROUP BY supplier_rut").param("c", code).param("f", from).param("t", to)
                .query(Long.class).list();
        assertThat(p.hhi()).isEqualTo(Figures.hhi(amounts.stream().mapToLong(Long::longValue).toArray()));
        assertThat(p.buyer().name()).isNotBlank();
    }

    @Test
    void a_suppliers_figures_are_the_orders_to_its_rut_in_the_period() {
        String rut = busiestSupplierRut();
        SupplierProfile p = suppliers.profile(rut, year).orElseThrow();
        int from = Period.day(year.from());
        int to = Period.day(year.to());
        assertThat(p.supplier().rut()).isEqualTo(PartyKeys.supplier(rut).orElseThrow());
        assertThat(p.orders()).isPositive().isEqualTo(sql("SELECT count(*) FROM purchase_order WHERE supplier_rut = ? "
                + "AND has_detail = 1 AND day BETWEEN ? AND ?", rut, from, to));
        assertThat(p.amountClp()).isEqualTo(sql("SELECT coalesce(sum(amount_clp), 0) FROM purchase_order WHERE "
                + "supplier_rut = ? AND has_detail = 1 AND day BETWEEN ? AND ?", rut, from, to));
        assertThat(p.topBuyers()).isNotEmpty().allSatisfy(b -> assertThat(b.path()).startsWith("buyers/"));
        assertThat(p.firstSale()).isNotNull().isBeforeOrEqualTo(p.lastSale());
        assertThat(p.quotes().quotes()).isEqualTo(sql("SELECT count(*) FROM ca_quote q JOIN ca_request r ON r.id = "
                + "q.request_id WHERE q.supplier_rut = ? AND r.published_at >= ? AND r.published_at < ?", rut,
                BuyerProfiles.millis(from, false), BuyerProfiles.millis(to, true)));
        // the same supplier by any spelling of its RUT
        assertThat(suppliers.profile(rut.replace(".", ""), year).orElseThrow().orders()).isEqualTo(p.orders());
    }

    @Test
    void the_pages_show_the_figures_and_lead_from_a_buyer_to_its_supplier_and_back() {
        KaribuTest.setUp(context);
        String code = busiestBuyer();
        UI.getCurrent().navigate("buyers/" + code);
        _get(BuyerView.class);
        BuyerProfile p = buyers.profile(code, year).orElseThrow();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("buyer-orders-value")).getText())
                .isEqualTo(cl.andesops.shared.format.Formats.count(p.orders()));
        @SuppressWarnings("unchecked")
        Grid<Figures.Counterpart> grid = _get(Grid.class, s -> s.withId("buyer-suppliers-grid"));
        Figures.Counterpart top = GridKt._fetch(grid, 0, 50).getFirst();
        assertThat(top.path()).isEqualTo(p.topSuppliers().getFirst().path());
        UI.getCurrent().navigate(top.path());
        SupplierProfile s = _get(SupplierView.class).shown();
        assertThat(s.topBuyers()).anySatisfy(b -> assertThat(b.key()).isEqualTo(code));
        UI.getCurrent().navigate(PartyKeys.buyerPath(code));
        assertThat(_get(BuyerView.class).shown().buyer().code()).isEqualTo(code);
    }

    @Test
    void the_pdf_of_a_profile_says_what_its_page_shows_and_links_the_same_period() throws Exception {
        KaribuTest.setUp(context);
        String code = busiestBuyer();
        UI.getCurrent().navigate("buyers/" + code);
        BuyerView view = _get(BuyerView.class);
        BuyerProfile p = view.shown();
        String share = _get(com.vaadin.flow.component.textfield.TextField.class, t -> t.withId("profile-share"))
                .getValue();
        assertThat(share).endsWith("buyers/" + code + "?desde=" + p.period().from() + "&hasta=" + p.period().to());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        cl.andesops.parties.ui.ProfilePdfAccess.write(view, share, true, out);
        String text = cl.andesops.testing.PdfText.of(out.toByteArray()).replaceAll("\\s+", " ");
        assertThat(text).contains(p.buyer().name().strip(), "DATOS SIMULADOS", share,
                cl.andesops.shared.format.Formats.count(p.orders()), "Principales proveedores",
                p.topSuppliers().getFirst().name(), cl.andesops.shared.format.Formats.clp(p.topSuppliers().getFirst()
                        .amountClp()), "Frente a sus pares", "Licitaciones publicadas")
                .doesNotContain("Analizar con IA");
    }

    @Test
    void an_unknown_buyer_or_a_rut_with_a_wrong_check_digit_says_so() {
        KaribuTest.setUp(context);
        UI.getCurrent().navigate("buyers/999999999");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, p -> p.withId("not-found-why")).getText())
                .contains("No hay ningún comprador con el código 999999999");
        UI.getCurrent().navigate("suppliers/77.740.881-5");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, p -> p.withId("not-found-why")).getText())
                .contains("77.740.881-5 no es un RUT válido");
        assertThat(buyers.profile("999999999", year)).isEmpty();
        assertThat(suppliers.profile("77.740.881-5", year)).isEmpty();
    }

    @Test
    void the_api_answers_the_same_figures_and_each_order_carries_its_parties_profiles() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        String code = busiestBuyer();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/buyers/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("orders").asLong()).isEqualTo(buyers.profile(code, year).orElseThrow().orders());
        // profile addresses in API answers are from the site's root, as the orders' are
        assertThat(body.path("topSuppliers").get(0).path("path").asString()).startsWith("/suppliers/");
        // every supplier, paged: the pages add up to the distinct suppliers and the first rows are the profile's
        JsonNode page0 = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/buyers/" + code + "/suppliers?size=3")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(page0.path("total").asLong()).isEqualTo(body.path("suppliers").asLong());
        assertThat(page0.path("items")).hasSize((int) Math.min(3, body.path("suppliers").asLong()));
        assertThat(page0.path("items").get(0).path("key").asString()).isEqualTo(body.path("topSuppliers").get(0)
                .path("key").asString());
        JsonNode page1 = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/buyers/" + code + "/suppliers?size=3&page=1")).build(), HttpResponse.BodyHandlers
                .ofString()).body());
        if (body.path("suppliers").asLong() > 3) {
            assertThat(page1.path("items").get(0).path("key").asString()).isEqualTo(body.path("topSuppliers").get(3)
                    .path("key").asString());
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/buyers/999999999")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        for (String period : List.of("desde=ayer&hasta=hoy", "meses=muchos", "desde=2026-05-01&hasta=2026-01-01",
                "desde=2026-01-01")) {
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/buyers/" + code + "?" + period)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).as(period).isEqualTo(400);
            assertThat(wrong.body()).as(period).contains("desde").doesNotContain("Exception");
        }
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/suppliers/77740881-5")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("dígito verificador");
        String rut = PartyKeys.supplier(busiestSupplierRut()).orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/suppliers/"
                + rut)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        JsonNode order = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/orders?size=1")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("items").get(0);
        assertThat(order.get("buyerProfile").asString()).isEqualTo("/buyers/" + order.get("buyerCode").asString());
        assertThat(order.get("supplierProfile").asString()).startsWith("/suppliers/");
    }
}
