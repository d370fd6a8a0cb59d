package cl.andesops.orders;

/** The orders a grid can be sorted by; the newest first unless asked otherwise. */
public enum OrderSort {
    NEWEST("created_at DESC NULLS LAST, id DESC"), OLDEST("created_at ASC NULLS FIRST, id ASC"),
    AMOUNT_DESC("amount_clp DESC NULLS LAST, id DESC"), AMOUNT_ASC("amount_clp ASC NULLS LAST, id ASC"),
    CODE("code ASC");

    final String sql;

    OrderSort(String sql) {
        this.sql = sql;
    }
}
