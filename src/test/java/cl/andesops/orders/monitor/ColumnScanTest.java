package cl.andesops.orders.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cl.andesops.orders.OrderFilter;

/**
 * The scan over many blocks of rows, against a count of the same rows one by one: blocks outside the period are
 * skipped, blocks wholly inside it are counted without a selection, the others selected row by row; rows that are
 * not detailed orders, a row whose day moved out of its block's days, the ids the search index gives, both halves
 * in parallel and the median's second pass, all with the answer a plain loop gives.
 */
class ColumnScanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String[] REGIONS = {"Metropolitana", "Valparaíso", "Biobío"};
    private static final String[] TYPES = {"SE", "CM", "AG"};
    private static final String[] STATES = {"4", "6", "9"};
    private static OrderColumns c;

    /** Six blocks of rows, newest month first as the import leaves them, with gaps and a moved row. */
    @BeforeAll
    static void fill() {
        Random r = new Random(7);
        c = new OrderColumns();
        int rows = 6 * OrderColumns.BLOCK + 100;
        c.grow(rows + 1);
        LocalDate day = TODAY;
        for (int id = 1; id <= rows; id++) {
            if (id % 97 == 0) {
                continue; // a listed order without its detail: day 0
            }
            if (id % 700 == 0) {
                day = day.minusDays(1 + r.nextInt(3));
            }
            c.day[id] = (int) day.toEpochDay();
            c.hour[id] = (int) (day.toEpochDay() * 24 + 8 + r.nextInt(10));
            c.amount[id] = r.nextInt(15) == 0 ? OrderColumns.NO_AMOUNT : 1_000 + r.nextInt(5_000_000);
            c.state[id] = (short) c.states.id(STATES[r.nextInt(STATES.length)]);
            c.type[id] = r.nextInt(40) == 0 ? -1 : (short) c.types.id(TYPES[r.nextInt(TYPES.length)]);
            c.region[id] = (short) c.regions.id(REGIONS[r.nextInt(REGIONS.length)]);
            c.buyer[id] = c.buyers.id("B" + r.nextInt(30));
            c.supplier[id] = c.suppliers.id("S" + r.nextInt(200));
            c.bound(id);
            c.rows++;
        }
        // an order corrected long after it was loaded: its day is now far from its block's other days
        c.day[5] = (int) TODAY.minusDays(400).toEpochDay();
        c.bound(5);
    }

    @AfterEach
    void paths() {
        ColumnScan.splitRows = 1_000_000;
        ColumnScan.keepAmounts = 1 << 20;
    }

    @Test
    void every_filter_counts_what_a_plain_loop_counts_on_every_path() {
        List<OrderFilter> filters = filters();
        for (int[] path : new int[][]{{1_000_000, 1 << 20}, {2, 1 << 20}, {2, 3}, {1_000_000, 3}}) {
            ColumnScan.splitRows = path[0];
            ColumnScan.keepAmounts = path[1];
            for (OrderFilter f : filters) {
                assertSame(f, ColumnScan.aggregate(c, f, null, false, 0), id -> true);
            }
        }
    }

    @Test
    void the_search_indexs_ids_are_counted_within_the_filter() {
        long[] ids = {0, 3, 5, 97, 4_100, 9_000, 20_000, 24_000, 999_999};
        OrderFilter f = OrderFilter.none().withDates(TODAY.minusDays(500), TODAY);
        assertSame(f, ColumnScan.aggregate(c, f, ids, false, 0), id -> Arrays.stream(ids).anyMatch(i -> i == id));
        assertThat(ColumnScan.aggregate(c, f, ids, false, 0).orders()).isEqualTo(6); // 0, 97 (no detail) and 999,999 are not
    }

    private static List<OrderFilter> filters() {
        OrderFilter month = OrderFilter.none().withDates(TODAY.minusDays(29), TODAY);
        OrderFilter year = OrderFilter.none().withDates(TODAY.minusDays(364), TODAY);
        List<OrderFilter> out = new ArrayList<>(List.of(month, year,
                OrderFilter.none().withDates(TODAY.minusDays(1_000), TODAY),
                OrderFilter.none().withDates(TODAY.minusDays(20), TODAY.minusDays(10)),
                OrderFilter.none().withDates(TODAY.minusDays(401), TODAY.minusDays(399)),
                OrderFilter.none().withDates(TODAY.plusDays(10), TODAY.plusDays(20)),
                year.withRegion("Valparaíso"), year.withRegion("Atacama"), year.withTypes(Set.of("SE", "AG")),
                year.withStates(Set.of(6)), year.withBuyer("B3"), year.withSupplier("S17"),
                year.withAmount(100_000L, 2_000_000L), year.withAmount(4_000_000L, null),
                month.withTypes(Set.of("CM")).withStates(Set.of(4, 9)).withRegion("Biobío").withAmount(null, 3_000_000L)));
        return out;
    }

    /** The aggregate equals the one a loop over every row computes for the filter (and the rows {@code among}). */
    private static void assertSame(OrderFilter f, Aggregate a, IntPredicate among) {
        int from = (int) f.from().toEpochDay();
        int to = (int) f.to().toEpochDay();
        int previousFrom = from - (to - from + 1);
        long orders = 0;
        long total = 0;
        long previous = 0;
        long previousTotal = 0;
        List<Long> amounts = new ArrayList<>();
        long[] region = new long[c.regions.size()];
        long[] buyer = new long[c.buyers.size()];
        long[] series = new long[to - from + 1];
        for (int id = 1; id < c.day.length; id++) {
            int d = c.day[id];
            if (d == 0 || d < previousFrom || d > to || !among.test(id) || !passes(f, id)) {
                continue;
            }
            long value = c.amount[id] == OrderColumns.NO_AMOUNT ? 0 : c.amount[id];
            if (d < from) {
                previous++;
                previousTotal += value;
                continue;
            }
            orders++;
            total += value;
            if (c.amount[id] != OrderColumns.NO_AMOUNT) {
                amounts.add(c.amount[id]);
            }
            region[c.region[id]] += value;
            buyer[c.buyer[id]] += value;
            series[d - from]++;
        }
        String what = f.toString();
        assertThat(a.orders()).as(what).isEqualTo(orders);
        assertThat(a.amountClp()).as(what).isEqualTo(total);
        assertThat(a.previousOrders()).as(what).isEqualTo(previous);
        assertThat(a.previousAmountClp()).as(what).isEqualTo(previousTotal);
        amounts.sort(Comparator.naturalOrder());
        assertThat(a.medianClp()).as(what).isEqualTo(amounts.isEmpty() ? null : amounts.get(amounts.size() / 2));
        assertThat(a.seriesOrders()).as(what).containsExactly(series);
        for (MonitorSummary.Slice s : a.byRegion()) {
            assertThat(s.amountClp()).as(what + " " + s.key()).isEqualTo(region[c.regions.find(s.key())]);
        }
        for (MonitorSummary.Slice s : a.topBuyers()) {
            assertThat(s.amountClp()).as(what + " " + s.key()).isEqualTo(buyer[c.buyers.find(s.key())]);
        }
        long largest = Arrays.stream(buyer).max().orElse(0);
        assertThat(a.topBuyers().isEmpty() ? 0 : a.topBuyers().getFirst().amountClp()).as(what).isEqualTo(largest);
    }

    private static boolean passes(OrderFilter f, int id) {
        if (!f.states().isEmpty() && !f.states().contains(Integer.valueOf(c.states.value(c.state[id])))) {
            return false;
        }
        if (!f.types().isEmpty() && (c.type[id] < 0 || !f.types().contains(c.types.value(c.type[id])))) {
            return false;
        }
        if (f.region() != null && !f.region().equals(c.regions.value(c.region[id]))) {
            return false;
        }
        if (f.buyerCode() != null && !f.buyerCode().equals(c.buyers.value(c.buyer[id]))) {
            return false;
        }
        if (f.supplierCode() != null && !f.supplierCode().equals(c.suppliers.value(c.supplier[id]))) {
            return false;
        }
        long a = c.amount[id];
        if (f.minAmount() != null && (a == OrderColumns.NO_AMOUNT || a < f.minAmount())) {
            return false;
        }
        return f.maxAmount() == null || (a != OrderColumns.NO_AMOUNT && a <= f.maxAmount());
    }
}
