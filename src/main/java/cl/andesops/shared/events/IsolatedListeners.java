package cl.andesops.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * The app's events go to their listeners one by one, on the publisher's thread as Spring does; a commit's
 * {@link DataChanged} and the sync's {@link SyncProgress} are published by the sync and the import after their
 * transaction committed, so a listener that fails (a screen, an index, the other nodes' notice) must fail alone: it is
 * logged, the other listeners still hear the event, and the publisher goes on with its next step. Spring's own events
 * keep failing loudly.
 */
@Configuration(proxyBeanMethods = false)
public class IsolatedListeners {

    private static final Logger log = LoggerFactory.getLogger(IsolatedListeners.class);

    @Bean(name = AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
    SimpleApplicationEventMulticaster applicationEventMulticaster(BeanFactory beans) {
        return new Multicaster(beans);
    }

    static final class Multicaster extends SimpleApplicationEventMulticaster {

        Multicaster(BeanFactory beans) {
            super(beans);
        }

        @Override
        protected void invokeListener(ApplicationListener<?> listener, ApplicationEvent event) {
            if (!isolated(event)) {
                super.invokeListener(listener, event);
                return;
            }
            try {
                super.invokeListener(listener, event);
            } catch (RuntimeException e) {
                log.error("A listener of {} failed; the others and the commit's publisher go on", name(event), e);
            }
        }

        private static boolean isolated(ApplicationEvent event) {
            return event instanceof PayloadApplicationEvent<?> p
                    && (p.getPayload() instanceof DataChanged || p.getPayload() instanceof SyncProgress);
        }

        private static String name(ApplicationEvent event) {
            return ((PayloadApplicationEvent<?>) event).getPayload().getClass().getSimpleName();
        }
    }
}
