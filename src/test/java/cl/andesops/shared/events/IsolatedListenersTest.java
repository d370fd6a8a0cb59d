package cl.andesops.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/** A listener of a commit's event that fails, fails alone: the others hear it and the publisher goes on. */
class IsolatedListenersTest {

    static class Failing {
        @EventListener
        @Order(1)
        void on(DataChanged e) {
            throw new IllegalStateException("a closed tab");
        }

        @EventListener
        void on(String e) {
            throw new IllegalStateException("not a commit");
        }
    }

    static class Hearing {
        final List<DataChanged> heard = new CopyOnWriteArrayList<>();

        @EventListener
        @Order(2)
        void on(DataChanged e) {
            heard.add(e);
        }
    }

    @Test
    void a_failing_listener_of_a_commit_does_not_fail_the_commit_nor_the_listeners_after_it() {
        try (var ctx = new AnnotationConfigApplicationContext(IsolatedListeners.class, Failing.class,
                Hearing.class)) {
            DataChanged change = new DataChanged(DataChanged.Dataset.ORDERS, 3, List.of("1-1-SE26"), List.of());
            ctx.publishEvent(change); // does not throw
            assertThat(ctx.getBean(Hearing.class).heard).containsExactly(change);
            assertThatThrownBy(() -> ctx.publishEvent("anything else"))
                    .as("other events fail loudly, as Spring's own do").hasMessage("not a commit");
        }
    }
}
