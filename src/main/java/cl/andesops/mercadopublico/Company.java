package cl.andesops.mercadopublico;

/** A company from the Empresas endpoints: its Mercado Público code and name. */
public record Company(String code, String name) {
}
