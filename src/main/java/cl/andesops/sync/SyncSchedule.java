package cl.andesops.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.shared.format.Formats;

/**
 * When the sync asks for what: the jobs queued at a start, then the polls (today's orders, open tenders, Compra
 * Ágil changes since the last window) and, when the Chile day turns, yesterday's late orders under their own date.
 * Run by the worker thread only.
 */
final class SyncSchedule {

    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SyncProperties properties;
    private final boolean simulated;
    private Instant nextTodayPoll = Instant.EPOCH;
    private Instant nextTenderPoll = Instant.EPOCH;
    private Instant nextCompraAgilPoll = Instant.EPOCH;
    private LocalDate lastPollDay;

    SyncSchedule(JobQueue jobs, TransactionTemplate tx, Clock clock, SyncProperties properties, boolean simulated) {
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.simulated = simulated;
    }

    /** The jobs of a start: today, open tenders, and the history days never synced; old finished jobs go. */
    void bootstrap() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.CHILE);
        tx.executeWithoutResult(s -> {
            jobs.enqueue(JobKind.TODAY_ORDERS, null, 100, now);
            // yesterday's orders, then what a supplier needs now (open tenders, Compra Ágil), then older history
            jobs.enqueue(JobKind.ACTIVE_TENDERS, null, 93, now);
            for (int i = 1; i <= properties.historyDays(); i++) {
                String day = today.minusDays(i).toString();
                if (!jobs.everDone(JobKind.DAY_ORDERS, day)) {
                    jobs.enqueue(JobKind.DAY_ORDERS, day, i == 1 ? 94 : 90 - Math.min(i, 30), now);
                }
                if (!jobs.everDone(JobKind.DAY_TENDERS, day)) {
                    jobs.enqueue(JobKind.DAY_TENDERS, day, 60 - Math.min(i, 30), now);
                }
            }
            jobs.prune(now.minus(Duration.ofDays(7)));
        });
        nextTodayPoll = now.plus(properties.pollInterval(simulated));
        nextTenderPoll = now.plus(properties.tendersInterval());
        nextCompraAgilPoll = now;
        lastPollDay = today;
    }

    /** Queues what is due: today's orders, open tenders and today's tenders, Compra Ágil changes. */
    void poll() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.CHILE);
        if (!now.isBefore(nextTodayPoll)) {
            tx.executeWithoutResult(s -> {
                jobs.enqueue(JobKind.TODAY_ORDERS, null, 100, now);
                if (lastPollDay != null && !lastPollDay.equals(today)) {
                    // the day turned: collect yesterday's late orders under its own date
                    jobs.enqueue(JobKind.DAY_ORDERS, lastPollDay.toString(), 98, now);
                    jobs.enqueue(JobKind.DAY_TENDERS, lastPollDay.toString(), 70, now);
                }
            });
            lastPollDay = today;
            nextTodayPoll = now.plus(properties.pollInterval(simulated));
        }
        if (!now.isBefore(nextTenderPoll)) {
            tx.executeWithoutResult(s -> {
                jobs.enqueue(JobKind.ACTIVE_TENDERS, null, 80, now);
                jobs.enqueue(JobKind.DAY_TENDERS, today.toString(), 79, now);
            });
            nextTenderPoll = now.plus(properties.tendersInterval());
        }
        if (!now.isBefore(nextCompraAgilPoll)) {
            String from = jobs.cursor("compra-agil:until")
                    .orElse(now.minus(Duration.ofDays(properties.compraAgilHistoryDays())).toString());
            String window = from + "/" + now.truncatedTo(ChronoUnit.SECONDS);
            tx.executeWithoutResult(s -> {
                jobs.enqueue(JobKind.COMPRA_AGIL, window, 92, now);
                jobs.cursor("compra-agil:until", now.truncatedTo(ChronoUnit.SECONDS).toString());
            });
            nextCompraAgilPoll = now.plus(properties.compraAgilInterval(simulated));
        }
    }
}
