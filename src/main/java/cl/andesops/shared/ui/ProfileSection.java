package cl.andesops.shared.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.Period;

/**
 * A section another feature adds to the buyer's and the supplier's profile (the integrity signals of the party's
 * records): the profiles know only this interface, so the feature that adds it may read the profiles' parties without
 * the two depending on each other.
 */
public interface ProfileSection {

    /** The section for this party and period, or nothing when it has nothing to say. */
    Optional<Component> section(PartyKeys.Kind kind, String key, Period period);
}
