package cl.andesops.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.analysis.AnalysisKind;
import cl.andesops.analysis.AnalysisPdf;
import cl.andesops.orders.Party;
import cl.andesops.testing.AiStub;
import cl.andesops.testing.KaribuTest;
import cl.andesops.testing.SyncedAppTest;

/** The analysis screen as a user works it: pick, analyse, watch it stream, export, share. */
class AnalysisViewTest extends SyncedAppTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired cl.andesops.sync.SyncEngine sync;

    @BeforeEach
    void setUp() throws InterruptedException {
        AiStub.shared().reset();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind IN ('ACTIVE_TENDERS', 'TODAY_ORDERS') AND state = 'DONE'")
                .query(Integer.class).single() >= 2);
        // the data must hold still while a test compares two computations of the same facts
        sync.pause();
        Thread.sleep(500);
        KaribuTest.setUp(context);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        sync.resume();
    }

    AnalysisView open(String query) {
        UI.getCurrent().navigate("analysis", QueryParameters.fromString(query));
        AnalysisView view = _get(AnalysisView.class);
        awaitFacts(view);
        return view;
    }

    /** Facts are computed in the background and pushed: run the UI's queue until they (or a message) are shown. */
    void awaitFacts(AnalysisView v) {
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return v.analyse.isEnabled();
        });
    }

    String html(AnalysisView v) {
        return v.narrativePanel.narrative.getElement().getProperty("innerHTML", "");
    }

    void awaitNarrative(AnalysisView v) {
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return v.current != null && v.current.hasNarrative() && !v.picker.cancel.isVisible();
        });
    }

    private static java.util.List<String> tenderLinks(StartingPoints start) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(start.tenders,
                com.vaadin.flow.component.html.Anchor.class).stream()
                .map(com.vaadin.flow.component.html.Anchor::getHref).toList();
    }

    @Test
    void an_empty_screen_offers_this_months_largest_buyers_tenders_closing_this_week_and_the_last_30_days() {
        cl.andesops.orders.monitor.MonitorService monitor = context.getBean(cl.andesops.orders.monitor.MonitorService.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(monitor::loaded);
        java.time.LocalDate today = cl.andesops.testing.TestClock.today();
        var top = monitor.summary(cl.andesops.orders.OrderFilter.none().withDates(today.withDayOfMonth(1), today))
                .orElseThrow().topBuyers();
        AnalysisView view = open("");
        assertThat(view.start.isVisible()).isTrue();
        java.util.List<com.vaadin.flow.component.html.Anchor> buyers = com.github.mvysny.kaributesting.v10.LocatorJ._find(
                view.start.buyers, com.vaadin.flow.component.html.Anchor.class);
        assertThat(buyers).isNotEmpty().hasSizeLessThanOrEqualTo(StartingPoints.SHOWN);
        assertThat(buyers.getFirst().getText()).isEqualTo(top.getFirst().label());
        assertThat(buyers.getFirst().getHref()).isEqualTo("analysis?kind=buyer&subject=" + top.getFirst().key());
        assertThat(view.start.market.getHref()).isEqualTo("analysis?kind=market&desde=" + today.minusDays(29)
                + "&hasta=" + today);
        // the week's tenders, soonest first, and a picker of the regions they are in that narrows them (the sync
        // keeps storing tenders: a screen and a search read with no commit between them)
        cl.andesops.tenders.TenderSearch search = context.getBean(cl.andesops.tenders.TenderSearch.class);
        java.util.function.Function<java.util.Set<String>, java.util.List<String>> week = regions -> search.search(
                new cl.andesops.tenders.TenderQuery("", null, null, regions, null, null, "week", null,
                        cl.andesops.tenders.TenderQuery.Order.CLOSING), 0, StartingPoints.SHOWN).hits().stream()
                .map(h -> "analysis?kind=tender&subject=" + h.code()).toList();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            java.util.List<String> expected = week.apply(null);
            StartingPoints start = open("").start;
            assertThat(tenderLinks(start)).isNotEmpty().containsExactlyElementsOf(expected);
            java.util.List<String> offered = start.region.getListDataView().getItems().toList();
            assertThat(offered).isNotEmpty();
            String oneRegion = offered.getLast();
            java.util.List<String> inRegion = week.apply(java.util.Set.of(oneRegion));
            start.region.setValue(oneRegion);
            assertThat(tenderLinks(start)).isNotEmpty().containsExactlyElementsOf(inRegion);
            assertThat(start.region.getItemLabelGenerator().apply(oneRegion)).doesNotStartWith("Región");
        });
        // following a starting point analyses it, and the starting points step aside
        AnalysisView opened = open(buyers.getFirst().getHref().substring("analysis?".length()));
        assertThat(opened.current).isNotNull();
        assertThat(opened.start.isVisible()).isFalse();

        // in English, the screen is English
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(""); // a page reload builds the screen again (localeChange); here: open it anew
        try {
            AnalysisView english = open("");
            assertThat(_get(H1.class, h -> h.withText("AI analysis"))).isNotNull();
            assertThat(english.analyse.getText()).isEqualTo("Analyse");
            assertThat(english.getPageTitle()).isEqualTo("AI analysis · AndesOps");
            assertThat(english.kind.getItemLabelGenerator().apply(cl.andesops.analysis.AnalysisKind.SUPPLIER))
                    .isEqualTo("Supplier");
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(english.start,
                    com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("To start with");
        } finally {
            com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(cl.andesops.shared.I18n.SPANISH);
            UI.getCurrent().setLocale(cl.andesops.shared.I18n.SPANISH);
        }
    }

    @Test
    void picking_a_supplier_shows_facts_then_streams_a_cited_narrative_and_a_shared_link_reopens_it() throws Exception {
        String[] top = jdbc.sql("SELECT supplier_code, max(supplier_name) FROM purchase_order WHERE supplier_code IS NOT NULL GROUP BY supplier_code "
                        + "ORDER BY count(*) DESC LIMIT 1").query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)})
                .single();
        AnalysisView view = open("");
        assertThat(_get(H1.class, s -> s.withText("Análisis IA"))).isNotNull();
        view.kind.setValue(AnalysisKind.SUPPLIER);
        assertThat(view.supplier.isVisible()).isTrue();
        assertThat(view.tender.isVisible()).isFalse();
        view.supplier.setValue(new Party(top[0], top[1]));
        _click(view.analyse);
        assertThat(view.analyse.isEnabled()).as("busy while the facts are computed").isFalse();
        awaitFacts(view);
        assertThat(view.urlQuery).isEqualTo("kind=supplier&subject=" + top[0]);
        assertThat(view.visitor.session()).as("the narrative counts against this visitor, known at the click")
                .isNotEqualTo("?");
        assertThat(view.visitor.address()).isNotEqualTo("?");
        assertThat(view.current).isNotNull();
        assertThat(view.current.facts().metrics()).isNotEmpty();
        assertThat(view.factsPanel.getChildren().count()).isGreaterThan(2);
        // the analysis leads back to the supplier's profile, by the RUT its orders carry
        String rut = jdbc.sql("SELECT max(supplier_rut) FROM purchase_order WHERE supplier_code = :c").param("c", top[0])
                .query(String.class).single();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, a -> a.withId("analysis-profile")).getHref())
                .isEqualTo(cl.andesops.shared.format.PartyKeys.supplierPath(rut));
        // what a screen reader is told while the tokens arrive: nothing, then the whole narrative once
        java.util.Set<String> announced = new java.util.LinkedHashSet<>();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            announced.add(view.narrativePanel.announcer.getText());
            return view.current != null && view.current.hasNarrative() && !view.picker.cancel.isVisible();
        });
        assertThat(html(view)).contains("<a class=\"cite\" href=\"orders/").contains("cite unverified");
        assertThat(view.narrativePanel.narrative.getElement().hasAttribute("aria-live")).isFalse();
        assertThat(view.narrativePanel.narrative.getElement().hasAttribute("aria-busy")).isFalse();
        assertThat(view.narrativePanel.announcer.getElement().getAttribute("role")).isEqualTo("status");
        String spoken = org.jsoup.Jsoup.parse(html(view)).text();
        assertThat(spoken).isNotBlank();
        announced.remove("");
        assertThat(announced).as("announced once, complete").containsExactly(spoken);
        assertThat(view.status.getText()).contains("gemini/gemini-2.5-flash").contains("tokens");
        assertThat(view.firstTokenMillis).isNotNegative();
        var times = java.util.regex.Pattern.compile("· ([0-9]+,[0-9]) s · .* primer token a los ([0-9.]+) ms")
                .matcher(view.status.getText());
        assertThat(times.find()).as(view.status.getText()).isTrue();
        assertThat(Long.parseLong(times.group(2).replace(".", "")))
                .as("the first token, from the click, comes no later than the whole answer, from the click")
                .isLessThanOrEqualTo((long) (Double.parseDouble(times.group(1).replace(',', '.')) * 1000) + 50);
        assertThat(view.verdict.getChildren().count()).isPositive();

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        AnalysisPdf.write(view.current, view.shareLink.getValue(), pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.size()).isGreaterThan(2_000);
        assertThat(view.pdf.getHref()).isNotBlank();
        assertThat(cl.andesops.testing.PdfText.of(pdf.toByteArray())).as("a real instance's report links the official pages")
                .contains("mercadopublico.cl").doesNotContain("DATOS SIMULADOS");
        // this instance runs on the simulator: its report says so, and links no official page
        assertThat(view.getElement().toString()).contains("analysis-simulated");
        ByteArrayOutputStream demoPdf = new ByteArrayOutputStream();
        AnalysisPdf.write(view.current, view.shareLink.getValue(), true, demoPdf);
        assertThat(cl.andesops.testing.PdfText.of(demoPdf.toByteArray())).contains("DATOS SIMULADOS").doesNotContain("mercadopublico.cl");
        assertThat(AnalysisAddress.fileName(view.current, true)).endsWith("-simulado.pdf");
        ByteArrayOutputStream englishPdf = new ByteArrayOutputStream();
        AnalysisPdf.write(view.current, view.shareLink.getValue(), true, java.util.Locale.ENGLISH, englishPdf);
        assertThat(cl.andesops.testing.PdfText.of(englishPdf.toByteArray())).contains("SIMULATED DATA").contains("supplier analysis")
                .contains("Sources").doesNotContain("Fuentes");

        String share = view.shareLink.getValue();
        assertThat(share).contains("analysis?id=");
        String narrative = view.current.narrative();
        int calls = AiStub.shared().calls.size();
        AnalysisView reopened = open(share.substring(share.indexOf("analysis?") + "analysis?".length()));
        assertThat(reopened.current.narrative()).isEqualTo(narrative);
        assertThat(reopened.status.getText()).contains("compartido");
        assertThat(AiStub.shared().calls).hasSize(calls);
    }

    @Test
    void a_tender_link_opens_its_facts_and_the_cache_answers_at_once_the_second_time() {
        String code = jdbc.sql("SELECT code FROM tender ORDER BY id DESC LIMIT 1").query(String.class).single();
        AnalysisView view = open("kind=tender&subject=" + code);
        assertThat(view.current.facts().title()).isNotBlank();
        assertThat(view.tender.getValue().code()).isEqualTo(code);
        assertThat(view.status.getText()).contains("Analizar");
        _click(view.analyse);
        awaitNarrative(view);
        assertThat(view.verdict.getChildren().map(c -> c.getElement().getText()).toList())
                .contains("Recomendación: evaluar");
        int calls = AiStub.shared().calls.size();
        AnalysisView again = open("kind=tender&subject=" + code);
        assertThat(again.current.hasNarrative()).isTrue();
        assertThat(again.status.getText()).contains("desde caché");
        assertThat(AiStub.shared().calls).hasSize(calls);
    }

    @Test
    void a_market_slice_lives_in_the_url_and_bad_links_say_so() {
        java.time.LocalDate today = cl.andesops.testing.TestClock.today();
        AnalysisView view = open("kind=market&desde=" + today.minusDays(3) + "&hasta=" + today);
        assertThat(view.kind.getValue()).isEqualTo(AnalysisKind.MARKET);
        assertThat(view.from.getValue()).isEqualTo(today.minusDays(3));
        assertThat(view.current.facts().trend().labels()).hasSize(4);
        assertThat(view.shareLink.getValue()).as("the facts alone are shared by their own address")
                .contains("analysis?").contains("kind=market").contains("desde=" + today.minusDays(3))
                .contains("hasta=" + today).doesNotContain("id=");

        AnalysisView missing = open("id=doesnotexist1");
        assertThat(missing.current).isNull();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("analysis-message")).getText())
                .contains("no existe");
        AnalysisView empty = open("kind=buyer");
        _click(empty.analyse);
        assertThat(empty.current).isNull();
    }

    @Test
    void without_a_model_the_admin_reads_what_to_set_and_a_visitor_a_plain_sentence() {
        assertThat(AnalysisView.noModel(true, cl.andesops.shared.I18n.SPANISH)).contains("GEMINI_API_KEY");
        assertThat(AnalysisView.noModel(false, cl.andesops.shared.I18n.SPANISH)).doesNotContain("GEMINI").doesNotContain("_KEY")
                .contains("no está disponible en esta instalación");
    }
}
