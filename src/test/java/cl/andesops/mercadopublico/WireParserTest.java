package cl.andesops.mercadopublico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every real sample parses, as the services actually answer. */
class WireParserTest {

    @Test
    void order_detail_sample_parses_field_for_field() {
        OrderDetail o = WireParser.order(200, Samples.bytes("oc-detail-1.json")).orElseThrow();
        assertThat(o.code()).isEqualTo("2097-241-SE14");
        assertThat(o.name()).isEqualTo("Insumos dentales especialidades");
        assertThat(o.stateCode()).isEqualTo(6);
        assertThat(o.state()).isEqualTo("Aceptada");
        assertThat(o.tenderCode()).isEqualTo("2097-165-L113");
        assertThat(o.typeCode()).isEqualTo("8");
        assertThat(o.type()).isEqualTo("SE");
        assertThat(o.currency()).isEqualTo("CLP");
        assertThat(o.netTotal()).isEqualByComparingTo("35000");
        assertThat(o.tax()).isEqualByComparingTo("6650");
        assertThat(o.total()).isEqualByComparingTo("41650");
        assertThat(o.rating()).isEqualByComparingTo(new BigDecimal("3.9333333333333331"));
        // "2014-01-30T09:00:01.96" is Chile summer time (UTC-3)
        assertThat(o.createdAt()).isEqualTo(Instant.parse("2014-01-30T12:00:01.960Z"));
        assertThat(o.cancelledAt()).isNull();
        assertThat(o.buyer().organismCode()).isEqualTo("7398");
        assertThat(o.buyer().unitRut()).isEqualTo("61.602.209-1");
        assertThat(o.buyer().region()).isEqualTo("Región del Biobío");
        assertThat(o.supplier().code()).isEqualTo("1316979");
        assertThat(o.supplier().rut()).isEqualTo("76.242.192-5");
        assertThat(o.items()).hasSize(1);
        OrderLine line = o.items().getFirst();
        assertThat(line.categoryCode()).isEqualTo("30201900");
        assertThat(line.productCode()).isEqualTo("30201903");
        assertThat(line.unit()).isNull();
        assertThat(line.supplierSpec()).startsWith("Ultracal.ULTRADENT");
        assertThat(line.netPrice()).isEqualByComparingTo("35000");
    }

    @Test
    void tender_details_parse_with_their_award_and_items() {
        TenderDetail t = WireParser.tender(200, Samples.bytes("licitacion-detail-1.json")).orElseThrow();
        assertThat(t.code()).isEqualTo("1509-5-L114");
        assertThat(t.name()).isEqualTo("Insumos Medicos y Medicamentos");
        assertThat(t.stateCode()).isEqualTo(8);
        assertThat(t.type()).isEqualTo("L1");
        assertThat(t.complaints()).isEqualTo(100);
        assertThat(t.buyer().organismCode()).isEqualTo("7274");
        assertThat(t.closesAt()).as("Fechas.FechaCierre, not the null top-level one")
                .isEqualTo(Instant.parse("2014-01-27T18:54:00Z"));
        assertThat(t.estimatedAmount()).isNull();
        assertThat(t.award().bidders()).isEqualTo(25);
        assertThat(t.award().type()).isEqualTo(5);
        assertThat(t.award().url()).startsWith("http://www.mercadopublico.cl/Procurement");
        assertThat(t.items()).hasSize(6);
        assertThat(t.items().getFirst().categoryCode()).isEqualTo("42271700");
        assertThat(t.items().getFirst().productCode()).isEqualTo("42271718");
        assertThat(t.items()).anyMatch(i -> i.award() != null && i.award().supplierRut() != null);

        TenderDetail published = WireParser.tender(200, Samples.bytes("licitacion-detail-2.json")).orElseThrow();
        assertThat(published.code()).isNotBlank();
        assertThat(published.award()).isNull();
        assertThat(published.items()).isNotEmpty();
    }

