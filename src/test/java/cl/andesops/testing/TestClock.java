package cl.andesops.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import cl.andesops.shared.format.Formats;

/**
 * The app's clock in tests that run it whole: noon in Chile on a fixed day, ticking with real time from the moment
 * the suite starts, so the simulator keeps producing orders while a test that runs for minutes never crosses
 * midnight in Chile (a test computing "today" agrees with the app whatever the hour of the run).
 */
public final class TestClock {

    public static final Instant START = LocalDateTime.of(2026, 6, 10, 12, 0).atZone(Formats.CHILE).toInstant();
    public static final Clock CLOCK = Clock.offset(Clock.system(Formats.CHILE), Duration.between(Instant.now(), START));

    private TestClock() {
    }

    /** Today in Chile, as the app sees it. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }
}
