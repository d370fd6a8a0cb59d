package cl.andesops.mercadopublico;

/**
 * The buying unit and its organism, as an order or tender names it; {@code sector} as the open-data files class the
 * organism (Municipalidades, Salud, ...), null from the API, which gives none.
 */
public record BuyerInfo(String organismCode, String organismName, String unitRut, String unitCode, String unitName, String address,
                        String commune, String region, String sector) {

    public BuyerInfo(String organismCode, String organismName, String unitRut, String unitCode, String unitName,
                     String address, String commune, String region) {
        this(organismCode, organismName, unitRut, unitCode, unitName, address, commune, region, null);
    }
}
