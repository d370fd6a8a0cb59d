package cl.andesops.shared.persistence;

import java.util.List;
import java.util.Map;

/**
 * What storing a list changed, and which codes need their detail fetched, with why ({@code NEW}, {@code CHANGED},
 * {@code MISSING}): what a feature's writer tells the sync that drives it.
 */
public record ListOutcome(List<String> added, List<String> changed, Map<String, String> toFetch) {

    public ListOutcome {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        toFetch = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(toFetch));
    }
}
