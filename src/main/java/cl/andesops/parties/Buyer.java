package cl.andesops.parties;

import java.util.List;

import cl.andesops.shared.format.PartyKeys;

/**
 * A buyer as the records know it: its organism's code and latest name, the names it had before (newest first), its
 * purchasing units with their RUTs, and its region (the one most of its units are in).
 */
public record Buyer(String code, String name, List<String> formerNames, List<Unit> units, String region) {

    /** A purchasing unit of the organism. */
    public record Unit(String code, String name, String rut) {
    }

    public String path() {
        return PartyKeys.buyerPath(code);
    }
}
