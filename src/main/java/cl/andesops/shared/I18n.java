package cl.andesops.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cl.andesops.shared.format.Formats;

/**
 * Every visible string comes from {@code i18n/messages*.properties}: Spanish (Chile) first, English second. A
 * missing key shows as {@code !key!} so it is seen in a screenshot, and is logged once.
 */
@Component
public class I18n implements I18NProvider {

    public static final Locale SPANISH = Formats.ES_CL;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "i18n/messages";
    private static final Logger log = LoggerFactory.getLogger(I18n.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(SPANISH, ENGLISH);
    }

    /** Spanish unless the locale asks for English. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : SPANISH;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return text(locale, key, params);
    }

    /** The same, where no provider is at hand (a PDF, an API answer): Spanish unless {@code locale} is English. */
    public static String text(Locale locale, String key, Object... params) {
        Locale target = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, target, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, target).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, target);
            return "!" + key + "!";
        }
    }
}
