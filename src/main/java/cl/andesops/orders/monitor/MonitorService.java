package cl.andesops.orders.monitor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import cl.andesops.mercadopublico.MpCodes;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderService;
import cl.andesops.orders.OrderTextIndex;
import cl.andesops.orders.OrderWriter;
import cl.andesops.orders.Party;
import cl.andesops.shared.events.DataChanged;
import cl.andesops.shared.format.Formats;

/**
 * The Monitor's KPIs and charts, from one pass over the in-memory order columns: the only way they are computed.
 * While the columns load there is no summary (the screen says it is loading, it never shows numbers of another
 * kind). Results are cached per filter until the next committed change, so any number of open Monitors with the
 * same filter cost one computation per change: compute once, fan out.
 */
@Service
public class MonitorService {

    static final int DEFAULT_DAYS = 30;
    /** What the cached summaries may weigh in all, about: a summary is some hundred bytes a point and a slice. */
    private static final long CACHE_BYTES = 16L * 1024 * 1024;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("dd-MM");

    private final ColumnLoader loader;
    private final OrderTextIndex text;
    private final OrderService orders;
    private final Clock clock;
    /**
     * Summaries by the data version they were computed on and their normalised filter (period made explicit and
     * clamped), bounded by weight. Keyed by version, a summary computed while a commit came in is never served for
     * the newer data; and the Monitors that ask for the same one at once (every open Monitor after a commit) wait for
     * one computation instead of each doing it.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Key, MonitorSummary> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
                    .weigher((Key k, MonitorSummary m) -> weight(m)).build();

    private record Key(long version, OrderFilter filter) {
    }

    /** A summary's rough size in bytes: its points and slices. */
    static int weight(MonitorSummary m) {
        return 512 + 96 * (m.series().size() + m.topBuyers().size() + m.topSuppliers().size() + m.byType().size()
                + m.byState().size() + m.byRegion().size());
    }
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong computations = new AtomicLong();

    MonitorService(ColumnLoader loader, OrderTextIndex text, OrderService orders, Clock clock) {
        this.loader = loader;
        this.text = text;
        this.orders = orders;
        this.clock = clock;
    }

    /** First of the listeners, so the columns hold the commit before any screen recomputes. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(DataChanged event) {
        if (event.dataset() == DataChanged.Dataset.ORDERS) {
            loader.catchUp(event.version());
            version.incrementAndGet();
            cache.invalidateAll();
        }
    }

    /** Whether the columns are loaded: before that {@link #summary} is empty. */
    public boolean loaded() {
        return loader.columns() != null;
    }

    /** Waits until the in-memory columns are loaded: for tests and benchmarks. */
    public boolean awaitColumns(long seconds) throws InterruptedException {
        return loader.awaitLoaded(seconds, TimeUnit.SECONDS);
    }

    /** The order data version the columns reflect, -1 while they load: for benchmarks. */
    public long columnsVersion() {
        OrderColumns c = loader.columns();
        return c == null ? -1 : c.version;
    }

    /** Bytes the in-memory columns take: for benchmarks. */
    public long columnBytes() {
        OrderColumns c = loader.columns();
        return c == null ? 0 : c.bytes();
    }

    /** How many summaries were computed (not served from the cache): for tests and benchmarks. */
    public long computations() {
        return computations.get();
    }

    /**
     * The filter the Monitor shows, the one place its defaults are applied: the period made explicit (the last 30
     * days unless it says otherwise, clamped to the days that can hold data) and a text with no word to search for,
     * or too broad to search ({@link #tooBroad}), dropped. Its KPIs, charts, grid and exports all read this filter,
     * so they count the same orders.
     */
    public OrderFilter effective(OrderFilter f) {
        if (f.hasText() && !text.restricts(f.text())) {
            f = f.withText(null); // "!" or only punctuation: no text filter, not every id
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        LocalDate to = f.to() != null ? f.to() : today;
        LocalDate from = f.from() != null ? f.from() : to.minusDays(DEFAULT_DAYS - 1);
        // a period is clamped to what can hold data: from the first day held (or EARLIEST) to today
        LocalDate earliest = firstDay().orElse(EARLIEST);
        if (to.isAfter(today)) {
            to = today;
        }
        if (to.isBefore(earliest)) {
            to = earliest;
        }
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        OrderFilter dated = f.withDates(from.isAfter(to) ? to : from, to);
        return dated.hasText() && tooBroad(dated) ? dated.withText(null) : dated;
    }

    /** How many orders a text filter may match. */
    public int textMatchLimit() {
        return text.maxMatches();
    }

    /**
     * Whether a filter's words match more orders than a text filter may, over the days its summary searches (its
     * period and the one before, for the comparison): the screen says so and shows the period without them.
     */
    public boolean tooBroad(OrderFilter dated) {
        if (!dated.hasText() || dated.from() == null || dated.to() == null) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(dated.from(), dated.to()) + 1;
        return text.tooBroad(dated.text(), OrderWriter.dayOf(start(dated.from().minusDays(days))),
                OrderWriter.dayOf(start(dated.to())));
    }

    /** No period reaches before this, whatever it asks. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** The first Chile day of a detailed order held, when the columns are loaded and hold one. */
    public Optional<LocalDate> firstDay() {
        OrderColumns c = loader.columns();
        return c == null || c.firstDay == Integer.MAX_VALUE ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(c.firstDay));
    }

