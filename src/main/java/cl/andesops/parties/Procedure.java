package cl.andesops.parties;

/**
 * How an order was bought, read from its type and the tender it names: through a tender (licitación), a direct award
 * (trato directo: types D1, C1, F3, G1, TD), a framework agreement (convenio marco, CM), Compra Ágil (AG), a
 * coordinated purchase (CC); an order with none of these ("SE" without a tender) is "sin proceso asociado". The
 * orders feature groups by the same rule in SQL ({@code OrderPartyQueries.PROCEDURE}).
 */
public enum Procedure {
    LICITACION, TRATO_DIRECTO, CONVENIO_MARCO, COMPRA_AGIL, COMPRA_COORDINADA, SIN_PROCESO;

    /** The message key of its name. */
    public String key() {
        return "procedure." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
