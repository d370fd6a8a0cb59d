package cl.andesops.opendata;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.shared.StatusIndicator;

/** The header badge that says what history the data holds: complete from a month, or still coming in. */
@Component
class HistoryIndicator implements StatusIndicator {

    private final ImportService imports;

    HistoryIndicator(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public Optional<Status> current() {
        return imports.coverage().map(HistoryIndicator::status);
    }

    static Status status(ImportService.Coverage c) {
        if (c.complete() && c.from() == null) {
            // every month asked for is unpublished or failed (the current month on its first day, say)
            return new Status("history", "status.history.none", "status.history.tooltip", "contrast");
        }
        return c.complete()
                ? new Status("history", "status.history.complete", "status.history.tooltip", "contrast",
                month(c.from()))
                : c.bulk()
                ? new Status("history", "status.history.bulk", "status.history.bulk.tooltip", "",
                c.importing() == null ? "…" : month(c.importing()), c.percent())
                : new Status("history", "status.history.importing", "status.history.tooltip", "",
                c.importing() == null ? "…" : month(c.importing()), c.percent());
    }

    /** 2025-12 → 12-2025, as months read in Chile. */
    private static String month(String yearMonth) {
        return yearMonth.substring(5) + "-" + yearMonth.substring(0, 4);
    }
}
