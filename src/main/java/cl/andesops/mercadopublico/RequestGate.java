package cl.andesops.mercadopublico;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One request in flight per ticket, and request starts at least {@code minSpacing} apart: the burst limit of
 * the real API rejects a third of back-to-back requests and most of those 400 ms apart. The lock is fair, so
 * callers are served in arrival order.
 */
final class RequestGate {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Duration minSpacing;
    private final Clock clock;
    private long lastStartNanos = Long.MIN_VALUE;

    RequestGate(Duration minSpacing, Clock clock) {
        this.minSpacing = minSpacing;
        this.clock = clock;
    }

    /** Runs {@code admit} (the quota check) and then the request, holding the one slot of this ticket. */
    <T> T run(Runnable admit, Supplier<T> request) {
        lock.lock();
        try {
            admit.run();
            waitForSpacing();
            lastStartNanos = System.nanoTime();
            return request.get();
        } finally {
            lock.unlock();
        }
    }

    private void waitForSpacing() {
        if (lastStartNanos == Long.MIN_VALUE) {
            return;
        }
        long waitNanos = lastStartNanos + minSpacing.toNanos() - System.nanoTime();
        if (waitNanos > 0) {
            sleep(Duration.ofNanos(waitNanos));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MercadoPublicoException(MercadoPublicoException.Kind.UNAVAILABLE, 0, "Interrumpido");
        }
    }

    Duration minSpacing() {
        return minSpacing;
    }

    Clock clock() {
        return clock;
    }
}
