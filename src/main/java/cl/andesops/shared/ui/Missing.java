package cl.andesops.shared.ui;

import com.vaadin.flow.router.NotFoundException;

/** A record or a party we do not have, with a sentence that says which (the 404 page shows it). */
public class Missing extends NotFoundException {

    public Missing(String sentence) {
        super(sentence);
    }
}
