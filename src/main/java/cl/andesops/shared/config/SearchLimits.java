package cl.andesops.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one text filter may cost: it may match at most {@code maxTextMatches} records ({@code
 * ANDESOPS_TEXT_MATCH_LIMIT}; past it the words are too broad and the filter says so, instead of handing the SQL
 * an id set of the whole table), and the id sets of recent text filters are kept within {@code textCacheBytes}
 * ({@code ANDESOPS_TEXT_CACHE_BYTES}) per dataset, weighed by their size.
 */
@ConfigurationProperties("andesops.search")
public record SearchLimits(@DefaultValue("100000") int maxTextMatches,
                           @DefaultValue("67108864") long textCacheBytes) {

    public static final SearchLimits DEFAULT = new SearchLimits(100_000, 64L << 20);
}
