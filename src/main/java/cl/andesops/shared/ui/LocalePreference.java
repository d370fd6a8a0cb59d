package cl.andesops.shared.ui;

import java.util.Arrays;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;

import cl.andesops.shared.I18n;

/**
 * The chosen language: Spanish (Chile) unless the user picked English, which a cookie remembers across visits.
 * The browser's language is deliberately not followed: the product is Spanish first.
 */
final class LocalePreference {

    static final String COOKIE = "andesops-lang";

    private LocalePreference() {
    }

    static Locale fromRequest(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return I18n.SPANISH;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> I18n.supported(Locale.forLanguageTag(c.getValue()))).orElse(I18n.SPANISH);
    }

    /** Switches the open UI (every LocaleChangeObserver relabels itself) and remembers the choice. */
    static void apply(UI ui, Locale locale) {
        Locale target = I18n.supported(locale);
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(target);
        }
        ui.setLocale(target);
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + ';path=/;max-age=31536000;SameSite=Lax';"
                + "document.documentElement.lang = $1;", COOKIE, target.getLanguage());
    }
}
