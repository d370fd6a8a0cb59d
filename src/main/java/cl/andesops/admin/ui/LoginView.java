package cl.andesops.admin.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.shared.ui.MainLayout;

/** The admin's login: a form posted to Spring Security; everything else in the app needs none. */
@Route(value = "login", layout = MainLayout.class)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    final LoginForm login = new LoginForm();

    private final cl.andesops.admin.LoginThrottle throttle;
    private final LoginI18n i18n;

    public LoginView(cl.andesops.admin.LoginThrottle throttle) {
        this.throttle = throttle;
        setId("login-view");
        addClassName("view");
        setAlignItems(Alignment.CENTER);
        i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.user"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword("");
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");
        add(login, new Paragraph(getTranslation("login.hint")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // refused without a look at the password: say so, and for how long, not "incorrect password" again
        var wait = failed && com.vaadin.flow.server.VaadinRequest.getCurrent() != null
                ? throttle.lockedFor(com.vaadin.flow.server.VaadinRequest.getCurrent().getRemoteAddr())
                : java.util.Optional.<java.time.Duration>empty();
        if (wait.isPresent()) {
            long minutes = cl.andesops.admin.LoginThrottle.minutes(wait.get());
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", minutes));
        } else {
            i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        }
        login.setI18n(i18n);
        login.setError(failed);
    }

    /** The browser tab's title, in the page's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("title.login") + " · AndesOps";
    }
}
