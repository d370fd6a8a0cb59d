package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import cl.andesops.shared.persistence.AmountBuckets;

/**
 * The amount histogram per day the Monitor reads its median from ({@code order_rollup_amount}), created and filled
 * from the orders already stored; the sync keeps it current from then on.
 */
public class V3__amount_histogram extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("""
                    CREATE TABLE order_rollup_amount (
                        day     INTEGER NOT NULL,
                        bucket  INTEGER NOT NULL,
                        orders  INTEGER NOT NULL,
                        PRIMARY KEY (day, bucket)
                    ) WITHOUT ROWID""");
            Map<Long, long[]> counts = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT day, amount_clp FROM purchase_order "
                    + "WHERE has_detail = 1 AND day IS NOT NULL AND amount_clp IS NOT NULL")) {
                while (rs.next()) {
                    long key = (long) rs.getInt(1) * 100_000L + AmountBuckets.bucket(rs.getLong(2)) + 1;
                    counts.computeIfAbsent(key, k -> new long[1])[0]++;
                }
            }
            try (PreparedStatement insert = context.getConnection().prepareStatement(
                    "INSERT INTO order_rollup_amount (day, bucket, orders) VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, long[]> e : counts.entrySet()) {
                    insert.setLong(1, e.getKey() / 100_000L);
                    insert.setLong(2, e.getKey() % 100_000L - 1);
                    insert.setLong(3, e.getValue()[0]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
