package cl.andesops.compraagil.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import cl.andesops.compraagil.CompraAgilFilter;
import cl.andesops.compraagil.CompraAgilRow;
import cl.andesops.compraagil.CompraAgilService;
import cl.andesops.shared.ui.TableExport;
import cl.andesops.shared.ui.TableExport.Column;

/** The Compra Ágil list, filtered and in the order shown, as a file, read in pages of 1,000. */
final class CompraAgilExport {

    /** Rows a file holds at most; the file says so when it stops there. */
    static final long MAX_ROWS = 50_000;
    private static final int PAGE = 1_000;

    private CompraAgilExport() {
    }

    static List<Column<CompraAgilRow>> columns(Function<String, String> t) {
        return List.of(
                Column.text(t.apply("export.ca.code"), CompraAgilRow::code),
                Column.text(t.apply("export.ca.name"), CompraAgilRow::name),
                Column.text(t.apply("export.ca.organism"), CompraAgilRow::organism),
                Column.text(t.apply("export.ca.region"), CompraAgilRow::region),
                Column.text(t.apply("export.ca.state"), CompraAgilRow::state),
                Column.text(t.apply("export.ca.currency"), CompraAgilRow::currency),
                Column.number(t.apply("export.ca.available"), CompraAgilRow::availableAmount),
                Column.number(t.apply("export.ca.clp"), CompraAgilRow::amountClp),
                Column.number(t.apply("export.ca.offers"), CompraAgilRow::offersReceived),
                Column.dateTime(t.apply("export.ca.published"), CompraAgilRow::publishedAt),
                Column.dateTime(t.apply("export.ca.closes"), CompraAgilRow::closesAt));
    }

    static TableExport<CompraAgilRow> of(CompraAgilService service, Supplier<CompraAgilFilter> filter,
                                         TableExport.Format format, long maxRows, Function<String, String> translate,
                                         Locale locale, boolean simulated) {
        return new TableExport<>(translate.apply("export.ca.file"), translate.apply("export.ca.sheet"),
                columns(translate), (limit, each) -> {
                    CompraAgilFilter f = filter.get();
                    long given = 0;
                    while (given < limit) {
                        List<CompraAgilRow> page = service.find(f, (int) given, (int) Math.min(PAGE, limit - given));
                        page.forEach(each);
                        given += page.size();
                        if (page.size() < PAGE) {
                            break;
                        }
                    }
                    return given;
                }, format, maxRows, locale, simulated);
    }
}
