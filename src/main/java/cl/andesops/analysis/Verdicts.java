package cl.andesops.analysis;

import java.util.List;

/** The shaped part of an answer, written by the model as JSON after the narrative and parsed into records. */
public final class Verdicts {

    private Verdicts() {
    }

    /** For one tender: bid or not, and why. {@code recommendation} is POSTULAR, NO_POSTULAR or EVALUAR. */
    public record BidAdvice(String recommendation, List<String> reasons, List<String> requirements,
                            List<String> risks, List<String> citedCodes) {
    }

    /** For a buyer, a supplier or a market slice: the main findings and the warning signs. */
    public record Findings(List<String> findings, List<String> redFlags, List<String> citedCodes) {
    }

    static Class<?> forKind(AnalysisKind kind) {
        return kind == AnalysisKind.TENDER ? BidAdvice.class : Findings.class;
    }
}
