package cl.andesops.parties;

import java.util.List;

import cl.andesops.shared.format.PartyKeys;

/**
 * A supplier as the records know it: its RUT (the key, {@code 76012551-2}), its latest name, the names it had before,
 * the codes the datasets gave it (Mercado Público's company and branch codes) and its region.
 */
public record Supplier(String rut, String name, List<String> formerNames, List<String> codes, String region) {

    public String path() {
        return PartyKeys.supplierPath(rut);
    }

    /** The RUT as Chile writes it: {@code 76.012.551-2}. */
    public String rutText() {
        return cl.andesops.shared.format.Rut.formatOrKeep(rut);
    }
}
