package cl.andesops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import cl.andesops.testing.SyncedAppTest;
import cl.andesops.testing.TestClock;

/** The UTM table follows SII's yearly page when it can be read, refuses what is not credible, and keeps going. */
class SiiUtmTest extends SyncedAppTest {

    @Autowired Rules rules;
    HttpServer sii;

    /** Shaped as SII's page: a table a row per month, the UTM then the UTA, IPC and its changes. */
    static String page(int year, String october, String november) {
        return """
                <html><body><h2>UTM - UTA - IPC %d</h2><table class="tabla">
                <tr><th>Mes</th><th>UTM</th><th>UTA</th><th>IPC</th></tr>
                <tr><th>Septiembre</th><td>71.721</td><td>860.652</td><td>0,4</td></tr>
                <tr><th>Octubre</th><td>%s</td><td>862.032</td><td>0,1</td></tr>
                <tr><th>Noviembre</th><td>%s</td><td>&nbsp;</td><td>&nbsp;</td></tr>
                <tr><th>Diciembre</th><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
                </table></body></html>""".formatted(year, october, november);
    }

    @AfterEach
    void stop() {
        if (sii != null) {
            sii.stop(0);
        }
        rules.removeUtm(YearMonth.of(2026, 10));
    }

    @Test
    void the_page_gives_a_month_per_row_by_its_spanish_name() {
        Map<YearMonth, Long> read = SiiUtm.parse(Jsoup.parse(page(2026, "$ 71.836", "90.000,50")), 2026);
        assertThat(read).containsEntry(YearMonth.of(2026, 9), 71_721L).containsEntry(YearMonth.of(2026, 10), 71_836L)
                .containsEntry(YearMonth.of(2026, 11), 90_000L).hasSize(3);
    }

    @Test
    void new_months_are_added_a_jump_is_refused_and_an_unreachable_page_keeps_the_table() throws IOException {
        sii = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sii.createContext("/valores_y_fechas/utm/", ex -> {
            String year = ex.getRequestURI().getPath().replaceAll("\\D", "");
            byte[] body = (year.equals("2026") ? page(2026, "71.836", "90.000") : "<html></html>")
                    .getBytes(StandardCharsets.ISO_8859_1);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=ISO-8859-1");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        sii.start();
        String before = rules.table().fingerprint();
        SiiUtm utm = new SiiUtm(rules, new RulesProperties("http://127.0.0.1:" + sii.getAddress().getPort() + "/",
                Duration.ofHours(24), Duration.ofSeconds(5)), TestClock.CLOCK);
        SiiUtm.Status s = utm.refresh();
        assertThat(s.ok()).as(String.valueOf(s.problem())).isTrue();
        assertThat(s.added()).as("October is new; September is as shipped; November jumps 25 %").isEqualTo(1);
        RuleTable t = rules.table();
        assertThat(t.utm(java.time.LocalDate.of(2026, 10, 5)).pesos()).isEqualTo(71_836);
        assertThat(t.utm(java.time.LocalDate.of(2026, 10, 5)).source()).isEqualTo(UtmValue.Source.SII);
        assertThat(t.utm(java.time.LocalDate.of(2026, 11, 5)).pesos()).as("refused, carried forward")
                .isEqualTo(71_836);
        assertThat(t.fingerprint()).isNotEqualTo(before);
        assertThat(utm.refresh().added()).as("read again, nothing new").isZero();

        sii.stop(0);
        sii = null;
        SiiUtm.Status down = utm.refresh();
        assertThat(down.ok()).isFalse();
        assertThat(down.problem()).startsWith("SII ");
        assertThat(rules.table().utm(java.time.LocalDate.of(2026, 10, 5)).pesos()).isEqualTo(71_836);
    }
}
