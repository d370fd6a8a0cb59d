package cl.andesops.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Kept figures: read once, served while the data stands still, read again off the request once old and moved. */
class KeptTest {

    final AtomicLong version = new AtomicLong(1);
    final AtomicInteger reads = new AtomicInteger();
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    int size = 3;
    final Kept<String, Integer> kept = new Kept<>(4, Duration.ofMinutes(10), k -> {
        reads.incrementAndGet();
        return size;
    }, v -> v == 0, version::get, clock);

    @Test
    void figures_are_read_once_and_served_until_the_data_has_moved_and_they_are_old() {
        assertThat(kept.get("a").value()).isEqualTo(3);
        assertThat(kept.get("a").value()).isEqualTo(3);
        assertThat(reads).hasValue(1);
        version.set(2);
        size = 5;
        now = now.plus(Duration.ofMinutes(9));
        assertThat(kept.get("a").value()).as("moved but young: served as kept").isEqualTo(3);
        assertThat(reads).hasValue(1);
        now = now.plus(Duration.ofMinutes(1));
        assertThat(kept.get("a").value()).as("old: served while read again off the request").isEqualTo(3);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> kept.get("a").value() == 5);
        assertThat(kept.get("a").version()).isEqualTo(2);
    }

    @Test
    void empty_figures_are_read_again_at_once_when_the_data_has_moved() {
        size = 0;
        assertThat(kept.get("b").value()).isZero();
        assertThat(kept.get("b").value()).as("the data stood still").isZero();
        assertThat(reads).hasValue(1);
        size = 7;
        version.set(2);
        assertThat(kept.get("b").value()).as("a start before the first sync: not kept empty for ten minutes")
                .isEqualTo(7);
    }
}
