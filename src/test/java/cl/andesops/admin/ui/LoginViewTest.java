package cl.andesops.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.server.VaadinRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import cl.andesops.testing.KaribuTest;

/** A login refused by the throttle says so and for how long, not "incorrect password" once more. */
class LoginViewTest extends KaribuTest {

    @Autowired ApplicationEventPublisher events;

    private UsernamePasswordAuthenticationToken attempt(String address) {
        UsernamePasswordAuthenticationToken t = new UsernamePasswordAuthenticationToken("admin", "x");
        t.setDetails(new WebAuthenticationDetails(address, null));
        return t;
    }

    private LoginI18n.ErrorMessage error() throws Exception {
        LoginView view = com.github.mvysny.kaributesting.v10.LocatorJ._get(LoginView.class);
        java.lang.reflect.Field f = LoginView.class.getDeclaredField("i18n");
        f.setAccessible(true);
        assertThat(view.login.isError()).isTrue();
        return ((LoginI18n) f.get(view)).getErrorMessage();
    }

    @Test
    void a_locked_address_is_told_how_many_minutes_to_wait() throws Exception {
        String address = VaadinRequest.getCurrent().getRemoteAddr();
        try {
            UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.fromString("error"));
            assertThat(error().getTitle()).isEqualTo("Usuario o contraseña incorrectos");

            for (int i = 0; i < 5; i++) {
                events.publishEvent(new AuthenticationFailureBadCredentialsEvent(attempt(address),
                        new BadCredentialsException("no")));
            }
            UI.getCurrent().navigate("");
            UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.fromString("error"));
            assertThat(error().getTitle()).isEqualTo("Ingreso bloqueado por unos minutos");
            assertThat(error().getMessage()).contains("Espere 5 minutos");
        } finally {
            events.publishEvent(new AuthenticationSuccessEvent(attempt(address)));
        }
    }
}
