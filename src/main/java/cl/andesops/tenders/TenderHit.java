package cl.andesops.tenders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A search result. {@code nameHtml} and {@code snippetHtml} are HTML-escaped text with the matches wrapped in
 * {@code <mark>}: safe to render as HTML.
 */
public record TenderHit(String code, String name, String nameHtml, String snippetHtml, String buyer, String region,
                        String state, String type, BigDecimal amount, Instant closesAt, Instant publishedAt) {
}
