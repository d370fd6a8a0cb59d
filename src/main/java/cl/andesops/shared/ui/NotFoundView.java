package cl.andesops.shared.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/** A page that does not exist, or a record code we do not have: said plainly, with the way back. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>,
        com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found-view");
        addClassName("error-view");
        add(new H1(getTranslation("notfound.title")));
        if (parameter.getException() instanceof Missing missing) {
            Paragraph why = new Paragraph(missing.getMessage());
            why.setId("not-found-why");
            add(why);
            if (missing.searchFor() != null && !missing.searchFor().isBlank()) {
                Anchor search = new Anchor("parties?q=" + java.net.URLEncoder.encode(missing.searchFor().strip(),
                        java.nio.charset.StandardCharsets.UTF_8), getTranslation("notfound.search",
                        missing.searchFor().strip()));
                search.setId("not-found-search");
                add(search);
            }
        } else {
            add(new Paragraph(getTranslation("notfound.body", event.getLocation().getPath())));
        }
        add(new Anchor("/", getTranslation("error.home")));
        return parameter.getException() instanceof Missing m && m.malformed() ? HttpServletResponse.SC_BAD_REQUEST
                : HttpServletResponse.SC_NOT_FOUND;
    }

    /** The browser tab says so too. */
    @Override
    public String getPageTitle() {
        return getTranslation("notfound.title") + " · AndesOps";
    }
}
