package cl.andesops.shared.events;

/**
 * A record as a commit stamped it, for what follows the data versions by record: its row id (to page by), code,
 * name, the version that stamped it, whether the open-data files wrote it, its own date (publication, or an order's
 * creation; epoch milliseconds, null when unknown) and its buyer's code.
 */
public record Stamped(long id, String code, String name, long version, boolean fromFiles, Long date,
                      String buyerCode) {

    /** Reads the seven columns in this order from a result set row. */
    public static Stamped read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long date = rs.getLong(6);
        boolean undated = rs.wasNull();
        return new Stamped(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) == 1,
                undated ? null : date, rs.getString(7));
    }
}
