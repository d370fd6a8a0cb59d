package cl.andesops.flags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import cl.andesops.shared.persistence.Writer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the judgements: for each record judged, the rows of its subject's indicators are replaced by the new ones in
 * one short write transaction per chunk (the writer is shared with the sync: never hold it long).
 */
@Repository
class FlagStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHUNK = 500;

    private final JdbcTemplate writer;
    private final TransactionTemplate tx;

    FlagStore(@Qualifier(Writer.NAME) JdbcTemplate writer, @Qualifier(Writer.NAME + "Tx") TransactionTemplate tx) {
        this.writer = writer;
        this.tx = tx;
    }

    /** Replaces the judgements of the records {@code judged} (of one subject) by {@code judgements}. */
    void replace(Indicator.Subject subject, Collection<String> judged, List<Judgement> judgements) {
        List<String> codes = List.copyOf(judged);
        List<String> indicators = Indicator.byRecord(subject).stream().map(i -> i.id).toList();
        String in = String.join(",", indicators.stream().map(i -> "'" + i + "'").toList());
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK));
            java.util.Set<String> set = new java.util.HashSet<>(chunk);
            List<Object[]> rows = new ArrayList<>();
            for (Judgement j : judgements) {
                if (set.contains(j.recordCode())) {
                    rows.add(row(j));
                }
            }
            tx.executeWithoutResult(s -> {
                writer.batchUpdate("DELETE FROM flag_record WHERE record_code = ? AND indicator IN (" + in + ")",
                        chunk.stream().map(c -> new Object[]{c}).toList());
                writer.batchUpdate(INSERT, rows);
            });
        }
    }

    /** Forgets every judgement of a subject's indicators: all of them is judged again. */
    void clear(Indicator.Subject subject) {
        String in = String.join(",", Indicator.byRecord(subject).stream().map(i -> "'" + i.id + "'").toList());
        writer.update("DELETE FROM flag_record WHERE indicator IN (" + in + ")");
    }

    /** Adds judgements of records that have none (after {@link #clear}), a chunk per short transaction. */
    void insert(List<Judgement> judgements) {
        for (int from = 0; from < judgements.size(); from += CHUNK * 4) {
            List<Object[]> rows = judgements.subList(from, Math.min(judgements.size(), from + CHUNK * 4)).stream()
                    .map(FlagStore::row).toList();
            tx.executeWithoutResult(s -> writer.batchUpdate(INSERT, rows));
        }
    }

    /**
     * Replaces every judgement of these indicators (that judge parties over a period, all again each time) by
     * {@code judgements}, in one transaction: the screens never see a pass half written.
     */
    void replaceAll(List<Indicator> indicators, List<Judgement> judgements) {
        String in = String.join(",", indicators.stream().map(i -> "'" + i.id + "'").toList());
        List<Object[]> rows = judgements.stream().map(FlagStore::row).toList();
        tx.executeWithoutResult(s -> {
            writer.update("DELETE FROM flag_record WHERE indicator IN (" + in + ")");
            for (int from = 0; from < rows.size(); from += CHUNK * 4) {
                writer.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + CHUNK * 4)));
            }
        });
    }

    /**
     * Replaces one indicator's judgements of these records (a chunk of a pass over the period, in one short
     * transaction), leaving the other indicators' alone.
     */
    void replace(Indicator indicator, List<String> codes, List<Judgement> judgements) {
        List<Object[]> rows = judgements.stream().map(FlagStore::row).toList();
        tx.executeWithoutResult(s -> {
            writer.batchUpdate("DELETE FROM flag_record WHERE indicator = '" + indicator.id + "' AND record_code = ?",
                    codes.stream().map(c -> new Object[]{c}).toList());
            writer.batchUpdate(INSERT, rows);
        });
    }

    private static final String INSERT = """
            INSERT INTO flag_record (indicator, record_code, day, outcome, buyer_code, supplier, score, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Object[] row(Judgement j) {
        return new Object[]{j.indicator().id, j.recordCode(), j.day(), j.outcomeCode(), j.buyerCode(),
                j.supplier() == null ? null : cl.andesops.shared.format.PartyKeys.supplier(j.supplier()).orElse(null),
                j.score(), j.outcome() == Judgement.Outcome.FIRED ? JSON.writeValueAsString(j.detail()) : null};
    }
}
