package cl.andesops.compraagil.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

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

import cl.andesops.compraagil.CompraAgilRow;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;

class CompraAgilViewTest extends SyncedAppTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.compraagil.CompraAgilTextIndex textIndex;

    @Autowired cl.andesops.compraagil.CompraAgilService service;

    @BeforeEach
    void setUp() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM ca_request WHERE has_detail = 1").query(Integer.class).single() > 3);
        KaribuTest.setUp(context);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void lists_requests_filters_them_and_opens_one_with_its_products_and_quotes() throws Exception {
        UI.getCurrent().navigate("compra-agil");
        CompraAgilView view = _get(CompraAgilView.class);
        assertThat(view.region.getPlaceholder()).as("no region chosen reads as all of them")
                .isEqualTo("Todas las regiones");
        List<CompraAgilRow> all = GridKt._fetch(view.grid, 0, 500);
        assertThat(all).isNotEmpty();
        Integer state = all.getFirst().stateId();
        view.state.setValue(state);
        assertThat(GridKt._fetch(view.grid, 0, 500)).isNotEmpty().allMatch(r -> state.equals(r.stateId()));
        view.state.clear();
        view.minAmount.setValue(1_000_000.0);
        assertThat(GridKt._fetch(view.grid, 0, 500)).allMatch(r -> r.amountClp() != null && r.amountClp() >= 1_000_000);

        view.minAmount.clear();
        // the text filter goes through the search index: a word of a request's name, typed without accents
        textIndex.awaitIndexed();
        String name = jdbc.sql("SELECT name FROM ca_request WHERE has_detail = 1 AND length(name) > 10 LIMIT 1")
                .query(String.class).single();
        String word = java.util.Arrays.stream(name.split("\\s+")).filter(w -> w.length() >= 6).findFirst().orElseThrow();
        String typed = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
        view.search.setValue(typed);
        List<CompraAgilRow> matching = GridKt._fetch(view.grid, 0, 500);
        assertThat(matching).isNotEmpty().extracting(CompraAgilRow::name).contains(name);
        view.search.setValue("zzzqqq");
        assertThat(GridKt._fetch(view.grid, 0, 500)).isEmpty();
        view.search.clear();

        // the filters travel in the address: set, they are written there; opened from it, they are set again
        String region = all.stream().map(CompraAgilRow::region).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow();
        view.state.setValue(state);
        view.region.setValue(region);
        view.minAmount.setValue(250_000.0);
        view.closing.setValue("week");
        view.search.setValue("papel");
        assertThat(view.urlQuery).contains("estado=" + state).contains("min=250000").contains("cierre=week")
                .contains("q=papel").contains("region=");
        List<CompraAgilRow> filtered = GridKt._fetch(view.grid, 0, 500);
        UI.getCurrent().navigate("compra-agil", com.vaadin.flow.router.QueryParameters.fromString(view.urlQuery));
        CompraAgilView reopened = _get(CompraAgilView.class);
        assertThat(reopened.state.getValue()).isEqualTo(state);
        assertThat(reopened.region.getValue()).isEqualTo(region);
        assertThat(reopened.minAmount.getValue()).isEqualTo(250_000.0);
        assertThat(reopened.closing.getValue()).isEqualTo("week");
        assertThat(reopened.search.getValue()).isEqualTo("papel");
        assertThat(GridKt._fetch(reopened.grid, 0, 500)).isEqualTo(filtered);
        // the filtered list downloads as shown: every row, in order, amounts with a decimal comma
        var csv = CompraAgilExport.of(service, reopened::filter, cl.andesops.shared.ui.TableExport.Format.CSV, 500,
                reopened::getTranslation, java.util.Locale.of("es", "CL"), false);
        var read = cl.andesops.testing.StableExport.read(() -> GridKt._fetch(reopened.grid, 0, 500), csv::writeCsv);
        filtered = read.shown();
        String[] lines = read.lines();
        assertThat(lines[0]).startsWith("\uFEFF\"Código\";\"Nombre\";\"Organismo\"");
        assertThat(lines).hasSize(filtered.size() + 1);
        for (int i = 0; i < filtered.size(); i++) {
            assertThat(lines[i + 1]).startsWith("\"" + filtered.get(i).code() + "\";");
        }
        var all500 = CompraAgilExport.of(service, () -> new cl.andesops.compraagil.CompraAgilFilter(null, null, null,
                null, null, null, null), cl.andesops.shared.ui.TableExport.Format.CSV, 3, reopened::getTranslation,
                java.util.Locale.of("es", "CL"), false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        all500.writeCsv(out);
        String[] capped = out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(capped).hasSize(1 + 3 + 1);
        assertThat(capped[4]).contains("límite de 3 filas");
        // a hand-edited address with values that mean nothing opens the unfiltered list
        UI.getCurrent().navigate("compra-agil", com.vaadin.flow.router.QueryParameters.fromString(
                "estado=99&region=Marte&min=-5&cierre=ayer"));
        CompraAgilView odd = _get(CompraAgilView.class);
        assertThat(odd.state.getValue()).isNull();
        assertThat(odd.region.getValue()).isNull();
        assertThat(odd.minAmount.getValue()).isNull();
        assertThat(odd.closing.getValue()).isNull();

        String code = jdbc.sql("SELECT code FROM ca_request WHERE has_detail = 1 LIMIT 1").query(String.class).single();
        UI.getCurrent().navigate("compra-agil/" + code);
        CompraAgilRequestView page = _get(CompraAgilRequestView.class);
        assertThat(page.getPageTitle()).isEqualTo(code + " · Compra Ágil · AndesOps");
        @SuppressWarnings("unchecked")
        Grid<Object> products = _get(page, Grid.class, s -> s.withId("ca-products"));
        int expected = jdbc.sql("SELECT count(*) FROM ca_product p JOIN ca_request r ON r.id = p.request_id "
                + "WHERE r.code = :c").param("c", code).query(Integer.class).single();
        assertThat(GridKt._size(products.getDataProvider(), null)).isEqualTo(expected);

        UI.getCurrent().navigate("compra-agil/no-such-request");
        assertThat(_get(cl.andesops.shared.ui.NotFoundView.class).getPageTitle())
                .isEqualTo("Página no encontrada · AndesOps");
    }
}
