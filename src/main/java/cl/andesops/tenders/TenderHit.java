package cl.andesops.tenders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A search result. {@code nameHtml} and {@code snippetHtml} are HTML-escaped text with the matches wrapped in
 * {@code <mark>}: safe to render as HTML.
 */
public record TenderHit(String code, String name, String nameHtml, String snippetHtml, String buyer,
                        String buyerCode, String region, String state, String type, BigDecimal amount,
                        Instant closesAt, Instant publishedAt) {

    /** The buyer's profile, relative to the app; null without its code. */
    public String buyerProfile() {
        return cl.andesops.shared.format.PartyKeys.buyerPath(buyerCode);
    }
}
