package cl.andesops.shared.persistence;

/**
 * The few SQL phrases that differ between SQLite and PostgreSQL; everything else the app writes is SQL both accept
 * (upserts with {@code ON CONFLICT}, {@code CAST(:p AS TEXT) IS NULL} for optional parameters, explicit
 * {@code NULLS LAST}).
 */
public record SqlDialect(DatabaseTarget.Kind kind) {

    public boolean postgres() {
        return kind == DatabaseTarget.Kind.POSTGRESQL;
    }

    /**
     * {@code column} is one of the ids of a JSON array bound to {@code :param} (a search's matches: too many for an
     * {@code IN} list of parameters).
     */
    public String inJsonIds(String column, String param) {
        return postgres()
                ? column + " IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(:" + param
                        + " AS json)))"
                : column + " IN (SELECT value FROM json_each(:" + param + "))";
    }

    /**
     * A column in a condition that must not choose the index: SQLite takes the first usable index, so its unary plus
     * keeps it on the one the rest of the filter uses; PostgreSQL plans by statistics and has no unary plus for text.
     */
    public String noIndex(String column) {
        return postgres() ? column : "+" + column;
    }
}
