package cl.andesops.orders.monitor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The few columns of every detailed order that the Monitor aggregates (day, hour, amount, state, type, region, buyer,
 * supplier), as primitive arrays indexed by row id, dictionary-encoded: a year of two million orders is about 60 MB
 * and a pass over it tens of milliseconds. A copy derived from the database at a data version ({@link #version});
 * {@link ColumnLoader} loads and follows it, {@link ColumnScan} reads it, {@link ColumnSnapshot} saves it.
 */
final class OrderColumns {

    static final long NO_AMOUNT = Long.MIN_VALUE;
    static final int NO_HOUR = Integer.MIN_VALUE;
    /** What {@link #set} reads, in this order. */
    static final String COLUMNS = "id, day, created_at, amount_clp, state_code, type, region, buyer_code, "
            + "supplier_code, has_detail";

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Chile epoch day of the order, 0 when the row is not a detailed order (listed only, or no row). */
    int[] day = new int[0];
    /** {@code created_at / 3_600_000}: the hour the Monitor's one-day chart groups by. */
    int[] hour = new int[0];
    long[] amount = new long[0];
    short[] state = new short[0];
    short[] type = new short[0];
    short[] region = new short[0];
    int[] buyer = new int[0];
    int[] supplier = new int[0];
    /** Rows per block of {@link #blockMin}/{@link #blockMax}. */
    static final int BLOCK = 1 << 12;
    /**
     * The earliest and latest day of the detailed orders in each block of {@link #BLOCK} rows (a block without one:
     * {@code Integer.MAX_VALUE} and {@code MIN_VALUE}): a scan skips the blocks outside its period. Imported history
     * arrives month by month, so a block mostly holds a few days. A row whose day changes only widens its block.
     */
    int[] blockMin = new int[0];
    int[] blockMax = new int[0];
    final Dict states = new Dict();
    final Dict types = new Dict();
    final Dict regions = new Dict();
    final Dict buyers = new Dict();
    final Dict suppliers = new Dict();
    /** Detailed orders held. */
    int rows;
    /** The data version of the orders these columns reflect. */
    long version;
    /** The earliest Chile epoch day of a detailed order: how far back the history reaches. */
    int firstDay = Integer.MAX_VALUE;
    private int lastYyyymmdd;
    private int lastEpochDay;

    /** Copies the current row of {@link #COLUMNS} into the arrays; the caller holds the write lock (or owns them). */
    void set(ResultSet rs) throws SQLException {
        int id = Math.toIntExact(rs.getLong(1));
        if (id >= day.length) {
            grow(Math.max(id + 1, day.length + day.length / 4 + 1_024));
        }
        int yyyymmdd = rs.getInt(2);
        long created = rs.getLong(3);
        boolean noCreated = rs.wasNull();
        long amountClp = rs.getLong(4);
        boolean noAmount = rs.wasNull();
        boolean detailed = rs.getInt(10) == 1 && yyyymmdd > 0;
        if (day[id] == 0 && detailed) {
            rows++;
        } else if (day[id] != 0 && !detailed) {
            rows--;
        }
        day[id] = detailed ? epochDay(yyyymmdd) : 0;
        if (detailed) {
            bound(id);
        }
        hour[id] = noCreated ? NO_HOUR : (int) (created / 3_600_000L);
        amount[id] = noAmount ? NO_AMOUNT : amountClp;
        state[id] = (short) states.id(rs.getString(5));
        type[id] = (short) types.id(rs.getString(6));
        region[id] = (short) regions.id(rs.getString(7));
        buyer[id] = buyers.id(rs.getString(8));
        supplier[id] = suppliers.id(rs.getString(9));
    }

    void grow(int capacity) {
        if (capacity <= day.length) {
            return;
        }
        day = Arrays.copyOf(day, capacity);
        hour = Arrays.copyOf(hour, capacity);
        amount = Arrays.copyOf(amount, capacity);
        state = Arrays.copyOf(state, capacity);
        type = Arrays.copyOf(type, capacity);
        region = Arrays.copyOf(region, capacity);
        buyer = Arrays.copyOf(buyer, capacity);
        supplier = Arrays.copyOf(supplier, capacity);
        int blocks = (capacity + BLOCK - 1) / BLOCK;
        int had = blockMin.length;
        blockMin = Arrays.copyOf(blockMin, blocks);
        blockMax = Arrays.copyOf(blockMax, blocks);
        Arrays.fill(blockMin, had, blocks, Integer.MAX_VALUE);
        Arrays.fill(blockMax, had, blocks, Integer.MIN_VALUE);
    }

    /** Counts the day of a detailed order's row in its block and in {@link #firstDay}. */
    void bound(int id) {
        int d = day[id];
        int b = id / BLOCK;
        blockMin[b] = Math.min(blockMin[b], d);
        blockMax[b] = Math.max(blockMax[b], d);
        firstDay = Math.min(firstDay, d);
    }

    /** Computes the blocks' days and {@link #firstDay} again from {@link #day}: after the arrays were replaced. */
    void bounds() {
        int blocks = (day.length + BLOCK - 1) / BLOCK;
        blockMin = new int[blocks];
        blockMax = new int[blocks];
        Arrays.fill(blockMin, Integer.MAX_VALUE);
        Arrays.fill(blockMax, Integer.MIN_VALUE);
        firstDay = Integer.MAX_VALUE;
        for (int id = 0; id < day.length; id++) {
            if (day[id] != 0) {
                bound(id);
            }
        }
    }

    /** The highest id holding a detailed order, 0 when none does. */
    int maxDetailedId() {
        int id = day.length - 1;
        while (id > 0 && day[id] == 0) {
            id--;
        }
        return Math.max(id, 0);
    }

    /** Bytes the columns take (their capacity; the dictionaries aside). */
    long bytes() {
        return (long) day.length * (4 + 4 + 8 + 2 + 2 + 2 + 4 + 4);
    }

    /** Rows come in id order, mostly day after day: the last conversion is usually the one needed. */
    private int epochDay(int yyyymmdd) {
        if (yyyymmdd != lastYyyymmdd) {
            lastEpochDay = (int) LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100).toEpochDay();
            lastYyyymmdd = yyyymmdd;
        }
        return lastEpochDay;
    }
}