    @Test
    void lists_parse_whole_including_an_empty_holiday() {
        List<ListedTender> tenders = WireParser.tenderList(200, Samples.bytes("licitaciones-list-1.json"));
        assertThat(tenders).hasSize(31);
        assertThat(tenders.getFirst().code()).isEqualTo("2105-32-L114");
        assertThat(tenders.getFirst().closesAt()).isEqualTo(Instant.parse("2014-01-28T12:00:00Z"));
        assertThat(tenders.get(1).name()).isEqualTo("FARMACOS CONTROLADOS");

        assertThat(WireParser.tenderList(200, Samples.bytes("licitaciones-list-empty-1.json"))).isEmpty();

        List<ListedOrder> orders = WireParser.orderList(200, Samples.bytes("oc-list-1.json"));
        assertThat(orders).hasSize(8671);
        assertThat(orders).allMatch(o -> o.code() != null && o.stateCode() != null);
        assertThat(orders.getFirst().code()).isEqualTo("1002772-5445-SE23");
    }

    @Test
    void empresas_answers_use_lista_empresas() {
        List<Company> buyers = WireParser.companies(200, Samples.bytes("empresas-buscarcomprador-1.json"));
        assertThat(buyers).hasSize(852);
        assertThat(buyers.getFirst().name()).isEqualTo("CORPORACION MUNICIPAL DE PEÑALOLEN PARA EL DESARROLLO SOCIAL");
        assertThat(WireParser.companies(200, Samples.bytes("empresas-buscarproveedor-1.json")))
                .containsExactly(new Company("71284", "SISTEMAS MODULARES DE COMPUTACION SPA"));
    }

