package cl.andesops.orders.monitor;

import java.time.LocalDate;
import java.util.List;

/**
 * The KPIs and chart series of the Monitor for one filter and period, with the previous period of the same length
 * for comparison. Amounts are pesos. {@code previousCovered} is false when the data does not reach back to the
 * start of the previous period (the history holds less): then there is no change to show, not a misleading one.
 */
public record MonitorSummary(LocalDate from, LocalDate to, long orders, long amountClp, Long medianClp, long buyers,
                             long suppliers, long previousOrders, long previousAmountClp, boolean hourly,
                             List<Point> series, List<Slice> topBuyers, List<Slice> topSuppliers, List<Slice> byType,
                             List<Slice> byState, List<Slice> byRegion, boolean previousCovered) {

    /** What one point of the series covers: hour, day, week or month (longer periods have longer steps). */
    public String step() {
        if (hourly) {
            return "hour";
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        return days <= MonitorService.DAILY_UP_TO ? "day" : days <= MonitorService.WEEKLY_UP_TO ? "week" : "month";
    }

    /** One step of the time series: an hour (label {@code HH:00}) or a day (label {@code dd-MM}). */
    public record Point(String key, String label, long orders, long amountClp) {
    }

    /** One bar or slice: {@code key} is what a click filters by (a code), {@code label} what is shown. */
    public record Slice(String key, String label, long orders, long amountClp) {
    }

    /** Change against the previous period, in percent; null when there is nothing to compare with. */
    public Double ordersChange() {
        return !previousCovered || previousOrders == 0 ? null : (orders - previousOrders) * 100.0 / previousOrders;
    }

    public Double amountChange() {
        return !previousCovered || previousAmountClp == 0 ? null : (amountClp - previousAmountClp) * 100.0 / previousAmountClp;
    }
}
