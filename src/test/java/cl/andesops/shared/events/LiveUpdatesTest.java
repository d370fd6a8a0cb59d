package cl.andesops.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A screen that fails to take an update (a closed tab) neither fails the commit nor keeps the others from theirs. */
class LiveUpdatesTest {

    @Test
    void a_failing_screen_is_passed_over_and_the_others_still_hear_the_change() {
        LiveUpdates live = new LiveUpdates();
        List<DataChanged> heard = new ArrayList<>();
        live.onData(e -> {
            throw new IllegalStateException("the tab is gone");
        });
        live.onData(heard::add);
        DataChanged change = new DataChanged(DataChanged.Dataset.ORDERS, 1, List.of("1-1-SE26"), List.of());
        assertThatCode(() -> live.on(change)).doesNotThrowAnyException();
        assertThat(heard).containsExactly(change);
        List<SyncProgress> progress = new ArrayList<>();
        live.onProgress(p -> {
            throw new IllegalStateException("the tab is gone");
        });
        live.onProgress(progress::add);
        assertThatCode(() -> live.on((SyncProgress) null)).doesNotThrowAnyException();
        assertThat(progress).hasSize(1);
    }
}
