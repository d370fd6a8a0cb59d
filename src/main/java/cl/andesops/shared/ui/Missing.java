package cl.andesops.shared.ui;

import com.vaadin.flow.router.NotFoundException;

/**
 * A record or a party we do not have, with a sentence that says which (the 404 page shows it), what to search for
 * instead (the party search, when the address named a party), and whether the address itself was malformed (a RUT
 * whose check digit is wrong: 400, not 404).
 */
public class Missing extends NotFoundException {

    private final String searchFor;
    private final boolean malformed;

    public Missing(String sentence) {
        this(sentence, null, false);
    }

    public Missing(String sentence, String searchFor, boolean malformed) {
        super(sentence);
        this.searchFor = searchFor;
        this.malformed = malformed;
    }

    /** The words the page offers to search the parties for; null for none. */
    public String searchFor() {
        return searchFor;
    }

    /** Whether the address was malformed rather than naming something we do not have. */
    public boolean malformed() {
        return malformed;
    }
}
