package cl.andesops.shared.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.Component;

/**
 * Saving a list's filter and following a page, offered by the alerts to the screens that have something to watch
 * (the lists, the records' and the parties' pages) and the header's bell, without those screens knowing the alerts.
 */
public interface Watching {

    /** A button that follows the record's or the party's page at {@code path} ({@code /tenders/…}). */
    Component follow(String path);

    /** A button that saves the list's filter; {@code address} is the list's address with it, as the bar shows it. */
    Component saveSearch(Supplier<String> address);

    /** The header's bell: the visitor's new alerts, moving by push. */
    Component bell();
}
