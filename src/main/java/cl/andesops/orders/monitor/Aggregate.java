package cl.andesops.orders.monitor;

import java.util.List;

/** What the Monitor shows for a filter, before labels: raw keys (codes), amounts in pesos. */
record Aggregate(long orders, long amountClp, Long medianClp, long buyers, long suppliers, long previousOrders,
                 long previousAmountClp, long[] seriesOrders, long[] seriesAmount,
                 List<MonitorSummary.Slice> topBuyers, List<MonitorSummary.Slice> topSuppliers,
                 List<MonitorSummary.Slice> byType, List<MonitorSummary.Slice> byState,
                 List<MonitorSummary.Slice> byRegion) {
}
