package cl.andesops.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryIndicatorTest {

    @Test
    void the_badge_says_from_which_month_the_history_is_complete_or_that_none_is_published_yet() {
        assertThat(HistoryIndicator.status(new ImportService.Coverage("2025-12", true, null, 100, false)))
                .satisfies(s -> {
                    assertThat(s.messageKey()).isEqualTo("status.history.complete");
                    assertThat(s.args()).containsExactly("12-2025");
                });
        assertThat(HistoryIndicator.status(new ImportService.Coverage("2026-03", false, "2026-02", 40, false)))
                .satisfies(s -> {
                    assertThat(s.messageKey()).isEqualTo("status.history.importing");
                    assertThat(s.args()).containsExactly("02-2026", 40);
                });
        // a first import on the bulk path says that the screens take the history in when it ends
        assertThat(HistoryIndicator.status(new ImportService.Coverage(null, false, "2026-02", 40, true)))
                .satisfies(s -> {
                    assertThat(s.messageKey()).isEqualTo("status.history.bulk");
                    assertThat(s.tooltipKey()).isEqualTo("status.history.bulk.tooltip");
                    assertThat(s.args()).containsExactly("02-2026", 40);
                });
        // the current month on its first day is not published yet: no "desde —, completa"
        assertThat(HistoryIndicator.status(new ImportService.Coverage(null, true, null, 100, false)).messageKey())
                .isEqualTo("status.history.none");
    }

    @Test
    void the_first_start_queues_up_to_the_newest_month_the_files_can_hold() {
        assertThat(ImportService.newestPublished(java.time.LocalDate.of(2026, 12, 1)))
                .as("on the first of a month the files end yesterday, in the month that ended")
                .isEqualTo(java.time.YearMonth.of(2026, 11));
        assertThat(ImportService.newestPublished(java.time.LocalDate.of(2026, 12, 2)))
                .isEqualTo(java.time.YearMonth.of(2026, 12));
    }
}
