package cl.andesops.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

/** The mail integration as the administration page shows it: configured or not, the queue, the failures, a test. */
@Service
public class MailAdmin {

    private final Outbox outbox;
    private final Mailer mailer;
    private final MailProperties properties;
    private final Clock clock;

    MailAdmin(Outbox outbox, Mailer mailer, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /** The server (no credentials), the sender masked, and the outbox's figures. */
    public record Status(boolean configured, String server, String from, long queued, long retrying, long sent24h,
                         long failed, List<MailFailure> failures) {
    }

    public Status status() {
        Outbox.Status s = outbox.status(clock.instant());
        return new Status(properties.configured(), properties.host().isBlank() ? "" : properties.host() + ":"
                + properties.port(), properties.from().isBlank() ? "" : MailAddress.mask(properties.from()), s.queued(),
                s.retrying(), s.sent24h(), s.failed(), s.failures());
    }

    /** Queues a test mail to {@code to} (the sender's own address when blank) and sends it now; false if unusable. */
    public boolean test(String to, Locale locale) {
        String address = to == null || to.isBlank() ? properties.from() : to;
        if (!properties.configured() || MailFlow.valid(address).isEmpty()) {
            return false;
        }
        outbox.queue(null, null, MailFlow.valid(address).get(), "TEST", MailText.test(locale), null, List.of(),
                clock.instant());
        mailer.wake();
        return true;
    }
}
