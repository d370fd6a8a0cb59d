package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once created and filled the Monitor's amount histogram ({@code order_rollup_amount}); the Monitor now reads its
 * median from the in-memory order columns and V4 drops every rollup table. Kept, as a no-op, so that databases
 * that applied it still validate (a Java migration carries no checksum).
 */
public class V3__amount_histogram extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // nothing: V4 drops what this used to create
    }
}
