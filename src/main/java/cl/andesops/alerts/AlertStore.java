package cl.andesops.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cl.andesops.alerts.Alert.Event;
import cl.andesops.shared.events.DataChanged.Dataset;
import cl.andesops.shared.persistence.Writer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rows: stored once whatever runs twice (their unique keys), paged newest first, counted unseen, marked
 * seen. The mail passes read and mark the ones to mail.
 */
@Component
class AlertStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COLUMNS = "id, key_id, search_id, follow_id, dataset, code, title, event, args, version, "
            + "created_at, seen_at";

    private final JdbcClient read;
    private final JdbcTemplate writer;

    AlertStore(JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer) {
        this.read = read;
        this.writer = writer;
    }

    /** An alert to store; {@code mail} whether its search or key mails it. */
    record New(String keyId, String searchId, String followId, Dataset dataset, String code, String title,
               Event event, List<String> args, long version, boolean mail) {
    }

    /**
     * Stores the alerts not stored yet (a match found again after a restart is not), in batches; returns how many
     * were new.
     */
    int insert(List<New> alerts, Instant now) {
        int added = 0;
        for (int from = 0; from < alerts.size(); from += 1_000) {
            List<Object[]> rows = new ArrayList<>();
            for (New a : alerts.subList(from, Math.min(alerts.size(), from + 1_000))) {
                rows.add(new Object[]{a.keyId(), a.searchId(), a.followId(), a.dataset().name(), a.code(),
                        a.title() == null ? null : a.title().length() > 300 ? a.title().substring(0, 300) : a.title(),
                        a.event().name(), a.args().isEmpty() ? null : JSON.writeValueAsString(a.args()), a.version(),
                        now.toEpochMilli(), a.mail() ? 0 : 1});
            }
            for (int n : writer.batchUpdate("""
                    INSERT INTO alert (key_id, search_id, follow_id, dataset, code, title, event, args, version,
                                       created_at, mailed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows)) {
                // a driver that cannot count a batch's rows says so (-2): counted as stored, the bells look
                added += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, n);
            }
        }
        return added;
    }

    /** A key's alerts, newest first. */
    List<Alert> page(String keyId, int offset, int limit) {
        return read.sql("SELECT " + COLUMNS + " FROM alert WHERE key_id = :k ORDER BY id DESC LIMIT :l OFFSET :o")
                .param("k", keyId).param("l", limit).param("o", offset).query((rs, n) -> row(rs)).list();
    }

    long count(String keyId) {
        return read.sql("SELECT count(*) FROM alert WHERE key_id = :k").param("k", keyId).query(Long.class).single();
    }

    long unseen(String keyId) {
        return read.sql("SELECT count(*) FROM alert WHERE key_id = :k AND seen_at IS NULL").param("k", keyId)
                .query(Long.class).single();
    }

    void markSeen(String keyId, Instant now) {
        writer.update("UPDATE alert SET seen_at = ? WHERE key_id = ? AND seen_at IS NULL", now.toEpochMilli(), keyId);
    }

    /** A saved search's alerts, newest first (its feed). */
    List<Alert> ofSearch(String searchId, int limit) {
        return read.sql("SELECT " + COLUMNS + " FROM alert WHERE search_id = :s ORDER BY id DESC LIMIT :l")
                .param("s", searchId).param("l", limit).query((rs, n) -> row(rs)).list();
    }

    static Alert row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String args = rs.getString(9);
        long seen = rs.getLong(12);
        boolean unseen = rs.wasNull();
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Dataset.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), Event.valueOf(rs.getString(8)),
                args == null ? List.of() : Arrays.asList(JSON.readValue(args, String[].class)), rs.getLong(10),
                Instant.ofEpochMilli(rs.getLong(11)), unseen ? null : Instant.ofEpochMilli(seen));
    }

    static List<String> args(Object... values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v == null ? "" : v.toString());
        }
        return out;
    }
}