    /** The KPIs and charts of a filter; empty while the columns load. */
    public Optional<MonitorSummary> summary(OrderFilter requested) {
        // the version before the columns: a commit catches the columns up before it counts the version, so columns
        // read after a version are at least as new as it
        long v = version.get();
        OrderColumns columns = loader.columns();
        if (columns == null) {
            return Optional.empty();
        }
        OrderFilter f = effective(requested);
        // a text filter's matches come from the search index, which catches up just after a commit: not cached
        if (f.hasText()) {
            return Optional.of(compute(columns, f));
        }
        return Optional.of(cache.get(new Key(v, f), k -> compute(columns, f)));
    }

    private MonitorSummary compute(OrderColumns columns, OrderFilter f) {
        computations.incrementAndGet();
        long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        boolean hourly = days == 1;
        long firstHour = f.from().atStartOfDay(Formats.CHILE).toInstant().toEpochMilli() / 3_600_000L;
        LocalDate previousFrom = f.from().minusDays(days);
        int fromDay = OrderWriter.dayOf(start(previousFrom));
        int toDay = OrderWriter.dayOf(start(f.to()));
        long[] ids = f.hasText() ? text.matchingIdArray(f.text(), fromDay, toDay) : null;
        if (!f.categories().isEmpty()) {
            // the columns hold no category: the rubros' orders of the days come from SQL, as the text's from Lucene
            long[] inCategories = orders.idsInCategories(f.categories(), fromDay, toDay);
            ids = ids == null ? inCategories : both(ids, inCategories);
        }
        Aggregate a = ColumnScan.aggregate(columns, f, ids, hourly, firstHour);
        boolean previousCovered = previousFrom.toEpochDay() >= columns.firstDay;
        List<MonitorSummary.Slice> byState = a.byState().stream().filter(s -> !s.key().isEmpty())
                .map(s -> new MonitorSummary.Slice(s.key(), MpCodes.order(Integer.valueOf(s.key())), s.orders(),
                        s.amountClp())).toList();
        List<MonitorSummary.Slice> byRegion = a.byRegion().stream()
                .map(s -> new MonitorSummary.Slice(s.key(), shortRegion(s.key()), s.orders(), s.amountClp())).toList();
        return new MonitorSummary(f.from(), f.to(), a.orders(), a.amountClp(), a.medianClp(), a.buyers(),
                a.suppliers(), a.previousOrders(), a.previousAmountClp(), hourly, points(f, hourly, a),
                named(a.topBuyers(), orders::buyer), named(a.topSuppliers(), orders::supplier), a.byType(), byState,
                byRegion, previousCovered);
    }

    /** The ids in both arrays (neither is modified). */
    static long[] both(long[] a, long[] b) {
        long[] x = a.clone();
        long[] y = b.clone();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        long[] out = new long[Math.min(x.length, y.length)];
        int n = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                out[n++] = x[i];
                i++;
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Up to this many days the series has a point a day; up to {@link #WEEKLY_UP_TO} a week; beyond, a month. */
    static final int DAILY_UP_TO = 92;
    static final int WEEKLY_UP_TO = 731;

    /**
     * The series as chart points, zeros included: every hour of a one-day period, every day of up to three months,
     * every week (from Monday) of up to two years, else every month; a week's or month's key is its interval
     * ({@code 2026-01-05/2026-01-11}), within the period.
     */
    static List<MonitorSummary.Point> points(OrderFilter f, boolean hourly, Aggregate a) {
        List<MonitorSummary.Point> points = new ArrayList<>();
        if (hourly) {
            Instant start = start(f.from());
            Instant end = start(f.from().plusDays(1));
            int i = 0;
            for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600), i++) {
                String label = String.format("%02d:00", h.atZone(Formats.CHILE).getHour());
                points.add(new MonitorSummary.Point(h.toString(), label, a.seriesOrders()[i], a.seriesAmount()[i]));
            }
            return points;
        }
        long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        if (days <= DAILY_UP_TO) {
            int i = 0;
            for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1), i++) {
                points.add(new MonitorSummary.Point(d.toString(), DAY_LABEL.format(d), a.seriesOrders()[i],
                        a.seriesAmount()[i]));
            }
            return points;
        }
        boolean weekly = days <= WEEKLY_UP_TO;
        LocalDate bucket = f.from();
        while (!bucket.isAfter(f.to())) {
            LocalDate next = weekly ? bucket.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                    : bucket.withDayOfMonth(1).plusMonths(1);
            LocalDate last = next.minusDays(1).isAfter(f.to()) ? f.to() : next.minusDays(1);
            long orders = 0;
            long amount = 0;
            for (long i = bucket.toEpochDay() - f.from().toEpochDay(); i <= last.toEpochDay() - f.from().toEpochDay();
                 i++) {
                orders += a.seriesOrders()[(int) i];
                amount += a.seriesAmount()[(int) i];
            }
            points.add(new MonitorSummary.Point(bucket + "/" + last, weekly ? DAY_LABEL.format(bucket)
                    : MONTH_LABEL.format(bucket), orders, amount));
            bucket = next;
        }
        return points;
    }

    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MM-yyyy");

    private static List<MonitorSummary.Slice> named(List<MonitorSummary.Slice> slices,
                                                    java.util.function.Function<String, Optional<Party>> party) {
        return slices.stream().map(s -> new MonitorSummary.Slice(s.key(), party.apply(s.key()).map(Party::name)
                .filter(n -> n != null && !n.isBlank()).orElse(s.key()), s.orders(), s.amountClp())).toList();
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(Formats.CHILE).toInstant();
    }

    /** "Región Metropolitana de Santiago" → "Metropolitana de Santiago": regions read better short in charts. */
    static String shortRegion(String region) {
        if (region == null || region.isBlank()) {
            return "—";
        }
        return Formats.regionShort(region.strip());
    }
}
