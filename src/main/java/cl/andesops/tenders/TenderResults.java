package cl.andesops.tenders;

import java.util.List;
import java.util.Map;

/** A page of hits, how many match in all, and the facet counts of all the matches. */
public record TenderResults(List<TenderHit> hits, long total, Map<String, List<FacetCount>> facets) {

    /** One value of a facet: {@code value} is what a selection sends back, {@code label} what is shown. */
    public record FacetCount(String value, String label, long count) {
    }
}
