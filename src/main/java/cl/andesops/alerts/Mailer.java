package cl.andesops.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import cl.andesops.shared.cluster.Cluster;

/**
 * Sends the outbox through Spring's mail support ({@code SMTP_*}), on its own thread, on the leader only: every few
 * seconds and at once when alerts arrive. A failure is kept with its reason (no address in it) and tried again after
 * the outbox's waits. Without {@code SMTP_HOST} and {@code SMTP_FROM} nothing is sent and the mails wait, as the
 * administration page says.
 */
@Component
class Mailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final Pattern ANY_ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private final Outbox outbox;
    private final AlertMail alerts;
    private final MailProperties properties;
    private final Cluster cluster;
    private final Clock clock;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ScheduledExecutorService worker;
    private volatile JavaMailSenderImpl sender;

    Mailer(Outbox outbox, AlertMail alerts, MailProperties properties, Cluster cluster, Clock clock) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.properties = properties;
        this.cluster = cluster;
        this.clock = clock;
    }

    public boolean configured() {
        return properties.configured();
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mail").factory());
        worker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdown(); // a mail being sent finishes: a mail is never half sent and then sent again
            try {
                w.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    @EventListener
    void on(AlertsAdded added) {
        wake();
    }

    /** Runs a pass now (after a search was saved, alerts arrived, or the administrator's test). */
    void wake() {
        ScheduledExecutorService w = worker;
        if (w != null && queued.compareAndSet(false, true)) {
            try {
                w.execute(() -> {
                    queued.set(false);
                    tick();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    private void tick() {
        if (!cluster.leads()) {
            return;
        }
        try {
            alerts.queueDue();
            if (properties.configured()) {
                for (Outbox.Queued m : outbox.due(clock.instant(), 50)) {
                    if (worker == null) {
                        return;
                    }
                    send(m);
                }
            }
        } catch (RuntimeException e) {
            log.error("The mail pass failed: it runs again in {} s", TICK.toSeconds(), e);
        }
    }

    private void send(Outbox.Queued m) {
        try {
            MimeMessage message = sender().createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(message, true, "UTF-8");
            h.setFrom(properties.from());
            h.setTo(m.toAddress());
            h.setSubject(m.subject());
            h.setText(m.text(), m.html());
            if (m.unsubscribe() != null) {
                message.setHeader("List-Unsubscribe", "<" + m.unsubscribe() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            sender().send(message);
            outbox.sent(m.id(), clock.instant());
        } catch (Exception e) {
            String why = scrub(e);
            log.warn("A mail ({}, attempt {}) could not be sent: {}", m.kind(), m.attempts() + 1, why);
            outbox.failed(m, why, clock.instant());
        }
    }

    /** A failure's reason with every address in it masked: what a log or a page may show. */
    static String scrub(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage())
                + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        text = ANY_ADDRESS.matcher(text).replaceAll(r -> MailAddress.mask(r.group()));
        return text.length() > 400 ? text.substring(0, 400) : text;
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl s = sender;
        if (s == null) {
            s = new JavaMailSenderImpl();
            s.setHost(properties.host());
            s.setPort(properties.port());
            s.setDefaultEncoding("UTF-8");
            Properties p = s.getJavaMailProperties();
            p.put("mail.smtp.connectiontimeout", "10000");
            p.put("mail.smtp.timeout", "10000");
            p.put("mail.smtp.writetimeout", "10000");
            p.put("mail.smtp.starttls.enable", "true");
            if (!properties.username().isBlank()) {
                s.setUsername(properties.username());
                s.setPassword(properties.password().reveal());
                p.put("mail.smtp.auth", "true");
            }
            sender = s;
        }
        return s;
    }
}
