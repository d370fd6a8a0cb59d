package cl.andesops.testing;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Base of the browserless view tests: the real Spring context, Vaadin mocked on the server. */
@SpringBootTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        setUp(context);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /** Vaadin mocked on the server over a real Spring context (also for tests that extend another base). */
    public static void setUp(ApplicationContext context) {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("cl.andesops");
        }
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }
}
