package cl.andesops.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import cl.andesops.shared.events.DataChanged;

/**
 * The whole app on a random port in demo mode, with a small simulated market (60 orders a day, two days of
 * history) that it syncs at a 2 ms spacing, on {@link TestClock}. Tests that extend this share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "andesops.storage.data-dir=target/test-data/synced-app",
        "andesops.simulator.orders-per-day=60", "andesops.simulator.tenders-per-day=8",
        "andesops.simulator.compra-agil-per-day=6", "andesops.simulator.min-spacing=2ms",
        "andesops.sync.history-days=2", "andesops.sync.compra-agil-history-days=1",
        "ADMIN_PASSWORD=test-admin-password", "andesops.sync.enabled=true",
        "andesops.sync.failure-backoff=100ms"})
@org.springframework.context.annotation.Import(SyncedAppTest.Config.class)
public abstract class SyncedAppTest {

    static {
        // a fresh database for every run of the suite
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/synced-app"));
    }

    /** The language-model providers answer from a stub on loopback, tried Gemini, Groq, Featherless. */
    @org.springframework.test.context.DynamicPropertySource
    static void languageModels(org.springframework.test.context.DynamicPropertyRegistry registry) {
        AiStub stub = AiStub.shared();
        for (String p : List.of("gemini", "groq", "featherless")) {
            registry.add("andesops.ai." + p + ".api-key", () -> "test-" + p + "-key-0042");
            registry.add("andesops.ai." + p + ".base-url", () -> stub.base(p));
        }
        registry.add("andesops.ai.first-token-timeout", () -> "3s");
        // the alerts' mail goes to a real SMTP server in this JVM
        MailStub mail = MailStub.shared();
        registry.add("andesops.mail.host", () -> "127.0.0.1");
        registry.add("andesops.mail.port", () -> Integer.toString(mail.port));
        registry.add("andesops.mail.from", () -> "alertas@andesops.test");
    }

    @TestConfiguration
    public static class Config {
        @Bean
        public Events testEvents() {
            return new Events();
        }

        /** The app runs on {@link TestClock}: noon in Chile on a fixed day, ticking. */
        @Bean
        @org.springframework.context.annotation.Primary
        public java.time.Clock testClock() {
            return TestClock.CLOCK;
        }
    }

    /** Every DataChanged the app published. */
    public static class Events {
        public final List<DataChanged> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DataChanged e) {
            seen.add(e);
        }
    }
}
