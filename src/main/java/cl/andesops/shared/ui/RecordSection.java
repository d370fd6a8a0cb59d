package cl.andesops.shared.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A section another feature adds to a record's page (an order, a tender, a Compra Ágil request): the integrity
 * signals that fired on it, with their evidence. The record pages know only this interface.
 */
public interface RecordSection {

    /** The section for this record, or nothing when it has nothing to say. */
    Optional<Component> section(String recordCode);
}
