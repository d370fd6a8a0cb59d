package cl.andesops.mercadopublico;

/** The buying unit and its organism, as an order or tender names it. */
public record BuyerInfo(String organismCode, String organismName, String unitRut, String unitCode, String unitName, String address,
                        String commune, String region) {
}
