package cl.andesops.tenders.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The tender page parser on fixtures written from the selectors the spec lists, and on a redesigned page. */
class TenderPageParserTest {

    static final String URL = "https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?qs=abc";

    static String fixture(String name) throws Exception {
        try (InputStream in = TenderPageParserTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void reads_links_dates_region_state_and_items_from_the_known_layout() throws Exception {
        TenderPage page = TenderPageParser.parse(fixture("ficha-licitacion.html"), URL);
        assertThat(page.status()).isEqualTo(TenderPage.Status.OK);
        assertThat(page.attachmentsUrl()).isEqualTo(
                "https://www.mercadopublico.cl/Procurement/Modules/Attachment/ViewAttachment.aspx?enc=K9Xz%2bAbc%3d");
        assertThat(page.forumUrl()).isEqualTo("https://www.mercadopublico.cl/Foros/Modules/FNormal/PopUps/PublicView.aspx?qs=Qq%2b1");
        assertThat(page.ordersUrl()).isEqualTo("https://www.mercadopublico.cl/Procurement/Modules/RFB/PopUpListOC.aspx?qs=ZZ9");
        assertThat(page.closes()).isEqualTo("27-01-2014 15:54:00");
        assertThat(page.published()).isEqualTo("20-01-2014 15:54:00");
        assertThat(page.region()).isEqualTo("Región Metropolitana de Santiago");
        assertThat(page.stateIcon()).isEqualTo("adjudicada");
        assertThat(page.itemNames()).containsExactly("Accesorios para productos de administración de oxigenoterapia",
                "Sondas de aspiración");
    }

    @Test
    void a_changed_layout_is_reported_not_guessed() throws Exception {
        TenderPage page = TenderPageParser.parse(fixture("ficha-licitacion-nuevo-diseno.html"), URL);
        assertThat(page.status()).isEqualTo(TenderPage.Status.LAYOUT_CHANGED);
        assertThat(page.attachmentsUrl()).isNull();
        assertThat(TenderPageParser.parse("", URL).status()).isEqualTo(TenderPage.Status.LAYOUT_CHANGED);
        assertThat(TenderPageParser.parse(null, URL).status()).isEqualTo(TenderPage.Status.LAYOUT_CHANGED);
        assertThat(TenderPageParser.parse("<html><span id=\"lblFicha3Cierre\">27-01-2014 15:5", URL).status())
                .as("a truncated page still yields what it has").isEqualTo(TenderPage.Status.OK);
    }

    @Test
    void only_web_addresses_become_links_whatever_their_case_or_disguise() {
        for (String bad : java.util.List.of("javascript:alert(1)", "JavaScript:alert(1)", " JAVASCRIPT:alert(1)",
                "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//", "")) {
            org.assertj.core.api.Assertions.assertThat(TenderPageParser.web(bad)).as(bad).isNull();
        }
        org.assertj.core.api.Assertions.assertThat(TenderPageParser.web("https://www.mercadopublico.cl/x.aspx?a=1"))
                .isEqualTo("https://www.mercadopublico.cl/x.aspx?a=1");
    }
}
