package cl.andesops.mercadopublico;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.shared.config.Secret;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.persistence.Writer;

/**
 * Requests spent per ticket and Chile calendar day, persisted so a restart does not forget them. The quota resets
 * when the day changes in Chile, not 24 h after the first request. Tickets are stored only as a hash.
 */
@Component
public class RequestLedger {

    private final JdbcClient jdbc;
    private final JdbcTemplate writer;
    private final Clock clock;
    private final int dailyQuota;
    private final int reserve;

    RequestLedger(JdbcClient jdbc, @Qualifier(Writer.NAME) JdbcTemplate writer, Clock clock,
                  MercadoPublicoProperties properties) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
        this.dailyQuota = properties.dailyQuota();
        this.reserve = Math.min(properties.interactiveReserve(), properties.dailyQuota());
    }

    /** Today's usage for a ticket. */
    public Usage usage(Secret ticket) {
        String day = today().toString();
        return jdbc.sql("SELECT background, interactive FROM api_request_ledger WHERE ticket_hash = :t AND day = :d")
                .param("t", hash(ticket)).param("d", day)
                .query((rs, n) -> new Usage(day, rs.getInt(1), rs.getInt(2), dailyQuota, reserve))
                .optional().orElse(new Usage(day, 0, 0, dailyQuota, reserve));
    }

    /**
     * Refuses when the quota (minus the reserve, for background work) is spent; otherwise counts the request. The
     * check and the count are one statement, so nodes spending the same ticket on one database never pass the quota
     * together: the row is locked while the limit is checked against its latest counts.
     */
    void spend(Secret ticket, Purpose purpose) {
        String day = today().toString();
        int limit = purpose == Purpose.BACKGROUND ? dailyQuota - reserve : dailyQuota;
        String column = purpose == Purpose.BACKGROUND ? "background" : "interactive";
        int counted = limit <= 0 ? 0 : writer.update("INSERT INTO api_request_ledger (ticket_hash, day, " + column
                + ") VALUES (?, ?, 1) ON CONFLICT (ticket_hash, day) DO UPDATE SET " + column + " = api_request_ledger."
                + column + " + 1 WHERE api_request_ledger.background + api_request_ledger.interactive < ?",
                hash(ticket), day, limit);
        if (counted == 1) {
            return;
        }
        Usage u = usage(ticket);
        if (purpose == Purpose.BACKGROUND && u.total() < dailyQuota) {
            throw new MercadoPublicoException(MercadoPublicoException.Kind.QUOTA_RESERVED, 0,
                    "La sincronización usó su parte de la cuota diaria; quedan " + (dailyQuota - u.total())
                            + " solicitudes reservadas para acciones manuales");
        }
        throw new MercadoPublicoException(MercadoPublicoException.Kind.QUOTA_RESERVED, 0,
                "Se agotó la cuota diaria de " + dailyQuota + " solicitudes de hoy");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.CHILE));
    }

    static String hash(Secret ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests spent today (Chile), split by purpose, against the quota. */
    public record Usage(String day, int background, int interactive, int quota, int reserve) {
        public int total() {
            return background + interactive;
        }

        public int left() {
            return Math.max(0, quota - total());
        }
    }
}
