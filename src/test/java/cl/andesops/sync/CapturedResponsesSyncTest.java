package cl.andesops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cl.andesops.shared.format.Formats;

/**
 * Pointed at a server that answers with real captured responses, the app stores what they say, field for field.
 * The day lists are built around the captured details (no captured list holds them); everything else is verbatim.
 */
@SpringBootTest(properties = {"andesops.storage.data-dir=target/test-data/captured",
        "andesops.mercadopublico.min-spacing=1ms", "andesops.sync.history-days=1",
        "andesops.sync.compra-agil-history-days=1", "andesops.sync.enabled=true"})
class CapturedResponsesSyncTest {

    static final String TICKET = "captured-test-ticket";
    static final HttpServer server = start();

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/captured"));
    }

    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("MERCADO_PUBLICO_TICKET", () -> TICKET);
        registry.add("MERCADO_PUBLICO_BASE_URL", () -> base);
        registry.add("COMPRA_AGIL_BASE_URL", () -> base);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            s.createContext("/", CapturedResponsesSyncTest::answer);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        String path = ex.getRequestURI().getPath();
        String yesterday = DateTimeFormatter.ofPattern("ddMMyyyy").format(LocalDate.now(Formats.CHILE).minusDays(1));
        byte[] body;
        int status = 200;
        if (path.startsWith("/v2/")) {
            body = "{\"success\":\"OK\",\"trace\":null,\"payload\":{\"items\":[],\"paginacion\":{\"total_paginas\":1,\"numero_pagina\":1,\"tamano_pagina\":50,\"total_resultados\":0}},\"errors\":null}"
                    .getBytes(StandardCharsets.UTF_8);
        } else if (!query.contains("ticket=" + TICKET)) {
            body = sample("error-203-ticket-invalido-1.json");
            status = 203;
        } else if (path.endsWith("ordenesdecompra.json")) {
            if (query.contains("codigo=2097-241-SE14")) {
                body = sample("oc-detail-1.json");
            } else if (query.contains("fecha=" + yesterday)) {
                body = ("{\"Cantidad\":1,\"FechaCreacion\":\"2026-01-01T08:32:52.0938763-03:00\",\"Version\":\"v1\","
                        + "\"Listado\":[{\"Codigo\":\"2097-241-SE14\",\"Nombre\":\"Insumos dentales especialidades\","
                        + "\"CodigoEstado\":6}]}").getBytes(StandardCharsets.UTF_8);
            } else {
                body = sample("licitaciones-list-empty-1.json");
            }
        } else if (path.endsWith("licitaciones.json")) {
            if (query.contains("codigo=1509-5-L114")) {
                body = sample("licitacion-detail-1.json");
            } else if (query.contains("fecha=" + yesterday)) {
                body = ("{\"Cantidad\":1,\"FechaCreacion\":\"2016-11-14T12:42:09.707\",\"Version\":\"v1\",\"Listado\":"
                        + "[{\"CodigoExterno\":\"1509-5-L114\",\"Nombre\":\"Insumos Medicos y Medicamentos \","
                        + "\"CodigoEstado\":8,\"FechaCierre\":\"2014-01-27T15:54:00\"}]}").getBytes(StandardCharsets.UTF_8);
            } else {
                body = sample("licitaciones-list-empty-1.json");
            }
        } else {
            body = sample("licitaciones-list-empty-1.json");
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] sample(String name) {
        try (InputStream in = CapturedResponsesSyncTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stores_what_the_captured_order_and_tender_say_field_for_field() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.sql("SELECT count(*) FROM purchase_order WHERE has_detail = 1").query(Integer.class).single() == 1
                        && jdbc.sql("SELECT count(*) FROM tender WHERE has_detail = 1").query(Integer.class).single() == 1);
        var order = jdbc.sql("SELECT * FROM purchase_order WHERE code = '2097-241-SE14'").query().singleRow();
        assertThat(order.get("name")).isEqualTo("Insumos dentales especialidades");
        assertThat(order.get("state_code")).isEqualTo(6);
        assertThat(order.get("state")).isEqualTo("Aceptada");
        assertThat(order.get("type")).isEqualTo("SE");
        assertThat(order.get("type_code")).isEqualTo("8");
        assertThat(order.get("tender_code")).isEqualTo("2097-165-L113");
        assertThat(order.get("net_total")).isEqualTo("35000.0");
        assertThat(order.get("tax")).isEqualTo("6650.0");
        assertThat(order.get("total")).isEqualTo("41650.0");
        assertThat(((Number) order.get("amount_clp")).longValue()).isEqualTo(41650L);
        assertThat(order.get("buyer_code")).isEqualTo("7398");
        assertThat(order.get("buyer_name")).isEqualTo("Hospital Arauco");
        assertThat(order.get("buyer_unit_code")).isEqualTo("3092");
        assertThat(order.get("supplier_code")).isEqualTo("1316979");
        assertThat(order.get("supplier_name")).isEqualTo("COMERCIALIZADORA ILHABELLA EIRL");
        assertThat(order.get("supplier_rut")).isEqualTo("76.242.192-5");
        assertThat(order.get("region")).isEqualTo("Región del Biobío");
        assertThat(order.get("payment_terms")).isEqualTo("2");
        assertThat(order.get("dispatch_type")).isEqualTo("7");
        assertThat(((Number) order.get("created_at")).longValue())
                .isEqualTo(Instant.parse("2014-01-30T12:00:01.960Z").toEpochMilli());
        assertThat(((Number) order.get("accepted_at")).longValue())
                .isEqualTo(Instant.parse("2014-02-03T02:58:56.630Z").toEpochMilli());
        assertThat(order.get("cancelled_at")).isNull();
        assertThat(order.get("day")).isEqualTo(20140130);
        var item = jdbc.sql("SELECT i.* FROM order_item i JOIN purchase_order o ON o.id = i.order_id "
                + "WHERE o.code = '2097-241-SE14'").query().singleRow();
        assertThat(item.get("category_code")).isEqualTo("30201900");
        assertThat(item.get("product_code")).isEqualTo("30201903");
        assertThat(item.get("product")).isEqualTo("Unidades dentales");
        assertThat(item.get("buyer_spec")).isEqualTo("Ultracal");
        assertThat((String) item.get("supplier_spec")).startsWith("Ultracal.ULTRADENT. PRODUCTO AMERICANO.");
        assertThat(new java.math.BigDecimal(item.get("quantity").toString())).as("a number").isEqualByComparingTo("1");
        assertThat(new java.math.BigDecimal(item.get("net_price").toString())).isEqualByComparingTo("35000");
        assertThat(jdbc.sql("SELECT organism_name FROM buyer WHERE unit_code = '3092'").query(String.class).single())
                .isEqualTo("Hospital Arauco");
        assertThat(jdbc.sql("SELECT rut FROM supplier WHERE code = '1316979'").query(String.class).single())
                .isEqualTo("76.242.192-5");

        var tender = jdbc.sql("SELECT * FROM tender WHERE code = '1509-5-L114'").query().singleRow();
        assertThat(tender.get("name")).isEqualTo("Insumos Medicos y Medicamentos");
        assertThat(tender.get("state_code")).isEqualTo(8);
        assertThat(tender.get("type")).isEqualTo("L1");
        assertThat(tender.get("buyer_code")).isEqualTo("7274");
        assertThat(tender.get("complaints")).isEqualTo(100);
        assertThat(tender.get("bidders")).isEqualTo(25);
        assertThat(tender.get("estimated_amount")).isNull();
        assertThat(((Number) tender.get("closes_at")).longValue())
                .isEqualTo(Instant.parse("2014-01-27T18:54:00Z").toEpochMilli());
        assertThat((String) tender.get("award_act_url")).startsWith("http://www.mercadopublico.cl/Procurement");
        assertThat(jdbc.sql("SELECT count(*) FROM tender_item t JOIN tender d ON d.id = t.tender_id "
                + "WHERE d.code = '1509-5-L114'").query(Integer.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM tender_award").query(Integer.class).single()).isPositive();
    }
}
