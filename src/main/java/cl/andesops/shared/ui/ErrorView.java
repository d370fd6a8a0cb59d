package cl.andesops.shared.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.UUID;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user sees when a screen fails to open: a short message and an id to quote, never a stack trace. The
 * exception goes to the log under the same id.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error opening {} [{}]", event.getLocation().getPath(), id, parameter.getException());
        removeAll();
        setId("error-view");
        addClassName("error-view");
        add(new H1(getTranslation("error.title")), new Paragraph(getTranslation("error.body", id)),
                new Anchor("/", getTranslation("error.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
