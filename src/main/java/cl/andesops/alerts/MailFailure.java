package cl.andesops.alerts;

import java.time.Instant;

/** A mail that failed at least once: its kind, its recipient masked, its attempts, the reason (no address in it). */
public record MailFailure(long id, String kind, String to, int attempts, String error, Instant createdAt,
                          String state) {
}
