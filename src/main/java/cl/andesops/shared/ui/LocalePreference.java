package cl.andesops.shared.ui;

import java.util.Arrays;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;

import cl.andesops.shared.I18n;

/**
 * The chosen language: the one the user picked, which a cookie remembers across visits; on a first visit the
 * browser's (the first of its languages that is Spanish or English); Spanish (Chile) when it prefers neither.
 */
final class LocalePreference {

    static final String COOKIE = "andesops-lang";

    private LocalePreference() {
    }

    static Locale fromRequest(VaadinRequest request) {
        if (request == null) {
            return I18n.SPANISH;
        }
        Cookie[] cookies = request.getCookies();
        return Arrays.stream(cookies == null ? new Cookie[0] : cookies).filter(c -> COOKIE.equals(c.getName()))
                .findFirst().map(c -> I18n.supported(Locale.forLanguageTag(c.getValue())))
                .orElseGet(() -> browsers(request.getHeader("Accept-Language")));
    }

    /** The first of the browser's languages (in its order of preference) that AndesOps speaks; else Spanish. */
    static Locale browsers(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return I18n.SPANISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("es")) {
                    return I18n.SPANISH;
                }
                if (language.equals("en")) {
                    return I18n.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header: the default
        }
        return I18n.SPANISH;
    }

    /** Switches the open UI (every LocaleChangeObserver relabels itself) and remembers the choice. */
    static void apply(UI ui, Locale locale) {
        Locale target = I18n.supported(locale);
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(target);
        }
        ui.setLocale(target);
        // the browser tab's title too, which Vaadin only sets on navigation
        ui.getInternals().getActiveRouterTargetsChain().stream()
                .filter(c -> c instanceof com.vaadin.flow.router.HasDynamicTitle).findFirst()
                .map(c -> ((com.vaadin.flow.router.HasDynamicTitle) c).getPageTitle())
                .ifPresent(title -> ui.getPage().setTitle(title));
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + ';path=/;max-age=31536000;SameSite=Lax';"
                + "document.documentElement.lang = $1;", COOKIE, target.getLanguage());
    }
}
