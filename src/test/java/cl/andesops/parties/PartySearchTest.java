package cl.andesops.parties;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.PartyKeys.Kind;
import cl.andesops.shared.format.PartyKeys.Named;
import cl.andesops.shared.format.Rut;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;

/**
 * The party search finds a buyer by its name's words or its code, a supplier by its RUT in any spelling, a product by
 * its code or words; it follows new commits; the page, the API and the not-found pages lead to it.
 */
class PartySearchTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("dataSource") javax.sql.DataSource dataSource;
    @Autowired PartyIndex index;
    @Autowired DataVersions versions;
    @Autowired ApplicationEventPublisher events;
    @Autowired ApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void data() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' AND state = 'DONE'").query(Integer.class)
                .single() >= 2);
        index.awaitIndexed();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private String[] busiest(String key, String name) {
        return jdbc.sql("SELECT " + key + ", max(" + name + ") FROM purchase_order WHERE has_detail = 1 AND " + key
                        + " IS NOT NULL GROUP BY " + key + " ORDER BY count(*) DESC, " + key + " LIMIT 1")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).single();
    }

    @Test
    void a_buyer_is_found_by_the_words_of_its_name_and_by_its_code() {
        String[] buyer = busiest("buyer_code", "buyer_name");
        String words = String.join(" ", List.of(buyer[1].split("\\s+")).subList(0, Math.min(3,
                buyer[1].split("\\s+").length)));
        assertThat(index.search(words, Kind.BUYER, 20)).extracting(PartyIndex.Hit::key).contains(buyer[0]);
        // as typed, the last word half-written
        String half = words.substring(0, words.length() - 2);
        assertThat(index.search(half, null, 50)).extracting(PartyIndex.Hit::key).contains(buyer[0]);
        PartyIndex.Hit byCode = index.search(buyer[0], null, 5).getFirst();
        assertThat(byCode.kind()).isEqualTo(Kind.BUYER);
        assertThat(byCode.key()).isEqualTo(buyer[0]);
        assertThat(byCode.path()).isEqualTo("buyers/" + buyer[0]);
        assertThat(index.search(words, Kind.SUPPLIER, 50)).allSatisfy(h -> assertThat(h.kind()).isEqualTo(Kind.SUPPLIER));
    }

    @Test
    void a_supplier_is_found_by_its_rut_with_or_without_dots_and_dash() {
        String[] supplier = busiest("supplier_rut", "supplier_name");
        Rut rut = Rut.parse(supplier[0]).orElseThrow();
        String key = PartyKeys.supplier(supplier[0]).orElseThrow();
        for (String spelling : List.of(rut.toString(), rut.number() + "-" + rut.checkDigit(),
                "" + rut.number() + rut.checkDigit(), " " + rut + " ")) {
            PartyIndex.Hit first = index.search(spelling, null, 5).getFirst();
            assertThat(first.kind()).as(spelling).isEqualTo(Kind.SUPPLIER);
            assertThat(first.key()).as(spelling).isEqualTo(key);
            assertThat(first.path()).isEqualTo("suppliers/" + key);
        }
        assertThat(index.search(supplier[1], Kind.SUPPLIER, 50)).extracting(PartyIndex.Hit::key).contains(key);
    }

    @Test
    void a_product_is_found_by_its_code_and_by_its_words() {
        String[] product = jdbc.sql("SELECT product_code, max(product) FROM order_item WHERE product_code IS NOT NULL "
                        + "AND product IS NOT NULL GROUP BY product_code ORDER BY count(*) DESC LIMIT 1")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).single();
        PartyIndex.Hit first = index.search(product[0], null, 5).getFirst();
        assertThat(first.kind()).isEqualTo(Kind.PRODUCT);
        assertThat(first.path()).isEqualTo("products/" + product[0]);
        assertThat(index.search(product[1], Kind.PRODUCT, 50)).extracting(PartyIndex.Hit::key).contains(product[0]);
    }

    @Test
    void a_commit_with_a_new_name_is_found_once_indexed() {
        assertThat(index.search("Zorzaleda Quintralco", null, 5)).isEmpty();
        long v = versions.next(DataChanged.Dataset.ORDERS);
        jdbc.sql("""
                INSERT INTO purchase_order (code, buyer_code, buyer_name, supplier_rut, supplier_name, fetched_at,
                                            version)
                VALUES ('TEST-PARTY-1', '99887766', 'Servicio Zorzaleda de Pruebas', '76.086.428-5',
                        'Quintralco Limitada', 0, :v)""").param("v", v).update();
        events.publishEvent(new DataChanged(DataChanged.Dataset.ORDERS, DataChanged.UNKNOWN, List.of("TEST-PARTY-1"), List.of()));
        index.awaitIndexed();
        assertThat(index.search("zorzaleda", null, 5)).singleElement()
                .isEqualTo(new PartyIndex.Hit(Kind.BUYER, "99887766", "Servicio Zorzaleda de Pruebas", "buyers/99887766"));
        assertThat(index.search("quintralco", null, 5)).singleElement().extracting(PartyIndex.Hit::key)
                .isEqualTo("76086428-5");
        jdbc.sql("DELETE FROM purchase_order WHERE code = 'TEST-PARTY-1'").update();
    }

    @Test
    void a_commits_names_are_read_from_its_rows_not_from_a_scan_of_a_table() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cl.andesops.testing.PostgresTestDatabase.server() == null,
                "SQLite's plans");
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClassLoader loader = getClass().getClassLoader();
        javax.sql.DataSource recording = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(loader,
                new Class<?>[]{javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object out = invoke(method, dataSource, args);
                    return !(out instanceof java.sql.Connection c) ? out : java.lang.reflect.Proxy.newProxyInstance(
                            loader, new Class<?>[]{java.sql.Connection.class}, (p2, m2, a2) -> {
                                if (m2.getName().equals("prepareStatement")) {
                                    statements.add((String) a2[0]);
                                }
                                return invoke(m2, c, a2);
                            });
                });
        JdbcClient client = JdbcClient.create(recording);
        for (Class<?> type : List.of(cl.andesops.orders.OrderPartyQueries.class,
                cl.andesops.tenders.TenderPartyQueries.class, cl.andesops.compraagil.CompraAgilPartyQueries.class)) {
            var make = type.getDeclaredConstructor(JdbcClient.class);
            make.setAccessible(true);
            Object queries = make.newInstance(client);
            for (PartyKeys.Rows rows : List.of(PartyKeys.Rows.since(1), PartyKeys.Rows.ids(0, 20_000))) {
                type.getMethod("names", PartyKeys.Rows.class, java.util.function.Consumer.class)
                        .invoke(queries, rows, (java.util.function.Consumer<Named>) n -> { });
            }
        }
        // orders: buyers, suppliers, products; tenders: buyers, bidders; Compra Ágil: bidders, products; twice each
        assertThat(statements).hasSize(14);
        for (String sql : statements) {
            List<String> plan = jdbc.sql("EXPLAIN QUERY PLAN " + sql).query((rs, n) -> rs.getString("detail")).list();
            // a commit's rows, found by the version's or the id's index, then their lines by the parent's key
            assertThat(plan).as(sql + "\n" + plan).noneMatch(d -> d.startsWith("SCAN") && !d.matches("SCAN (changed|c)\\b.*"));
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void a_name_given_again_is_written_only_when_its_spelling_changes() {
        List<Named> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        index.onWrite = n -> {
            if (n.key().equals("99887767")) {
                written.add(n);
            }
        };
        try {
            for (String[] order : List.of(new String[]{"TEST-PARTY-2", "Servicio Tordo de Pruebas"},
                    new String[]{"TEST-PARTY-3", "Servicio Tordo de Pruebas"},
                    new String[]{"TEST-PARTY-4", "SERVICIO TORDO DE PRUEBAS"})) {
                long v = versions.next(DataChanged.Dataset.ORDERS);
                jdbc.sql("""
                        INSERT INTO purchase_order (code, buyer_code, buyer_name, fetched_at, version)
                        VALUES (:code, '99887767', :name, 0, :v)""").param("code", order[0]).param("name", order[1])
                        .param("v", v).update();
                events.publishEvent(new DataChanged(DataChanged.Dataset.ORDERS, DataChanged.UNKNOWN,
                        List.of(order[0]), List.of()));
                index.awaitIndexed();
            }
            // the second order gave the same spelling: nothing written; the third another one, which replaces it
            assertThat(written).extracting(Named::name)
                    .containsExactly("Servicio Tordo de Pruebas", "SERVICIO TORDO DE PRUEBAS");
            assertThat(index.names(Kind.BUYER, "99887767", 10)).containsExactly("SERVICIO TORDO DE PRUEBAS");
            assertThat(index.search("tordo", null, 5)).extracting(PartyIndex.Hit::name)
                    .containsExactly("SERVICIO TORDO DE PRUEBAS");
        } finally {
            index.onWrite = n -> { };
            jdbc.sql("DELETE FROM purchase_order WHERE code IN ('TEST-PARTY-2', 'TEST-PARTY-3', 'TEST-PARTY-4')")
                    .update();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_api_answers_the_search_and_refuses_what_it_cannot_read() throws Exception {
        String[] supplier = busiest("supplier_rut", "supplier_name");
        HttpResponse<String> r = get("/api/v1/parties?q=" + URLEncoder.encode(supplier[0], StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode first = JsonMapper.builder().build().readTree(r.body()).path("hits").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("SUPPLIER");
        assertThat(first.path("path").asString()).isEqualTo("/" + PartyKeys.supplierPath(supplier[0]));
        assertThat(get("/api/v1/parties?q=%20").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/parties?q=x&tipo=persona").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/parties?q=x&limit=1000").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/parties?q=municipalidad&tipo=comprador&limit=3").statusCode()).isEqualTo(200);
    }

    @Test
    void the_page_lists_what_it_finds_as_links_and_an_unknown_party_offers_the_search() throws Exception {
        String[] buyer = busiest("buyer_code", "buyer_name");
        KaribuTest.setUp(context);
        UI.getCurrent().navigate("parties", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("q", buyer[0])));
        List<Anchor> hits = _find(Anchor.class, a -> a.withClasses("party-hit"));
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().getHref()).isEqualTo("buyers/" + buyer[0]);
        UI.getCurrent().navigate("buyers/999999999");
        assertThat(_get(Anchor.class, a -> a.withId("not-found-search")).getHref()).isEqualTo("parties?q=999999999");
        assertThat(get("/buyers/999999999").statusCode()).isEqualTo(404);
        assertThat(get("/suppliers/77.740.881-5").statusCode()).isEqualTo(400);
        assertThat(get("/products/99999999").statusCode()).isEqualTo(404);
        assertThat(get("/buyers/" + buyer[0]).statusCode()).isEqualTo(200);
        assertThat(get("/buyers/" + buyer[0]).body()).contains("<html");
    }

    @Test
    void a_tender_hits_buyer_and_a_compra_agil_requests_organism_carry_their_profiles() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode tenders = json.readTree(get("/api/v1/tenders?size=20").body());
        JsonNode hit = null;
        for (JsonNode h : tenders.path("items")) {
            if (!h.path("buyerProfile").isNull() && !h.path("buyerProfile").isMissingNode()) {
                hit = h;
                break;
            }
        }
        assertThat(hit).as("a tender hit with its buyer's profile in %s", tenders).isNotNull();
        String code = jdbc.sql("SELECT buyer_code FROM tender WHERE code = :c").param("c", hit.path("code").asString())
                .query(String.class).single();
        assertThat(hit.path("buyerProfile").asString()).isEqualTo("/buyers/" + code);
        JsonNode request = json.readTree(get("/api/v1/compra-agil?size=1").body()).path("items").get(0);
        String rut = jdbc.sql("SELECT organism_rut FROM ca_request WHERE code = :c").param("c",
                request.path("code").asString()).query(String.class).single();
        assertThat(request.path("buyerProfile").asString()).isEqualTo("/buyers/" + PartyKeys.supplier(rut)
                .orElseThrow());
    }

    @Test
    void a_compra_agil_organism_opens_the_buyer_its_unit_belongs_to() {
        String[] unit = jdbc.sql("SELECT unit_rut, organism_code FROM buyer WHERE unit_rut IS NOT NULL AND "
                + "organism_code IS NOT NULL LIMIT 1").query((rs, n) -> new String[]{rs.getString(1),
                rs.getString(2)}).single();
        KaribuTest.setUp(context);
        UI.getCurrent().navigate("buyers/" + unit[0]);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("buyers/" + unit[1]);
    }
}
