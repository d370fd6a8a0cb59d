package cl.andesops.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cl.andesops.mercadopublico.ListedTender;
import cl.andesops.shared.persistence.ListOutcome;
import cl.andesops.testing.SyncedAppTest;
import cl.andesops.testing.TestClock;

/**
 * A listing of open tenders that moves a closing date (a buyer extends the period) marks the tender changed: its
 * closing is stored at once, stamped with a new version (what follows the tender hears of it), and its detail is
 * fetched again; the same listing again changes nothing.
 */
class TenderListingTest extends SyncedAppTest {

    @Autowired TenderWriter writer;
    @Autowired JdbcClient jdbc;

    @Test
    void a_moved_closing_in_a_listing_is_a_change() {
        String code = "9995-" + (System.nanoTime() % 100000) + "-LE26";
        Instant closes = TestClock.CLOCK.instant().plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ListOutcome first = writer.storeList(List.of(new ListedTender(code, "Aseo", 5, closes)), new HashMap<>());
        assertThat(first.added()).containsExactly(code);
        long version = version(code);

        ListOutcome same = writer.storeList(List.of(new ListedTender(code, "Aseo", 5, closes)), new HashMap<>());
        assertThat(same.changed()).isEmpty();
        assertThat(same.toFetch()).containsEntry(code, "MISSING"); // never detailed: fetched, but nothing changed
        assertThat(version(code)).isEqualTo(version);

        Instant moved = closes.plus(Duration.ofDays(4));
        ListOutcome extended = writer.storeList(List.of(new ListedTender(code, "Aseo", 5, moved)), new HashMap<>());
        assertThat(extended.changed()).containsExactly(code);
        assertThat(extended.toFetch()).containsEntry(code, "CHANGED");
        assertThat(jdbc.sql("SELECT closes_at FROM tender WHERE code = :c").param("c", code).query(Long.class)
                .single()).isEqualTo(moved.toEpochMilli());
        assertThat(version(code)).isGreaterThan(version);
    }

    private long version(String code) {
        return jdbc.sql("SELECT version FROM tender WHERE code = :c").param("c", code).query(Long.class).single();
    }
}
