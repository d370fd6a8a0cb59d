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

        layout.language.setValue(I18n.SPANISH);
        assertThat(labels(layout.nav)).contains("Monitor de mercado");
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

    private static List<String> labels(SideNav nav) {
        return nav.getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
