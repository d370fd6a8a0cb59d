package cl.andesops.tenders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.persistence.DataVersions;
import cl.andesops.shared.persistence.Writer;

/**
 * Search over the 31 real tender names of a captured list (plus the real detail's text): relevance, Spanish
 * folding and stemming, prefixes, phrases, exclusions, facets, and thousands of hostile inputs.
 */
@SpringBootTest(properties = "andesops.storage.data-dir=target/test-data/tender-search")
class TenderSearchTest {

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/tender-search"));
    }

    @Autowired TenderSearch search;
    @Autowired @Qualifier(Writer.NAME) JdbcTemplate writer;
    @Autowired DataVersions versions;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired @Qualifier("writerTx") org.springframework.transaction.support.TransactionTemplate tx;
    static boolean loaded;

    @org.junit.jupiter.api.BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        JsonNode list;
        try (InputStream in = getClass().getResourceAsStream("/samples/licitaciones-list-1.json")) {
            list = JsonMapper.builder().build().readTree(in);
        }
        List<String> codes = new ArrayList<>();
        // the version and its rows commit together, as a writer does: a node that sees the version (the cluster's
        // catch-up at start on PostgreSQL) sees its rows too
        long version = tx.execute(status -> insert(list, codes));
        // announced as a writer does: the index catches up to the data version
        events.publishEvent(new DataChanged(DataChanged.Dataset.TENDERS, DataChanged.UNKNOWN, codes, List.of()));
        search.awaitIndexed();
        assertThat(search.indexedVersion()).isEqualTo(version);
        loaded = true;
    }

    private long insert(JsonNode list, List<String> codes) {
        long closes = Instant.now().plusSeconds(3 * 86_400).toEpochMilli();
        int i = 0;
        long version = versions.next(DataChanged.Dataset.TENDERS);
        for (JsonNode t : list.get("Listado")) {
            String code = t.get("CodigoExterno").asString();
            String type = code.substring(code.lastIndexOf('-') + 1, code.length() - 2);
            writer.update("INSERT INTO tender (code, name, description, state_code, state, type, region, buyer_name, "
                            + "closes_at, published_at, amount_visible, amount_clp, estimated_amount, fetched_at, "
                            + "has_detail, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, 1, " + version + ")",
                    code, t.get("Nombre").asString().strip(), "", i % 3 == 0 ? 5 : 8, i % 3 == 0 ? "Publicada" : "Adjudicada",
                    type, i % 2 == 0 ? "Región Metropolitana de Santiago" : "Región del Biobío",
                    code.startsWith("2105") ? "HOSPITAL DE PRUEBA" : "MUNICIPALIDAD DE PRUEBA",
                    closes + i * 1000L, closes - 86_400_000L, 1_000_000L * (i + 1), Long.toString(1_000_000L * (i + 1)));
            codes.add(code);
            i++;
        }
        writer.update("UPDATE tender SET description = ? WHERE code = '1509-5-L114'",
                "se requiere la compra de insumos y medicamentos para la unidad de urgencia y unidad de Hospitalizados");
        return version;
    }

    List<String> codes(String text) {
        return search.search(TenderQuery.text(text), 0, 50).hits().stream().map(TenderHit::code).toList();
    }

    @Test
    void insumos_medicos_ranks_medical_supply_tenders_first() {
        List<String> hits = codes("insumos medicos");
        assertThat(hits).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hits.subList(0, 3)).containsExactlyInAnyOrder("1509-5-L114", "2105-1013-L113", "2105-1128-L113");
    }

    @Test
    void accents_case_plurals_and_stems_meet() {
        assertThat(codes("esterilizacion")).containsExactly("608-128-L114");
        assertThat(codes("ESTERILIZACIÓN")).containsExactly("608-128-L114");
        assertThat(codes("médico")).contains("2105-1013-L113", "608-128-L114");
        assertThat(codes("inhaladores")).containsExactlyInAnyOrder("2105-33-L114", "2105-36-L114");
        assertThat(codes("farmaco antibiotico")).containsExactlyInAnyOrder("2105-41-L114", "2105-40-L114");
    }

    @Test
    void prefixes_phrases_exclusions_and_codes() {
        assertThat(codes("farma")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(codes("fluticas")).containsExactlyInAnyOrder("2105-33-L114", "2105-36-L114");
        assertThat(codes("farmacos -inyectables")).doesNotContain("2105-40-L114").contains("2105-41-L114");
        assertThat(codes("\"insumos medicos\"")).contains("2105-1013-L113", "2105-1128-L113");
        assertThat(codes("\"medicos insumos\"")).doesNotContain("2105-1013-L113");
        assertThat(codes("2105-38-LE14").getFirst()).isEqualTo("2105-38-LE14");
    }

    @Test
    void the_closing_buckets_do_not_overlap_and_add_up_to_the_results() {
        for (String text : List.of("", "farmacos")) {
            TenderResults all = search.search(TenderQuery.text(text), 0, 1);
            List<TenderResults.FacetCount> closing = all.facets().get("closing");
            assertThat(closing).extracting(TenderResults.FacetCount::value)
                    .containsExactlyElementsOf(TenderSearch.CLOSING);
            assertThat(closing.stream().mapToLong(TenderResults.FacetCount::count).sum()).as(text)
                    .isEqualTo(all.total());
            for (TenderResults.FacetCount bucket : closing) {
                TenderResults only = search.search(new TenderQuery(text, null, null, null, null, null,
                        bucket.value(), null, TenderQuery.Order.CLOSING), 0, 1);
                assertThat(only.total()).as("%s filtered by %s", text, bucket.value()).isEqualTo(bucket.count());
            }
        }
    }

    @Test
    void facets_follow_the_query_and_filter() {
        TenderResults all = search.search(TenderQuery.text("farmacos"), 0, 5);
        assertThat(all.total()).isGreaterThanOrEqualTo(8);
        assertThat(all.hits()).hasSize(5);
        long sumStates = all.facets().get("state").stream().mapToLong(TenderResults.FacetCount::count).sum();
        assertThat(sumStates).isEqualTo(all.total());
        assertThat(all.facets().get("buyer")).extracting(TenderResults.FacetCount::value)
                .containsExactly("HOSPITAL DE PRUEBA");
        TenderResults published = search.search(new TenderQuery("farmacos", Set.of("Publicada"), null, null, null,
                null, null, null, TenderQuery.Order.CLOSING), 0, 50);
        assertThat(published.total()).isPositive().isLessThan(all.total());
        assertThat(published.hits()).allMatch(h -> "Publicada".equals(h.state()));
        assertThat(published.facets().get("closing")).anyMatch(f -> f.value().equals("week") || f.value().equals("month"));
        TenderResults byRegion = search.search(new TenderQuery("", null, null, Set.of("Región del Biobío"), null,
                null, null, "lt5", TenderQuery.Order.AMOUNT), 0, 50);
        assertThat(byRegion.hits()).isNotEmpty().allMatch(h -> h.region().contains("Biobío")
                && h.amount().longValue() < 5_000_000);
        for (int i = 1; i < byRegion.hits().size(); i++) {
            assertThat(byRegion.hits().get(i).amount()).isLessThanOrEqualTo(byRegion.hits().get(i - 1).amount());
        }
    }

    @Test
    void highlights_are_escaped_html_with_marks() {
        TenderHit hit = search.search(TenderQuery.text("insumos"), 0, 10).hits().getFirst();
        assertThat(hit.nameHtml()).containsIgnoringCase("<mark>insumos</mark>");
        TenderHit utiles = search.search(TenderQuery.text("mexico"), 0, 1).hits().getFirst();
        assertThat(utiles.nameHtml()).doesNotContain("<script").contains("<mark>");
    }

    @Test
    void a_prefix_is_highlighted_through_its_words_in_the_index_not_by_analysing_each_hit_again() throws Exception {
        // the last word typed is also a prefix: marked in the name and in the description
        TenderHit fluticasona = search.search(TenderQuery.text("fluticas"), 0, 10).hits().getFirst();
        assertThat(fluticasona.nameHtml()).containsPattern("(?i)<mark>fluticasona</mark>");
        TenderHit urgencia = search.search(TenderQuery.text("hospitaliz"), 0, 10).hits().stream()
                .filter(h -> h.code().equals("1509-5-L114")).findFirst().orElseThrow();
        assertThat(urgencia.snippetHtml()).contains("<mark>Hospitalizados</mark>");
        // the highlighter's query holds no prefix query (which would make it analyse the text of every hit again),
        // only words the index holds
        {
            org.apache.lucene.search.Query highlighted = search.highlightQuery(TenderQuery.text("insumos farma"));
            List<String> leaves = new ArrayList<>();
            highlighted.visit(new org.apache.lucene.search.QueryVisitor() {
                @Override
                public void consumeTerms(org.apache.lucene.search.Query q, org.apache.lucene.index.Term... terms) {
                    for (var t : terms) {
                        leaves.add(t.field() + ":" + t.text());
                    }
                }

                @Override
                public void consumeTermsMatching(org.apache.lucene.search.Query q, String field,
                                                 java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> a) {
                    leaves.add("automaton " + q);
                }

                @Override
                public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur o,
                                                                           org.apache.lucene.search.Query parent) {
                    return this;
                }
            });
            assertThat(leaves).noneMatch(l -> l.startsWith("automaton")).contains("name:insum", "name:farmac")
                    .as("a prefix on a field nothing marks is not expanded: only the typed words' own terms there")
                    .filteredOn(l -> l.startsWith("items:") || l.startsWith("buyer:"))
                    .containsOnly("items:insum", "items:farm", "buyer:insum", "buyer:farm");
        }
    }

    @Test
    void the_api_list_and_a_file_rank_and_count_as_the_screen_does_without_marking_words() {
        for (TenderQuery q : List.of(TenderQuery.text("insumos"), TenderQuery.text("farma"), TenderQuery.text(""),
                new TenderQuery("medic", Set.of("Publicada"), null, null, null, null, null, null,
                        TenderQuery.Order.CLOSING),
                new TenderQuery("", null, null, null, null, null, null, null, TenderQuery.Order.AMOUNT))) {
            TenderResults screen = search.search(q, 0, 50);
            TenderResults api = search.list(q, 0, 50);
            assertThat(api.total()).as(q.text()).isEqualTo(screen.total());
            assertThat(api.hits()).extracting(TenderHit::code).as(q.text())
                    .containsExactlyElementsOf(screen.hits().stream().map(TenderHit::code).toList());
            assertThat(search.list(q, 3, 2).hits()).extracting(TenderHit::code)
                    .containsExactlyElementsOf(screen.hits().stream().skip(3).limit(2).map(TenderHit::code).toList());
            List<TenderHit> file = new ArrayList<>();
            assertThat(search.forEach(q, 1_000, file::add)).isEqualTo(screen.total());
            assertThat(file).extracting(TenderHit::code)
                    .containsExactlyElementsOf(screen.hits().stream().map(TenderHit::code).toList());
            assertThat(api.hits()).noneMatch(h -> h.nameHtml().contains("<mark>"));
            assertThat(file).noneMatch(h -> h.nameHtml().contains("<mark>") || h.snippetHtml().contains("<mark>"));
        }
        assertThat(search.search(TenderQuery.text("insumos"), 0, 1).hits().getFirst().nameHtml()).contains("<mark>");
    }

    @Test
    void similar_tenders_share_words() {
        assertThat(search.similar("2105-33-L114", 3)).extracting(TenderRow::code).contains("2105-36-L114");
    }

    @Test
    void whatever_a_user_types_gives_results_or_an_empty_list_never_an_error() {
        Random random = new Random(42);
        String alphabet = "abcdefghijklmnñopqrstuvwxyzáéíóúÁÉ0123456789 \"'()[]{}*?~^!:+-&|/\\<>AND OR NOT 🙂🇨🇱\t\n";
        List<String> inputs = new ArrayList<>(List.of("", " ", "\"", "\"\"", "-", "--", "*", "?", "AND", "OR NOT",
                "(((", ")", "\\", "a:b", "title:(x", "🙂", "~2", "^3", "[* TO *]", "-\"", "\"abc", "x".repeat(5_000)));
        for (int i = 0; i < 3_000; i++) {
            int len = 1 + random.nextInt(i % 100 == 0 ? 5_000 : 40);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < len; c++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String input : inputs) {
            String shown = input.length() > 60 ? input.substring(0, 60) : input;
            assertThatCode(() -> search.search(TenderQuery.text(input), 0, 20)).as(shown).doesNotThrowAnyException();
            // the API's list ranks and counts the same query without facets or marks
            assertThatCode(() -> search.list(TenderQuery.text(input), 0, 20)).as("list: " + shown)
                    .doesNotThrowAnyException();
        }
    }
}
