package cl.andesops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulatedMarkTest {

    record Order(String code, String officialUrl) {
    }

    final JsonMapper json = JsonMapper.builder().build();

    private Object write(boolean simulated, Object body, MediaType type) {
        return new SimulatedMark(() -> simulated, json).beforeBodyWrite(body, null, type, null, null, null);
    }

    @Test
    void demo_answers_say_simulated_and_offer_no_official_link() {
        JsonNode one = (JsonNode) write(true, new Order("1-1-SE26", "https://www.mercadopublico.cl/x"),
                MediaType.APPLICATION_JSON);
        assertThat(one.get("simulated").asBoolean()).isTrue();
        assertThat(one.has("officialUrl")).isFalse();
        assertThat(one.get("code").asString()).isEqualTo("1-1-SE26");
        JsonNode page = (JsonNode) write(true, new ApiPage<>(List.of(new Order("1-1-SE26", "u")), 0, 1, 1),
                MediaType.APPLICATION_JSON);
        assertThat(page.get("simulated").asBoolean()).isTrue();
        assertThat(page.get("items").get(0).has("officialUrl")).isFalse();
    }

    @Test
    void live_answers_say_not_simulated_and_keep_the_link() {
        JsonNode one = (JsonNode) write(false, new Order("1-1-SE26", "https://www.mercadopublico.cl/x"),
                MediaType.APPLICATION_JSON);
        assertThat(one.get("simulated").asBoolean()).isFalse();
        assertThat(one.get("officialUrl").asString()).isEqualTo("https://www.mercadopublico.cl/x");
    }

    @Test
    void problems_and_non_json_answers_pass_untouched() {
        ProblemDetail problem = ProblemDetail.forStatus(404);
        assertThat(write(true, problem, MediaType.APPLICATION_PROBLEM_JSON)).isSameAs(problem);
        assertThat(write(true, "a;b", MediaType.parseMediaType("text/csv"))).isEqualTo("a;b");
    }
}
