package cl.andesops.analysis;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.persistence.Writer;

/** The analysis cache: by (kind, subject, facts version, model), and by id for shared links. */
@Repository
class AnalysisStore {

    static final String FACTS_ONLY = "facts";
    private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient read;
    private final JdbcTemplate writer;
    private final TransactionTemplate writerTx;
    private final JsonMapper json;

    AnalysisStore(JdbcClient read, @Qualifier(Writer.NAME) JdbcTemplate writer,
                  @Qualifier(Writer.NAME + "Tx") TransactionTemplate writerTx) {
        this.read = read;
        this.writer = writer;
        this.writerTx = writerTx;
        this.json = JsonMapper.builder().build();
    }

    String version(Facts facts) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(facts));
            return java.util.HexFormat.of().formatHex(digest, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Analysis> find(AnalysisKind kind, String subject, String version, String model) {
        return read.sql("SELECT * FROM analysis WHERE kind = :k AND subject = :s AND data_version = :v AND model = :m")
                .param("k", kind.name()).param("s", subject).param("v", version).param("m", model)
                .query(this::row).optional();
    }

    Optional<Analysis> byId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9]{8,32}")) {
            return Optional.empty();
        }
        return read.sql("SELECT * FROM analysis WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** Stores (or replaces) the analysis for its key and returns it with its id, kept across replacements. */
    Analysis save(Analysis a) {
        String id = newId();
        writerTx.executeWithoutResult(tx -> writer.update("""
                        INSERT INTO analysis (id, kind, subject, data_version, model, provider, facts_json, narrative,
                                              verdict_json, prompt_tokens, completion_tokens, tokens_estimated, millis,
                                              created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, subject, data_version, model) DO UPDATE SET
                            provider = excluded.provider, facts_json = excluded.facts_json, narrative = excluded.narrative,
                            verdict_json = excluded.verdict_json, prompt_tokens = excluded.prompt_tokens,
                            completion_tokens = excluded.completion_tokens, tokens_estimated = excluded.tokens_estimated,
                            millis = excluded.millis, created_at = excluded.created_at""",
                id, a.kind().name(), a.subject(), a.dataVersion(), a.model(), a.provider(),
                json.writeValueAsString(a.facts()), a.narrative(), a.verdictJson(), a.promptTokens(),
                a.completionTokens(), a.tokensEstimated() ? 1 : 0, a.millis(), a.createdAt().toEpochMilli()));
        return find(a.kind(), a.subject(), a.dataVersion(), a.model()).orElseThrow();
    }

    private Analysis row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Analysis(rs.getString("id"), AnalysisKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                rs.getString("data_version"), rs.getString("model"), rs.getString("provider"),
                json.readValue(rs.getString("facts_json"), Facts.class), rs.getString("narrative"),
                rs.getString("verdict_json"), rs.getInt("prompt_tokens"), rs.getInt("completion_tokens"),
                rs.getInt("tokens_estimated") == 1, rs.getLong("millis"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static String newId() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
