package cl.andesops.tenders.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.tenders.TenderHit;
import cl.andesops.tenders.TenderSearch;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;

/** The tender search screen as a user works it, over tenders synced from the simulator. */
class TenderSearchViewTest extends SyncedAppTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired TenderSearch search;

    @BeforeEach
    void setUp() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'ACTIVE_TENDERS' AND state = 'DONE'")
                .query(Integer.class).single() >= 1);
        search.awaitIndexed();
        KaribuTest.setUp(context);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    TenderSearchView open(String query) {
        UI.getCurrent().navigate("tenders", QueryParameters.fromString(query));
        return _get(TenderSearchView.class);
    }

    static List<TenderHit> hits(TenderSearchView v) {
        return GridKt._fetch(v.results, 0, 200);
    }

    @Test
    void the_results_download_as_they_are_shown_in_spanish_and_english() throws Exception {
        TenderSearchView view = open("orden=closing");
        var es = TenderExport.of(search, view::query, cl.andesops.shared.ui.TableExport.Format.CSV,
                view::getTranslation, java.util.Locale.of("es", "CL"), true);
        var read = cl.andesops.testing.StableExport.read(() -> GridKt._fetch(view.results, 0, 10_000), es::writeCsv);
        List<TenderHit> shown = read.shown();
        String[] lines = read.lines();
        assertThat(shown).isNotEmpty();
        assertThat(lines[0]).startsWith("\uFEFF\"Código\";\"Nombre\";\"Comprador\";\"Tipo\"")
                .endsWith("\"Datos simulados\"");
        assertThat(lines).hasSize(shown.size() + 1);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(lines[i + 1]).as("row %d in the screen's order", i).startsWith("\"" + shown.get(i).code() + "\";");
        }
        TenderHit withAmount = shown.stream().filter(h -> h.amount() != null && h.amount().scale() > 0
                && h.amount().stripTrailingZeros().scale() > 0).findFirst().orElse(null);
        if (withAmount != null) {
            assertThat(String.join("\n", lines)).contains(withAmount.amount().toPlainString().replace('.', ','));
        }
        var en = TenderExport.of(search, view::query, cl.andesops.shared.ui.TableExport.Format.CSV,
                TenderSearchViewTest::englishOf, java.util.Locale.ENGLISH,
                false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        en.writeCsv(out);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFF\"Code\",\"Name\",\"Buyer\",\"Type\"").doesNotContain("Datos simulados");
    }

    static String englishOf(String key) {
        var en = new java.util.Properties();
        try (var in = TenderSearchViewTest.class.getResourceAsStream("/i18n/messages_en.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return en.getProperty(key, key);
    }

    @Test
    void typing_searches_and_the_query_goes_to_the_url() {
        TenderSearchView view = open("");
        assertThat(_get(H1.class, s -> s.withText("Buscador de licitaciones"))).isNotNull();
        assertThat(view.order.getLabel()).isEqualTo("Ordenar por");
        var types = view.facets.get("type");
        assertThat(types.getItemLabelGenerator().apply("LE")).as("a type says what its code means")
                .startsWith("LE · Licitación pública 100 a 1.000 UTM (");
        assertThat(types.getItemLabelGenerator().apply("O1")).as("an undefined code stays a code").startsWith("O1 (");
        int all = hits(view).size();
        assertThat(all).isPositive();
        view.search.setValue("adquisicion");
        List<TenderHit> found = hits(view);
        assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(all);
        assertThat(found).allMatch(h -> h.nameHtml().toLowerCase().contains("<mark>")
                || h.snippetHtml().toLowerCase().contains("<mark>") || h.buyer() != null);
        assertThat(view.urlQuery).isEqualTo("q=adquisicion");
        assertThat(view.total.getText()).endsWith("licitaciones");
    }

    @Test
    void facets_count_and_filter_and_live_in_the_url() {
        TenderSearchView view = open("");
        var states = view.facets.get("state");
        String first = states.getListDataView().getItems().findFirst().orElseThrow();
        states.setValue(Set.of(first));
        assertThat(hits(view)).isNotEmpty().allMatch(h -> first.equals(h.state()));
        assertThat(view.urlQuery).contains("estado=" + first);
        view.closing.setValue("closed");
        assertThat(view.urlQuery).contains("cierre=closed");
    }

    @Test
    void a_shared_link_reopens_the_same_search() {
        TenderSearchView view = open("q=suministro&estado=Publicada&orden=closing&cierre=nonsense");
        assertThat(view.search.getValue()).isEqualTo("suministro");
        assertThat(view.facets.get("state").getValue()).containsExactly("Publicada");
        assertThat(view.order.getValue().name()).isEqualTo("CLOSING");
        assertThat(view.closing.getValue()).isNull();
        List<TenderHit> hits = hits(view);
        assertThat(hits).allMatch(h -> "Publicada".equals(h.state()));
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).closesAt()).isAfterOrEqualTo(hits.get(i - 1).closesAt());
        }
    }

    @Test
    void the_detail_page_shows_items_and_similar_tenders() {
        String code = jdbc.sql("SELECT code FROM tender WHERE has_detail = 1 LIMIT 1").query(String.class).single();
        UI.getCurrent().navigate("tenders/" + code);
        TenderView page = _get(TenderView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> items = _get(page, Grid.class, s -> s.withId("tender-items"));
        int expected = jdbc.sql("SELECT count(*) FROM tender_item i JOIN tender t ON t.id = i.tender_id "
                + "WHERE t.code = :c").param("c", code).query(Integer.class).single();
        assertThat(GridKt._size(items.getDataProvider(), null)).isEqualTo(expected);
        assertThat(_find(page, com.vaadin.flow.component.html.Anchor.class, s -> s.withId("tender-official")))
                .as("a simulated code has no page on mercadopublico.cl").isEmpty();
        assertThat(_get(page, com.vaadin.flow.component.html.Span.class, s -> s.withId("tender-official")).getText())
                .isEqualTo("Registro simulado (modo demo)");

        // the public page, read from the simulator through the same gate, adds the attachments and the forum
        _get(page, com.vaadin.flow.component.button.Button.class, s -> s.withId("tender-page-fetch")).click();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return !com.github.mvysny.kaributesting.v10.LocatorJ._find(page, com.vaadin.flow.component.html.Anchor.class,
                    s -> s.withId("tender-page-attachments")).isEmpty();
        });
        assertThat(_get(page, com.vaadin.flow.component.html.Anchor.class, s -> s.withId("tender-page-forum"))
                .getHref()).contains("PublicView.aspx");
        page.showPage(cl.andesops.tenders.web.TenderPage.failed(cl.andesops.tenders.web.TenderPage.Status.LAYOUT_CHANGED),
                "https://www.mercadopublico.cl/x");
        assertThat(_get(page, com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("tender-page-problem"))
                .getText()).contains("cambió de formato");
    }
}
