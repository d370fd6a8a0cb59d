package cl.andesops.shared.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;

import cl.andesops.shared.I18n;
import cl.andesops.testing.KaribuTest;

class ShellTest extends KaribuTest {

    @Test
    void opens_in_spanish_with_the_screens_in_the_side_navigation() {
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(I18n.SPANISH);
        assertThat(labels(layout.nav)).contains("Monitor de mercado");
        assertThat(_get(H1.class, spec -> spec.withText("Monitor de mercado"))).isNotNull();
        assertThat(_get(Span.class, spec -> spec.withId("badge-mode")).getText()).isEqualTo("Modo demo");
    }

    @Test
    void switching_to_english_relabels_the_shell_and_the_view() {
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);
        layout.language.setValue(I18n.ENGLISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(I18n.ENGLISH);
        assertThat(labels(layout.nav)).contains("Market monitor").doesNotContain("Monitor de mercado");
        assertThat(_get(H1.class, spec -> spec.withText("Market monitor"))).isNotNull();
        assertThat(_get(Span.class, spec -> spec.withId("badge-mode")).getText()).isEqualTo("Demo mode");
        // every word at once, with no reload: the charts' table toggles, the folded filters and the tab's title
        assertThat(toggles(UI.getCurrent())).isNotEmpty().allMatch(b -> b.getText().equals("View as table"));
        assertThat(_get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("more-filters")).getSummaryText()).startsWith("More filters");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Market monitor · AndesOps");

        layout.language.setValue(I18n.SPANISH);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Monitor de mercado · AndesOps");
        assertThat(labels(layout.nav)).contains("Monitor de mercado");
    }

    /** The charts' table toggles, shown or not (with no order in this app the charts are folded away). */
    private static List<com.vaadin.flow.component.button.Button> toggles(com.vaadin.flow.component.Component root) {
        List<com.vaadin.flow.component.button.Button> found = new java.util.ArrayList<>();
        root.getChildren().forEach(c -> {
            if (c instanceof com.vaadin.flow.component.button.Button b && b.hasClassName("chart-toggle")) {
                found.add(b);
            }
            found.addAll(toggles(c));
        });
        return found;
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void a_closed_tab_is_no_error_and_a_real_failure_still_is(org.springframework.boot.test.system.CapturedOutput out) {
        var handler = com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler();
        handler.error(new com.vaadin.flow.server.ErrorEvent(new org.apache.catalina.connector.ClientAbortException(
                new java.io.IOException("Broken pipe"))));
        assertThat(out.getOut()).doesNotContain("Unhandled UI error");
        handler.error(new com.vaadin.flow.server.ErrorEvent(new IllegalStateException("a real failure")));
        assertThat(out.getOut()).contains("Unhandled UI error");
    }

    @Test
    void a_first_visit_speaks_the_browsers_language_when_it_is_english_and_spanish_otherwise() {
        assertThat(LocalePreference.browsers("en-US,en;q=0.9,es;q=0.8")).isEqualTo(I18n.ENGLISH);
        assertThat(LocalePreference.browsers("es-CL,es;q=0.9,en;q=0.8")).isEqualTo(I18n.SPANISH);
        assertThat(LocalePreference.browsers("de-DE,de;q=0.9,en;q=0.5")).isEqualTo(I18n.ENGLISH);
        assertThat(LocalePreference.browsers("fr-FR")).isEqualTo(I18n.SPANISH);
        assertThat(LocalePreference.browsers(null)).isEqualTo(I18n.SPANISH);
        assertThat(LocalePreference.browsers(";;;q=x")).isEqualTo(I18n.SPANISH);
    }

    @Test
    void every_key_exists_in_both_languages() throws Exception {
        var es = new java.util.Properties();
        var en = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/i18n/messages.properties");
             var b = getClass().getResourceAsStream("/i18n/messages_en.properties")) {
            es.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(es.keySet());
    }

    /** An indicator the test moves by hand: its badge and the lines of its popover. */
    static final class Moving implements cl.andesops.shared.StatusIndicator {
        Status badge;
        List<Status> details = List.of();

        @Override
        public java.util.Optional<Status> current() {
            return java.util.Optional.ofNullable(badge);
        }

        @Override
        public List<Status> details() {
            return details;
        }
    }

    @Test
    void a_badge_changes_in_place_and_its_popover_lists_its_jobs_while_there_are_any() {
        Moving sync = new Moving();
        sync.badge = new cl.andesops.shared.StatusIndicator.Status("t-sync", "status.sync", "status.sync.tooltip", "",
                40, 5, 200, "3");
        sync.details = List.of(new cl.andesops.shared.StatusIndicator.Status("job-1", "status.sync.job", null,
                "success", new cl.andesops.shared.StatusIndicator.Key("sync.kind.DAY_ORDERS"), " 30-11-2026", 10, 10,
                new cl.andesops.shared.StatusIndicator.Key("sync.state.DONE")));
        MainLayout layout = new MainLayout(List.of(sync), context.getBean(cl.andesops.shared.events.LiveUpdates.class),
                context.getBean(com.vaadin.flow.spring.security.AuthenticationContext.class),
                context.getBeanProvider(Watching.class));
        UI.getCurrent().add(layout);
        Span badge = _get(layout, Span.class, spec -> spec.withId("badge-t-sync"));
        assertThat(badge.getElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(badge.getElement().getAttribute("role")).as("aria-haspopup is allowed on a button, not on a span")
                .isEqualTo("button");
        var popover = _get(layout, com.vaadin.flow.component.popover.Popover.class,
                spec -> spec.withId("popover-t-sync"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(popover,
                com.vaadin.flow.component.html.ListItem.class)).singleElement()
                .extracting(com.vaadin.flow.component.html.ListItem::getText).asString()
                .contains("30-11-2026").doesNotContain("sync.kind").doesNotContain("sync.state");

        // the run goes on: the same badge with new words (an open popover stays open), then the run is over
        sync.badge = new cl.andesops.shared.StatusIndicator.Status("t-sync", "status.sync", null, "", 80, 10, 200, "1");
        layout.localeChange(null);
        assertThat(_get(layout, Span.class, spec -> spec.withId("badge-t-sync"))).isSameAs(badge);
        assertThat(badge.getElement().hasAttribute("title")).as("no tooltip now: the old one is gone").isFalse();
        sync.details = List.of();
        layout.localeChange(null);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(layout,
                com.vaadin.flow.component.popover.Popover.class)).as("no jobs left to list").isEmpty();
        assertThat(badge.getElement().hasAttribute("tabindex")).isFalse();
        assertThat(badge.getElement().hasAttribute("role")).isFalse();
        sync.badge = null;
        layout.localeChange(null);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(layout, Span.class,
                spec -> spec.withId("badge-t-sync"))).isEmpty();
    }

    private static List<String> labels(SideNav nav) {
        return nav.getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
