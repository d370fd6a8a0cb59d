package cl.andesops.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cl.andesops.admin.SecretsStatus;
import cl.andesops.sync.SyncJob;
import cl.andesops.testing.KaribuTest;

/** The administration screen with and without the admin role. */
class AdminViewTest extends KaribuTest {

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    static void loginAsAdmin() {
        var token = new UsernamePasswordAuthenticationToken("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        SecurityContextHolder.getContext().setAuthentication(token);
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinServletRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(token);
        request.setUserInRole((principal, role) -> "ADMIN".equals(role) || "ROLE_ADMIN".equals(role));
    }

    @Test
    void without_the_admin_role_the_admin_screen_sends_to_the_login() {
        UI.getCurrent().navigate("admin");
        assertThat(_find(AdminView.class)).isEmpty();
        assertThat(_get(LoginView.class)).isNotNull();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("login-link"))).isNotNull();
    }

    @org.springframework.beans.factory.annotation.Autowired cl.andesops.sync.SyncEngine sync;

    @Test
    void the_admin_sees_secrets_status_without_values_and_controls_the_sync() {
        loginAsAdmin();
        UI.getCurrent().navigate("admin");
        AdminView view = _get(AdminView.class);
        List<SecretsStatus.Variable> vars = GridKt._fetch(view.variables, 0, 100);
        assertThat(vars).extracting(SecretsStatus.Variable::name).contains("MERCADO_PUBLICO_TICKET", "GEMINI_API_KEY",
                "GROQ_API_KEY", "FEATHERLESS_API_KEY", "DATABASE_URL", "ADMIN_PASSWORD", "GEMINI_MODEL");
        assertThat(vars).filteredOn(SecretsStatus.Variable::secret).allMatch(v -> v.value() == null);
        assertThat(view.quota.getText()).contains("Solicitudes a Mercado Público hoy");
        assertThat(view.ai.getText()).as("what the language models cost today").contains("Modelos de lenguaje hoy")
                .contains("ANDESOPS_AI_DAILY_LIMIT");
        assertThat(view.clusterText.getText()).as("which node leads, on which database")
                .containsAnyOf("Base de datos SQLite", "Base de datos PostgreSQL").contains("líder: ejecuta");
        assertThat(GridKt._fetch(view.nodes, 0, 10)).singleElement()
                .satisfies(n -> assertThat(n.leads()).isTrue());

        view.syncDay.click();
        assertThat(GridKt._fetch(view.jobs, 0, 100)).extracting(SyncJob::param)
                .contains(view.day.getValue().toString());
        assertThat(sync.paused()).isFalse();
        assertThat(view.resume.isEnabled()).isFalse();
        view.pause.click();
        assertThat(sync.paused()).as("pausing holds the worker").isTrue();
        assertThat(view.pause.isEnabled()).isFalse();
        assertThat(view.resume.isEnabled()).isTrue();
        view.resume.click();
        assertThat(sync.paused()).as("resuming lets it go on").isFalse();
        assertThat(view.pause.isEnabled()).isTrue();

        _get(com.vaadin.flow.component.button.Button.class, s -> s.withId("probe-v1")).click();
        Span result = _get(Span.class, s -> s.withId("probe-result-v1"));
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return result.getText().startsWith("✔") || result.getText().startsWith("✘");
        });
        assertThat(result.getText()).startsWith("✔ Responde: 852 organismos");

        _get(com.vaadin.flow.component.button.Button.class, s -> s.withId("probe-groq")).click();
        Span groq = _get(Span.class, s -> s.withId("probe-result-groq"));
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return groq.getText().startsWith("✘");
        });
        assertThat(groq.getText()).contains("GROQ_API_KEY");
    }

    @Test
    void the_admin_imports_a_month_of_history_from_the_open_data_and_sees_it_done() {
        loginAsAdmin();
        UI.getCurrent().navigate("admin");
        AdminView view = _get(AdminView.class);
        String month = java.time.YearMonth.now(java.time.ZoneId.of("America/Santiago")).minusMonths(3).toString();
        view.history.dataset.setValue(cl.andesops.opendata.Dataset.OC);
        view.history.from.setValue(month);
        view.history.to.setValue(month);
        view.history.start.click();
        // in demo mode the simulator serves the month as ChileCompra publishes it
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> {
            view.history.refresh();
            return GridKt._fetch(view.history.months, 0, 100).stream()
                    .anyMatch(m -> m.month().equals(month) && m.state().equals("DONE"));
        });
        cl.andesops.opendata.ImportService.Month done = GridKt._fetch(view.history.months, 0, 100).stream()
                .filter(m -> m.month().equals(month)).findFirst().orElseThrow();
        assertThat(done.records()).isPositive();
        assertThat(done.rejected()).isZero();

        int listed = GridKt._fetch(view.history.months, 0, 100).size(); // months of earlier runs on this data too
        view.history.from.setValue("marzo");
        view.history.start.click();
        assertThat(GridKt._fetch(view.history.months, 0, 100)).as("an unreadable month queues nothing")
                .hasSize(listed);
    }

    @org.springframework.beans.factory.annotation.Autowired cl.andesops.rules.Rules ruleBook;

    @Test
    void the_admin_sees_the_rules_in_force_with_their_source_and_enters_a_months_utm_by_hand() {
        loginAsAdmin();
        UI.getCurrent().navigate("admin");
        AdminView view = _get(AdminView.class);
        List<cl.andesops.rules.RuleBook.Rule> inForce = GridKt._fetch(view.rules.inForce, 0, 100);
        assertThat(inForce).extracting(cl.andesops.rules.RuleBook.Rule::id)
                .as("today's bands: LP to 5,000 UTM, no LQ; the Compra Ágil ceiling of 100 UTM")
                .contains("band.L1", "band.LP.5000", "compra-agil.ceiling.100", "publication.LE")
                .doesNotContain("band.LQ", "band.LP.2000", "compra-agil.ceiling.30");
        assertThat(inForce).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(view.rules.status.getText()).contains("desactivada");
        try {
            view.rules.month.setValue("2031-01");
            view.rules.pesos.setValue("80.123");
            view.rules.save.click();
            assertThat(ruleBook.table().utm(java.time.LocalDate.of(2031, 1, 20)).pesos()).isEqualTo(80_123);
            assertThat(GridKt._fetch(view.rules.utm, 0, 1)).singleElement().satisfies(v -> {
                assertThat(v.month()).hasToString("2031-01");
                assertThat(v.source()).isEqualTo(cl.andesops.rules.UtmValue.Source.MANUAL);
            });
            view.rules.pesos.setValue("801230000");
            view.rules.save.click();
            assertThat(ruleBook.table().utm(java.time.LocalDate.of(2031, 1, 20)).pesos()).as("refused")
                    .isEqualTo(80_123);
        } finally {
            ruleBook.removeUtm(java.time.YearMonth.of(2031, 1));
        }
    }

    @Test
    void a_jobs_day_and_window_read_as_chile_writes_dates() {
        assertThat(AdminView.jobParam("2026-11-30")).isEqualTo("30-11-2026");
        assertThat(AdminView.jobParam("2026-12-01T05:46:58Z/2026-12-01T05:47:58Z")).isEqualTo("01-12-2026 02:46 – 02:47");
        assertThat(AdminView.jobParam("no-es-una-fecha")).isEqualTo("no-es-una-fecha");
        assertThat(AdminView.jobParam(null)).isEmpty();
    }
}
