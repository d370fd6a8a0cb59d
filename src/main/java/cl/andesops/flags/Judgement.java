package cl.andesops.flags;

import java.util.List;
import java.util.Map;

/**
 * How an indicator judged one record: fired, clear, or not judged and why. {@code day} is the record's own date
 * (yyyymmdd), the one its rules are taken on; {@code evidence} holds the figures and records that make the case,
 * in the order the indicator's sentence ({@code flags.<id>.why}) names them.
 */
public record Judgement(Indicator indicator, String recordCode, int day, Outcome outcome, String reason,
        String buyerCode, String supplier, double score, List<Object> args, List<String> records) {

    public enum Outcome {
        FIRED("F"), CLEAR("C"), NOT_JUDGED("N");

        public final String code;

        Outcome(String code) {
            this.code = code;
        }
    }

    /** Reasons a record could not be judged, as the coverage counts them. */
    public static final String MISSING_OFFERS = "missing-offers";
    public static final String MISSING_AWARD = "missing-award";
    public static final String MISSING_AMOUNT = "missing-amount";
    public static final String MISSING_DATES = "missing-dates";
    public static final String MISSING_QUOTES = "missing-quotes";
    public static final String MISSING_SUPPLIER = "missing-supplier";
    public static final String UNIT_PRICE_CONTRACT = "unit-price-contract";
    public static final String TOO_MANY = "too-many-records";

    public Judgement {
        args = args == null ? List.of() : List.copyOf(args);
        records = records == null ? List.of() : List.copyOf(records);
    }

    static Judgement fired(Indicator i, String code, int day, String buyer, String supplier, double score,
            List<Object> args, List<String> records) {
        return new Judgement(i, code, day, Outcome.FIRED, null, buyer, supplier, score, args, records);
    }

    static Judgement clear(Indicator i, String code, int day, String buyer, String supplier) {
        return new Judgement(i, code, day, Outcome.CLEAR, null, buyer, supplier, 0, List.of(), List.of());
    }

    static Judgement notJudged(Indicator i, String code, int day, String buyer, String reason) {
        return new Judgement(i, code, day, Outcome.NOT_JUDGED, reason, buyer, null, 0, List.of(), List.of());
    }

    /** The stored outcome: F, C, or N:reason. */
    public String outcomeCode() {
        return outcome == Outcome.NOT_JUDGED ? "N:" + reason : outcome.code;
    }

    /** Any extra detail an evidence sentence may want, by name. */
    public Map<String, Object> detail() {
        return Map.of("args", args, "records", records);
    }
}
