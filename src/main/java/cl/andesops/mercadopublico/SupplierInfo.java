package cl.andesops.mercadopublico;

/** The supplier (and its branch) of a purchase order. */
public record SupplierInfo(String code, String name, String activity, String branchCode, String branchName, String rut,
                           String address, String commune, String region) {
}
