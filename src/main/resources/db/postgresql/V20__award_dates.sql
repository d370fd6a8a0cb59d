-- FechaAdjudicacion on a tender not awarded is the estimated date (RULES-CL.md; the captured detail of a tender still
-- "Publicada" has it equal to FechaEstimadaAdjudicacion): it was stored as the award's. It becomes the estimate where
-- none was given, and the award date stays only on awarded tenders (state 8), as the writer now stores it.
UPDATE tender SET est_award_at = coalesce(est_award_at, awarded_at), awarded_at = NULL
    WHERE state_code IS NOT NULL AND state_code <> 8 AND awarded_at IS NOT NULL;
