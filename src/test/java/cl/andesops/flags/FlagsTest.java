package cl.andesops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.events.Follower;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.testing.SyncedAppTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators follow the synced data by version: every record they apply to is judged once, the coverage adds up
 * to plain SQL over the same rows, what fires says why in words, and the API answers the same figures.
 */
class FlagsTest extends SyncedAppTest {

    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("writer") JdbcTemplate writer;
    @Autowired DataVersions versions;
    @Autowired FlagFollower follower;
    @Autowired PartyFlagFollower parties;
    @Autowired cl.andesops.shared.ui.RecordSignals rowSignals;
    @Autowired cl.andesops.analysis.FactsService facts;
    @Autowired Flags flags;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    static final Period ALL = new Period(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));

    @BeforeEach
    void judged() throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM sync_job WHERE kind = 'DAY_ORDERS' AND state = 'DONE'").query(Integer.class)
                .single() >= 2);
        assertThat(follower.awaitJudged(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void every_compra_agil_request_with_a_choice_is_judged_once_and_the_coverage_adds_up() {
        // the sync goes on committing: compare once the indicators reflect what the SQL reads
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(follower.awaitJudged(Duration.ofSeconds(10))).isTrue();
            long decided = jdbc.sql("SELECT count(DISTINCT r.code) FROM ca_request r JOIN ca_quote q ON q.request_id = r.id "
                    + "WHERE q.selected = 1 AND r.published_at IS NOT NULL AND r.version <= :v")
                    .param("v", follower.reflects(Dataset.COMPRA_AGIL)).query(Long.class).single();
            Flags.Coverage few = flags.coverage(ALL).stream().filter(c -> c.indicator() == Indicator.CA_FEW_QUOTES)
                    .findFirst().orElseThrow();
            assertThat(few.applicable() + few.notJudged()).as("each request with a chosen quote, once").isEqualTo(decided);
            long underThree = jdbc.sql("""
                    SELECT count(*) FROM ca_request r WHERE r.published_at IS NOT NULL AND r.version <= :v
                      AND EXISTS (SELECT 1 FROM ca_quote q WHERE q.request_id = r.id AND q.selected = 1)
                      AND (SELECT count(DISTINCT coalesce(q.supplier_rut, '#' || q.quote_id)) FROM ca_quote q
                           WHERE q.request_id = r.id) < 3""")
                    .param("v", follower.reflects(Dataset.COMPRA_AGIL)).query(Long.class).single();
            assertThat(few.fired()).as("fired equals plain SQL over the same rows").isEqualTo(underThree);
        });
        // the sync goes on committing: read the figures and the rows until both are of the same moment
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Flags.Coverage c : flags.coverage(ALL)) {
                long rows = jdbc.sql("SELECT count(*) FROM flag_record WHERE indicator = :i")
                        .param("i", c.indicator().id).query(Long.class).single();
                assertThat(c.applicable() + c.notJudged()).as(c.indicator().id).isEqualTo(rows);
                assertThat(c.notJudgedBy().values().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(c.notJudged());
                assertThat(c.rate()).isEqualTo(c.applicable() == 0 ? 0 : c.fired() / (double) c.applicable());
            }
        });
    }

    @Test
    void every_supplier_is_judged_captive_exactly_as_plain_sql_over_its_twelve_months_says() {
        cl.andesops.rules.RuleTable rules = cl.andesops.rules.RuleTable.shipped();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(parties.awaitJudged(Duration.ofSeconds(20))).isTrue();
            Period p = parties.period();
            double least = 500.0 * rules.utm(p.to()).pesos();
            java.util.Map<String, String> expected = new java.util.HashMap<>();
            jdbc.sql("""
                    SELECT supplier_rut, count(*), coalesce(sum(amount_clp), 0), count(DISTINCT buyer_code)
                    FROM purchase_order WHERE has_detail = 1 AND day BETWEEN :f AND :t AND buyer_code IS NOT NULL
                      AND supplier_rut IS NOT NULL GROUP BY supplier_rut""")
                    .param("f", Period.day(p.from())).param("t", Period.day(p.to()))
                    .query(rs -> {
                        String outcome = rs.getLong(2) < 10 || rs.getLong(3) < least ? "N:too-few-records"
                                : rs.getLong(4) == 1 ? "F" : "C";
                        cl.andesops.shared.format.PartyKeys.supplier(rs.getString(1))
                                .ifPresent(k -> expected.put(k, outcome));
                    });
            java.util.Map<String, String> judged = new java.util.HashMap<>();
            jdbc.sql("SELECT record_code, outcome FROM flag_record WHERE indicator = 'captive-supplier'")
                    .query(rs -> {
                        judged.put(rs.getString(1), rs.getString(2));
                    });
            assertThat(judged).isNotEmpty().isEqualTo(expected);
        });
        // a party's judgement is dated the last day of its 12 months: the screens' default period counts it
        Flags.Coverage captive = flags.coverage(parties.period()).stream()
                .filter(c -> c.indicator() == Indicator.CAPTIVE_SUPPLIER).findFirst().orElseThrow();
        assertThat(captive.applicable() + captive.notJudged()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM flag_record WHERE indicator = 'captive-supplier'").query(Long.class).single());
    }

    @Test
    void the_split_purchase_flag_fires_on_compra_agil_orders_that_together_pass_the_ceiling() {
        // plain SQL over the same orders: for each fired order, its episode is its pair's AG orders, each under the
        // ceiling, together above it within 30 days
        List<Flags.Hit> hits = flags.hits(Indicator.SPLIT_PURCHASE, ALL, 0, 50).hits();
        for (Flags.Hit h : hits) {
            assertThat(h.records()).contains(h.recordCode()).hasSizeGreaterThanOrEqualTo(2);
            long sum = jdbc.sql("SELECT sum(amount_clp) FROM purchase_order WHERE code IN (:c)")
                    .param("c", h.records()).query(Long.class).single();
            assertThat(sum).isEqualTo(((Number) h.args().get(2)).longValue());
            assertThat(sum).isGreaterThan(((Number) h.args().get(3)).longValue());
            assertThat(FlagWords.why(h, cl.andesops.shared.I18n.SPANISH)).contains("suman $").doesNotContain("{");
        }
        Flags.Coverage split = flags.coverage(ALL).stream().filter(c -> c.indicator() == Indicator.SPLIT_PURCHASE)
                .findFirst().orElseThrow();
        // counted after the figures: the sync only adds orders meanwhile
        long agOrders = jdbc.sql("SELECT count(*) FROM purchase_order WHERE type IN ('AG', 'D1', 'C1', 'F3', 'G1', "
                + "'TD') AND has_detail = 1 AND day IS NOT NULL").query(Long.class).single();
        assertThat(split.applicable()).as("orders of the judged channels under their caps, at most all of them")
                .isPositive().isLessThanOrEqualTo(agOrders);
    }

    @Test
    void the_api_lists_every_indicator_with_its_sources_and_the_notice_and_pages_its_records() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode all = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/flags?desde=2000-01-01&hasta=2099-12-31")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(all.path("notice").asString()).contains("motivo para mirar, no una prueba");
        assertThat(all.path("indicators")).hasSize(Indicator.values().length);
        JsonNode split = null;
        for (JsonNode i : all.path("indicators")) {
            assertThat(i.path("rules")).as(i.path("id").asString()).isNotEmpty();
            i.path("rules").forEach(r -> assertThat(r.path("source").asString()).isNotBlank());
            if (i.path("id").asString().equals("split-purchase")) {
                split = i;
            }
        }
        Flags.Coverage c = flags.coverage(new Period(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31))).stream()
                .filter(x -> x.indicator() == Indicator.SPLIT_PURCHASE).findFirst().orElseThrow();
        assertThat(split.path("applicable").asLong()).isEqualTo(c.applicable());
        assertThat(split.path("fired").asLong()).isEqualTo(c.fired());
        JsonNode page = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/flags/split-purchase/records?desde=2000-01-01&hasta=2099-12-31&size=2")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(page.path("total").asLong()).isEqualTo(c.fired());
        if (c.fired() > 0) {
            JsonNode first = page.path("items").get(0);
            assertThat(first.path("path").asString()).startsWith("/orders/");
            assertThat(first.path("why").asString()).isNotBlank();
            assertThat(first.path("evidence").get(0).path("path").asString()).startsWith("/orders/");
        }
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/flags/ca-few-quotes")).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(json.readTree(english.body()).path("notice").asString()).contains("reason to look, not proof");
        assertThat(json.readTree(english.body()).path("months")).isNotEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/flags/no-such-flag")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void the_screens_show_the_figures_the_api_gives_with_the_notice_and_lead_to_the_records() {
        cl.andesops.testing.KaribuTest.setUp(context);
        try {
            com.vaadin.flow.component.UI.getCurrent().navigate("flags",
                    com.vaadin.flow.router.QueryParameters.of("meses", "todo"));
            cl.andesops.flags.ui.FlagsView view = com.github.mvysny.kaributesting.v10.LocatorJ
                    ._get(cl.andesops.flags.ui.FlagsView.class);
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Paragraph.class,
                    spec -> spec.withId("flags-notice")).getText()).contains("no una prueba");
            var grid = com.github.mvysny.kaributesting.v10.LocatorJ._get(view,
                    com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("flags-grid"));
            @SuppressWarnings("unchecked")
            List<Flags.Coverage> rows = com.github.mvysny.kaributesting.v10.GridKt._fetch(grid, 0, 100);
            assertThat(rows).hasSize(Indicator.values().length);
            Period all = cl.andesops.shared.format.Period.of(null, null, "todo", LocalDate.now(
                    cl.andesops.testing.TestClock.CLOCK.withZone(cl.andesops.shared.format.Formats.CHILE)));
            Flags.Coverage few = rows.stream().filter(c -> c.indicator() == Indicator.CA_FEW_QUOTES).findFirst()
                    .orElseThrow();
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(flags.coverage(all)
                    .stream().filter(c -> c.indicator() == Indicator.CA_FEW_QUOTES).findFirst().orElseThrow()
                    .fired()).isGreaterThanOrEqualTo(few.fired()));

            com.vaadin.flow.component.UI.getCurrent().navigate("flags/ca-few-quotes",
                    com.vaadin.flow.router.QueryParameters.of("meses", "todo"));
            cl.andesops.flags.ui.FlagView one = com.github.mvysny.kaributesting.v10.LocatorJ
                    ._get(cl.andesops.flags.ui.FlagView.class);
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Span.class,
                    spec -> spec.withId("flag-fired-value")).getText())
                    .isEqualTo(cl.andesops.shared.format.Formats.count(flags.coverage(all).stream()
                            .filter(c -> c.indicator() == Indicator.CA_FEW_QUOTES).findFirst().orElseThrow().fired()));
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Paragraph.class,
                    spec -> spec.withId("flag-definition")).getText()).contains("menos cotizaciones que las tres");
            if (few.fired() > 0) {
                var list = com.github.mvysny.kaributesting.v10.LocatorJ._get(one,
                        com.vaadin.flow.component.html.Div.class, spec -> spec.withId("flag-records"));
                assertThat(list.getChildren().count()).isEqualTo(Math.min(50, few.fired()));
                assertThat(list.getElement().getTextRecursively()).contains("Decidida con");
            }
            com.vaadin.flow.component.UI.getCurrent().navigate("flags/no-such-signal");
            assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(cl.andesops.flags.ui.FlagView.class))
                    .isEmpty();
        } finally {
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        }
    }

    /** A split purchase among the synced days (other tests of this context write orders of buyers with no profile). */
    Flags.Hit recentSplit(LocalDate today) {
        List<Flags.Hit> hits = flags.hits(Indicator.SPLIT_PURCHASE, new Period(today.minusDays(10), today), 0, 50)
                .hits().stream().filter(h -> h.buyerCode() != null && h.buyerCode().matches("\\d+")).toList();
        org.junit.jupiter.api.Assumptions.assumeFalse(hits.isEmpty(), "no split purchase in the synced days");
        return hits.getFirst();
    }

    @Test
    void a_split_purchase_is_marked_on_its_row_and_is_among_its_buyers_analysis_facts_with_its_records() {
        LocalDate today = LocalDate.now(cl.andesops.testing.TestClock.CLOCK.withZone(
                cl.andesops.shared.format.Formats.CHILE));
        Flags.Hit hit = recentSplit(today);
        java.util.Locale es = cl.andesops.shared.I18n.SPANISH;
        String name = FlagWords.name(Indicator.SPLIT_PURCHASE, es);
        // the lists' rows: the signal's name on the record it fired on, nothing on one it did not
        var marks = rowSignals.of(List.of(hit.recordCode(), "no-such-order"), es);
        assertThat(marks.get(hit.recordCode())).contains(name).contains("no prueba");
        assertThat(marks).doesNotContainKey("no-such-order");

        // the buyer's analysis: the signal as a fact, counted as its profile counts it, its sources the records
        Period year = new Period(today.minusDays(364), today);
        var keys = flags.keysOf(cl.andesops.shared.format.PartyKeys.Kind.BUYER, hit.buyerCode());
        long fired = flags.firedFor(cl.andesops.shared.format.PartyKeys.Kind.BUYER, keys, year)
                .get(Indicator.SPLIT_PURCHASE);
        java.util.Set<String> codes = new java.util.HashSet<>();
        flags.hits(Indicator.SPLIT_PURCHASE, year, cl.andesops.shared.format.PartyKeys.Kind.BUYER, keys, 0, 1000)
                .hits().forEach(h -> codes.add(h.recordCode()));
        var f = facts.facts(new cl.andesops.analysis.Subject(cl.andesops.analysis.AnalysisKind.BUYER,
                hit.buyerCode()), es).orElseThrow();
        var table = f.tables().stream().filter(t -> t.title().startsWith("Señales de integridad")).findFirst()
                .orElseThrow();
        var row = table.rows().stream().filter(r -> r.cells().getFirst().equals(name)).findFirst().orElseThrow();
        assertThat(row.cells().get(1)).isEqualTo(cl.andesops.shared.format.Formats.count(fired));
        assertThat(row.sources()).isNotEmpty().allSatisfy(src -> assertThat(codes).contains(src.code()));
        assertThat(table.title()).contains("no prueba");
    }

    @Test
    void a_profile_and_a_record_page_show_the_signals_of_their_records_leading_to_them() {
        LocalDate today = LocalDate.now(cl.andesops.testing.TestClock.CLOCK.withZone(
                cl.andesops.shared.format.Formats.CHILE));
        Flags.Hit hit = recentSplit(today);
        cl.andesops.testing.KaribuTest.setUp(context);
        try {
            com.vaadin.flow.component.UI.getCurrent().navigate("orders/" + hit.recordCode());
            var box = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("record-flags"));
            assertThat(box.getElement().getTextRecursively()).contains("no una prueba")
                    .contains(FlagWords.name(Indicator.SPLIT_PURCHASE, cl.andesops.shared.I18n.SPANISH))
                    .contains(FlagWords.why(hit, cl.andesops.shared.I18n.SPANISH));

            // the buyer's profile over the days around the record (other tests of this context import other months)
            Period around = new Period(hit.day().minusDays(3), hit.day().plusDays(3));
            com.vaadin.flow.component.UI.getCurrent().navigate("buyers/" + hit.buyerCode(),
                    com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("desde", around.from().toString(),
                            "hasta", around.to().toString())));
            long fired = flags.firedFor(cl.andesops.shared.format.PartyKeys.Kind.BUYER,
                    flags.keysOf(cl.andesops.shared.format.PartyKeys.Kind.BUYER, hit.buyerCode()), around)
                    .get(Indicator.SPLIT_PURCHASE);
            var section = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("profile-flags"));
            assertThat(section.getElement().getTextRecursively()).contains(cl.andesops.shared.format.Formats
                    .count(fired) + (fired == 1 ? " registro" : " registros"));
            var link = com.github.mvysny.kaributesting.v10.LocatorJ._find(section,
                    com.vaadin.flow.component.html.Anchor.class).stream()
                    .filter(a -> a.getHref().startsWith("flags/split-purchase?comprador=" + hit.buyerCode()))
                    .findFirst().orElseThrow();
            // the link opens the signal's records of that buyer alone
            String query = link.getHref().substring(link.getHref().indexOf('?') + 1);
            com.vaadin.flow.component.UI.getCurrent().navigate("flags/split-purchase",
                    com.vaadin.flow.router.QueryParameters.fromString(query));
            var list = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("flag-records"));
            assertThat(list.getChildren().count()).isEqualTo(Math.min(50, fired));
            @SuppressWarnings("unchecked")
            com.vaadin.flow.component.select.Select<String> months = com.github.mvysny.kaributesting.v10.LocatorJ
                    ._get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("flags-months"));
            assertThat(months.getValue()).as("the profile's days, not a number of months").isNull();
            assertThat(months.getItemLabelGenerator().apply(null)).as("what the chooser shows for no choice")
                    .isEqualTo(months.getEmptySelectionCaption());
            assertThat(months.getEmptySelectionCaption()).isEqualTo("Del "
                    + cl.andesops.shared.format.Formats.date(around.from()) + " al "
                    + cl.andesops.shared.format.Formats.date(around.to()));
        } finally {
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        }
    }

    @Test
    void a_node_that_does_not_keep_the_data_never_follows_and_reports_what_the_keeper_recorded() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Follower idle = new Follower("flags", Set.of(Dataset.ORDERS), versions, jdbc, writer) {
            @Override
            protected boolean active() {
                return false; // not the leader: the leader's FlagFollower keeps "flags"
            }

            @Override
            protected String basis() {
                return follower.basisForTests();
            }

            @Override
            protected void follow(Dataset dataset, long from, long to) {
                calls.incrementAndGet();
            }
        };
        try {
            idle.start();
            idle.queue();
            Thread.sleep(300);
            assertThat(calls).hasValue(0);
            assertThat(follower.awaitJudged(Duration.ofSeconds(30))).isTrue();
            assertThat(idle.caughtUp()).as("the keeper's recorded version, read from the database")
                    .isEqualTo(follower.reflects(Dataset.ORDERS) >= versions.current(Dataset.ORDERS));
        } finally {
            idle.stop();
        }
    }

    @Test
    void the_trend_is_the_rate_of_the_last_three_months_beside_the_rate_before_them() {
        // judgements of 2001, a year no record of this context holds: two of eight fired before October, three of four
        // in October to December
        String[][] rows = {{"20010115", "F"}, {"20010215", "C"}, {"20010315", "C"}, {"20010415", "F"},
                {"20010515", "C"}, {"20010615", "C"}, {"20010715", "C"}, {"20010815", "C"}, {"20011015", "F"},
                {"20011115", "F"}, {"20011201", "C"}, {"20011231", "F"}};
        try {
            for (int k = 0; k < rows.length; k++) {
                writer.update("INSERT INTO flag_record (indicator, record_code, day, outcome) VALUES (?, ?, ?, ?)",
                        "ca-over-ceiling", "TREND-" + k, Integer.parseInt(rows[k][0]), rows[k][1]);
            }
            Flags.Coverage c = flags.coverage(new Period(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31)))
                    .stream().filter(x -> x.indicator() == Indicator.CA_OVER_CEILING).findFirst().orElseThrow();
            assertThat(c.applicable()).isEqualTo(12);
            assertThat(c.fired()).isEqualTo(5);
            assertThat(c.recentRate()).isEqualTo(0.75);
            assertThat(c.earlierRate()).isEqualTo(0.25);
            Flags.Coverage none = flags.coverage(new Period(LocalDate.of(2002, 1, 1), LocalDate.of(2002, 12, 31)))
                    .stream().filter(x -> x.indicator() == Indicator.CA_OVER_CEILING).findFirst().orElseThrow();
            assertThat(none.recentRate()).as("nothing judged: no trend").isEqualTo(-1);
        } finally {
            writer.update("DELETE FROM flag_record WHERE record_code LIKE 'TREND-%'");
        }
    }

    @Test
    void bad_input_gets_a_clear_4xx_and_a_partys_records_are_what_its_profile_counts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<String>> get = path -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (String bad : List.of("/api/v1/flags?desde=ayer", "/api/v1/flags/split-purchase/records?page=-1",
                "/api/v1/flags/split-purchase/records?size=100000", "/api/v1/flags/split-purchase/records?proveedor=12",
                "/api/v1/flags/split-purchase/records?comprador=7248&proveedor=76012551-2",
                "/api/v1/flags/ca-few-quotes?meses=%27;DROP")) {
            HttpResponse<String> r = get.apply(bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).doesNotContain("Exception").doesNotContain("at cl.");
        }
        List<Flags.Hit> any = flags.hits(Indicator.SPLIT_PURCHASE, ALL, 0, 50).hits().stream()
                .filter(h -> h.buyerCode() != null && h.buyerCode().matches("\\d+")).toList();
        org.junit.jupiter.api.Assumptions.assumeFalse(any.isEmpty(), "no split purchase in the synced days");
        String buyer = any.getFirst().buyerCode();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode page = json.readTree(get.apply("/api/v1/flags/split-purchase/records?desde=2000-01-01&hasta=2100-01-01"
                + "&comprador=" + buyer).body());
        long counted = flags.firedFor(cl.andesops.shared.format.PartyKeys.Kind.BUYER,
                flags.keysOf(cl.andesops.shared.format.PartyKeys.Kind.BUYER, buyer), ALL)
                .get(Indicator.SPLIT_PURCHASE);
        assertThat(page.path("total").asLong()).as("the API's records of a buyer, what its profile counts")
                .isEqualTo(counted);
        page.path("items").forEach(i -> assertThat(i.path("buyerCode").asString()).isEqualTo(buyer));
        assertThat(json.readTree(get.apply("/api/v1/flags/split-purchase/records?comprador=no-such-buyer").body())
                .path("total").asLong()).isZero();
        assertThat(flags.hits(Indicator.SPLIT_PURCHASE, ALL, cl.andesops.shared.format.PartyKeys.Kind.SUPPLIER,
                List.of(), 0, 10).total()).as("a party with no key has no records, and no query fails").isZero();
    }

    @Test
    void a_buyers_single_bid_share_is_shown_beside_its_peers_median_and_only_with_twenty_peers() {
        LocalDate day = LocalDate.of(2031, 3, 1);
        Period month = new Period(day.withDayOfMonth(1), day.plusMonths(1).minusDays(1));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int b = 0; b < 25; b++) {
            for (int k = 0; k < 10; k++) {
                rows.add(new Object[]{"ctx-" + b + "-" + k, "CTX-P" + b, k == 0 ? "F" : "C"});
            }
        }
        for (int k = 0; k < 10; k++) {
            rows.add(new Object[]{"ctx-me-" + k, "CTX-ME", k < 6 ? "F" : "C"});
        }
        rows.add(new Object[]{"ctx-small", "CTX-SMALL", "F"}); // under five judged: not a peer
        try {
            writer.batchUpdate("INSERT INTO flag_record (indicator, record_code, day, outcome, buyer_code) "
                    + "VALUES ('single-bid', ?, 20310301, ?, ?)", rows.stream()
                    .map(r -> new Object[]{r[0], r[2], r[1]}).toList());
            Flags.Context c = flags.singleBidContext("CTX-ME", month).orElseThrow();
            assertThat(c.fired()).isEqualTo(6);
            assertThat(c.applicable()).isEqualTo(10);
            assertThat(c.peers()).as("peers with five judged or more, the buyer left out").isEqualTo(25);
            assertThat(c.peersMedian()).isEqualTo(0.1);
            assertThat(c.comparable()).isTrue();
            writer.update("DELETE FROM flag_record WHERE record_code LIKE 'ctx-1%' AND buyer_code <> 'CTX-P1'");
            assertThat(flags.singleBidContext("CTX-ME", month).orElseThrow().comparable())
                    .as("under 20 peers it is not compared").isFalse();
            assertThat(flags.singleBidContext("CTX-NONE", month)).isEmpty();
            var section = cl.andesops.flags.ui.FlagsProfileSection.context(flags.singleBidContext("CTX-ME", month).orElseThrow(),
                    cl.andesops.shared.I18n.SPANISH);
            assertThat(section.getText()).contains("no una señal").contains("6 de sus 10").contains("menos de 20");
        } finally {
            writer.update("DELETE FROM flag_record WHERE record_code LIKE 'ctx-%'");
        }
    }

    @Test
    void a_follower_stopped_part_way_does_not_record_the_version_it_did_not_finish() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Follower stopped = new Follower("test-stopped", Set.of(Dataset.ORDERS), versions, jdbc, writer) {
            @Override
            protected void follow(Dataset dataset, long from, long to) {
                entered.countDown();
                try {
                    release.await(); // the process stops while this runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        stopped.start();
        assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread stopping = Thread.ofPlatform().start(stopped::stop);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !stopped.isRunning());
        release.countDown();
        stopping.join(15_000);
        assertThat(stopped.reflects(Dataset.ORDERS)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM derived_version WHERE follower = 'test-stopped'")
                .query(Long.class).single()).as("the next start follows it again").isZero();
    }

    @Test
    void a_follower_that_fails_keeps_its_version_and_catches_up_at_the_next_try_without_touching_others() {
        AtomicInteger calls = new AtomicInteger();
        Follower failing = new Follower("test-failing", Set.of(Dataset.ORDERS), versions, jdbc, writer) {
            @Override
            protected void follow(Dataset dataset, long from, long to) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the first try fails");
                }
            }
        };
        try {
            failing.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> failing.failures() == 1);
            assertThat(failing.reflects(Dataset.ORDERS)).isZero();
            failing.queue();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> failing.reflects(Dataset.ORDERS) > 0);
            assertThat(jdbc.sql("SELECT version FROM derived_version WHERE follower = 'test-failing'")
                    .query(Long.class).single()).isEqualTo(failing.reflects(Dataset.ORDERS));
            assertThat(follower.failures()).as("the indicators were not touched").isZero();
        } finally {
            failing.stop();
        }
    }
}
