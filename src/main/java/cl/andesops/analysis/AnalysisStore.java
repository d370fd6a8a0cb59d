package cl.andesops.analysis;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import cl.andesops.shared.persistence.Writer;

/** The analysis cache: by (kind, subject, facts version, model), and by id for shared links. */
@Component
class AnalysisStore {

    static final String FACTS_ONLY = "facts";
    private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AnalysisRepository analyses;
    private final JdbcAggregateTemplate aggregates;
    private final TransactionTemplate writerTx;
    private final JsonMapper json = JsonMapper.builder().build();

    AnalysisStore(AnalysisRepository analyses, JdbcAggregateTemplate aggregates,
                  @Qualifier(Writer.NAME + "Tx") TransactionTemplate writerTx) {
        this.analyses = analyses;
        this.aggregates = aggregates;
        this.writerTx = writerTx;
    }

    /** A short hash of the facts: new data that changes them makes a new analysis. */
    String version(Facts facts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(facts));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Analysis> find(AnalysisKind kind, String subject, String version, String model) {
        return analyses.findByKindAndSubjectAndDataVersionAndModel(kind, subject, version, model);
    }

    Optional<Analysis> byId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9]{8,32}")) {
            return Optional.empty();
        }
        return analyses.findById(id);
    }

    /** Stores (or replaces) the analysis for its key and returns it with its id, kept across replacements. */
    Analysis save(Analysis a) {
        return writerTx.execute(tx -> find(a.kind(), a.subject(), a.dataVersion(), a.model())
                .map(existing -> aggregates.update(a.withId(existing.id())))
                .orElseGet(() -> aggregates.insert(a.withId(newId()))));
    }

    private static String newId() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
