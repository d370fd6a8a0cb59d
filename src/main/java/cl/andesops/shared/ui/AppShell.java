package cl.andesops.shared.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every screen lives in: Lumo (Vaadin 25 applies no theme by itself), our stylesheet, server push over
 * a websocket with long polling as the fallback, and the remembered light/dark choice applied before the first
 * paint so a dark user never sees a white flash.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("andesops.css")
// components every screen may open though no route names them (the alerts' save dialog, reached through an
// interface the production bundle's scan cannot follow): in the first chunk, not a route's
@com.vaadin.flow.component.dependency.Uses(com.vaadin.flow.component.textfield.EmailField.class)
@com.vaadin.flow.component.dependency.Uses(com.vaadin.flow.component.dialog.Dialog.class)
@Meta(name = "description", content = "AndesOps: inteligencia de compras públicas de Chile (Mercado Público)")
class AppShell implements AppShellConfigurator {

    static final String THEME_KEY = "andesops-theme";
    /** Whether the page is dark, in JavaScript, with {@code t} the remembered choice ('dark', 'light' or none). */
    static final String DARK_TEST = "t==='dark'||(t!=='light'&&window.matchMedia"
            + "&&window.matchMedia('(prefers-color-scheme: dark)').matches)";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("AndesOps");
        settings.addFavIcon("icon", "icons/andesops.svg", "any");
        settings.addInlineWithContents(Inline.Position.PREPEND,
                // the system's setting unless the toggle chose (and remembered) one
                "try{var t=localStorage.getItem('" + THEME_KEY + "');if(" + DARK_TEST + ")"
                        + "document.documentElement.setAttribute('theme','dark');}catch(e){}",
                Inline.Wrapping.JAVASCRIPT);
    }
}