    @Test
    void error_bodies_are_classified() {
        assertThatThrownBy(() -> WireParser.orderList(203, Samples.bytes("error-203-ticket-invalido-1.json")))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.AUTH_OR_QUOTA));
        assertThatThrownBy(() -> WireParser.orderList(429, Samples.bytes("error-10500-1.json")))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.BURST));
        assertThatThrownBy(() -> WireParser.orderList(200, Samples.bytes("error-10500-1.json")))
                .as("older reports: 10500 with HTTP 200")
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.BURST));
        assertThatThrownBy(() -> WireParser.tenderList(500, Samples.bytes("error-10300-fecha-1.json")))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.BAD_PARAMETERS));
        byte[] quota = "{\"Codigo\":203,\"Mensaje\":\"Ticket superó la cuota diaria asignada.\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WireParser.orderList(203, quota)).hasMessageContaining("cuota");
        assertThatThrownBy(() -> WireParser.orderList(502, "<html><body>Bad gateway</body></html>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.UNAVAILABLE));
        assertThatThrownBy(() -> WireParser.orderList(200, "{\"Cantidad\":3,\"Listado\":[{\"Cod"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.UNAVAILABLE));
        assertThatThrownBy(() -> WireParser.orderList(500, "{\"Codigo\":500,\"Mensaje\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.UNAVAILABLE));
    }

    @Test
    void compra_agil_detail_payload_parses_with_quotes_and_chile_local_dates() {
        CaRequest r = WireParser.compraAgilPayload(Samples.bytes("compra-agil-v2-detail-payload-1.json"));
        assertThat(r.code()).isEqualTo("744835-588-COT26");
        assertThat(r.stateId()).isEqualTo(6);
        assertThat(r.stateCode()).isEqualTo("desierta");
        // "2026-09-25 13:10" Chile (UTC-3 from September)
        assertThat(r.publishedAt()).isEqualTo(Instant.parse("2026-09-25T16:10:00Z"));
        assertThat(r.organism()).isEqualTo("I MUNICIPALIDAD DE LO ESPEJO");
        assertThat(r.regionId()).isEqualTo(13);
        assertThat(r.availableClp()).isEqualByComparingTo("998592");
        assertThat(r.deliveryDays()).isEqualTo(3);
        assertThat(r.products()).hasSize(1);
        assertThat(r.products().getFirst().productCode()).isEqualTo("30221001");
        assertThat(r.quotes()).isNotEmpty();
        CaQuote q = r.quotes().getFirst();
        assertThat(q.supplierRut()).isEqualTo("78.496.521-K");
        assertThat(q.total()).isEqualByComparingTo("651882");
        assertThat(q.selected()).isFalse();
        // "2026-09-28T22:59:22.800Z" wears a false Z: it is Chile local time
        assertThat(q.createdAt()).isEqualTo(Instant.parse("2026-09-29T01:59:22.800Z"));
        assertThat(q.lines().getFirst().unitPrice()).isEqualByComparingTo("547800");
        assertThat(r.orderCode()).isNull();
        assertThat(r.detailed()).isTrue();
    }

    @Test
    void compra_agil_v2_errors_are_classified() {
        byte[] nok = "{\"success\":\"NOK\",\"payload\":null,\"errors\":[{\"codigo\":\"400\",\"mensaje\":\"tamano_pagina debe estar entre 10 y 50\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WireParser.compraAgilList(400, nok))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.BAD_PARAMETERS))
                .hasMessageContaining("tamano_pagina");
        assertThatThrownBy(() -> WireParser.compraAgilList(401, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.AUTH_OR_QUOTA));
        assertThatThrownBy(() -> WireParser.compraAgilList(429, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.BURST));
        byte[] internal = "{\"success\":\"ERROR\",\"payload\":null,\"errors\":[{\"codigo\":\"ERROR_INTERNO\",\"mensaje\":\"Servicio no disponible\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WireParser.compraAgilList(500, internal))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.kind()).isEqualTo(MercadoPublicoException.Kind.UNAVAILABLE));
        assertThat(WireParser.compraAgilDetail(404, new byte[0])).isEmpty();
    }

    @Test
    void the_other_captured_answers_are_well_formed_and_hold_what_the_spec_says() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode internal = json.readTree(Samples.bytes("compra-agil-internal-buscar-1.json"));
        assertThat(internal.get("success").asString()).isEqualTo("OK");
        assertThat(internal.get("payload").get("resultados")).isNotEmpty();
        assertThat(internal.get("payload").get("resultados").get(0).get("codigo").asString()).endsWith("COT26");
        JsonNode index = json.readTree(Samples.bytes("ocds-index-1.json"));
        assertThat(index.get("data").get(0).get("ocid").asString()).startsWith("ocds-70d2nz-");
        JsonNode release = json.readTree(Samples.bytes("ocds-tender-release-package-1.json"));
        assertThat(release.get("releases").get(0).get("tender")).isNotNull();
        for (String csv : List.of("datos-abiertos-oc-da-header.csv", "datos-abiertos-lic-da-header.csv",
                "datos-abiertos-cot-header.csv")) {
            String header = new String(Samples.bytes(csv), StandardCharsets.UTF_8);
            assertThat(header.split(";").length).as(csv).isGreaterThan(30);
        }
    }

    @Test
    void dates_in_every_spelling() {
        assertThat(MpDates.v1("2014-01-20T09:52:56.653")).isEqualTo(Instant.parse("2014-01-20T12:52:56.653Z"));
        assertThat(MpDates.v1("2014-01-27T15:54:00")).isEqualTo(Instant.parse("2014-01-27T18:54:00Z"));
        assertThat(MpDates.v1("2014-01-30T09:00:01.96")).isEqualTo(Instant.parse("2014-01-30T12:00:01.960Z"));
        assertThat(MpDates.v1("2023-11-03T01:01:43.1798311Z")).isEqualTo(Instant.parse("2023-11-03T01:01:43.1798311Z"));
        assertThat(MpDates.v1("2026-01-01T08:32:52.0938763-03:00"))
                .isEqualTo(Instant.parse("2026-01-01T11:32:52.0938763Z"));
        assertThat(MpDates.v1("2026-07-01T08:00:00-04:00")).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        assertThat(MpDates.v1(null)).isNull();
        assertThat(MpDates.v1(" ")).isNull();
        assertThat(MpDates.v1("no es fecha")).isNull();
        assertThat(MpDates.compraAgil("2026-06-15 11:59")).isEqualTo(Instant.parse("2026-06-15T15:59:00Z"));
        assertThat(MpDates.compraAgil("2026-06-13T00:35:00.277Z")).isEqualTo(Instant.parse("2026-06-13T04:35:00.277Z"));
    }
}
