package cl.andesops.orders.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderRow;
import cl.andesops.orders.OrderService;
import cl.andesops.shared.ui.TableExport;
import cl.andesops.shared.ui.TableExport.Column;

/**
 * The Monitor's filtered orders as a file, read by keyset pages from the database, no connection held while the
 * client reads slowly (see {@link TableExport} for the format and the admission).
 */
final class OrderExport {

    /** Rows a file holds at most; the file says so when it stops there. */
    static final long MAX_ROWS = 200_000;

    private OrderExport() {
    }

    static List<Column<OrderRow>> columns(Function<String, String> t) {
        return List.of(
                Column.text(t.apply("export.order.code"), OrderRow::code),
                Column.text(t.apply("export.order.name"), OrderRow::name),
                Column.text(t.apply("export.order.buyer"), OrderRow::buyerName),
                Column.text(t.apply("export.order.supplier"), OrderRow::supplierName),
                Column.text(t.apply("export.order.type"), OrderRow::type),
                Column.text(t.apply("export.order.state"), OrderRow::state),
                Column.text(t.apply("export.order.currency"), OrderRow::currency),
                Column.number(t.apply("export.order.total"), OrderRow::total),
                Column.number(t.apply("export.order.clp"), OrderRow::amountClp),
                Column.dateTime(t.apply("export.order.date"), OrderRow::createdAt),
                Column.text(t.apply("export.order.region"), OrderRow::region),
                Column.text(t.apply("export.order.flag"), OrderRow::flag));
    }

    static TableExport<OrderRow> of(OrderService orders, Supplier<OrderFilter> filter, TableExport.Format format,
                                    long maxRows, Function<String, String> translate, Locale locale,
                                    boolean simulated) {
        return new TableExport<>(translate.apply("export.order.file"), translate.apply("export.order.sheet"),
                columns(translate), (limit, each) -> orders.forEachNewest(filter.get(), limit, each::accept), format,
                maxRows, locale, simulated);
    }
}
