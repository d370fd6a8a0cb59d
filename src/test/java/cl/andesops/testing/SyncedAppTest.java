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
 * history) that it syncs at a 2 ms spacing. Tests that extend this share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "andesops.storage.data-dir=target/test-data/synced-app",
        "andesops.simulator.orders-per-day=60", "andesops.simulator.tenders-per-day=8",
        "andesops.simulator.compra-agil-per-day=6", "andesops.simulator.min-spacing=2ms",
        "andesops.sync.history-days=2", "andesops.sync.compra-agil-history-days=1",
        "ADMIN_PASSWORD=test-admin-password", "andesops.sync.enabled=true"})
@org.springframework.context.annotation.Import(SyncedAppTest.Config.class)
public abstract class SyncedAppTest {

    static {
        // a fresh database for every run of the suite
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/synced-app"));
    }

    @TestConfiguration
    public static class Config {
        @Bean
        public Events testEvents() {
            return new Events();
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
