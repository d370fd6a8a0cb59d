package cl.andesops.shared.ui;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sets each new UI's language, and replaces Vaadin's error handler so that an exception thrown in an event
 * listener is logged with an id and shown as a plain message, never as a stack trace.
 */
@Component
class ShellServiceInit implements VaadinServiceInitListener,
        org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShellServiceInit.class);
    /** Set as the app begins to stop: a push still under way may then find the database closed, which is no error. */
    private volatile boolean stopping;

    @Override
    public void onApplicationEvent(org.springframework.context.event.ContextClosedEvent event) {
        stopping = true;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // a screen's numbers are written as its language writes them
        cl.andesops.shared.format.Formats.numbersFollow(() -> {
            UI ui = UI.getCurrent();
            return ui == null ? null : ui.getLocale();
        });
        event.getSource().addSessionInitListener(sessionInit -> sessionInit.getSession().setErrorHandler(error -> {
            if (stopping) {
                log.debug("A screen's update failed while the app stops", error.getThrowable());
                return;
            }
            if (TableExport.readerLeft(error.getThrowable())) {
                // a closed tab or a cut connection: nobody is there to show anything to, and nothing went wrong
                log.debug("A page's answer found its reader gone: {}", error.getThrowable().toString());
                return;
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unhandled UI error [{}]", id, error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    Notification n = Notification.show(ui.getTranslation("error.unexpected", id), 6000,
                            Notification.Position.BOTTOM_START);
                    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        }));
        event.getSource().addUIInitListener(uiInit -> {
            UI ui = uiInit.getUI();
            var locale = LocalePreference.fromRequest(VaadinRequest.getCurrent());
            ui.setLocale(locale);
            if (ui.getSession() != null) {
                ui.getSession().setLocale(locale);
            }
            // the page says its language from the first visit (screen readers, the charts' number format), not
            // only once a language is picked
            ui.getPage().executeJs("document.documentElement.lang = $0;", locale.getLanguage());
        });
    }
}
