package cl.andesops.tenders.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import cl.andesops.tenders.TenderHit;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderSearch;
import cl.andesops.shared.ui.TableExport;
import cl.andesops.shared.ui.TableExport.Column;

/** The tender search's results, in the order shown, as a file: at most the 10,000 a search ranks. */
final class TenderExport {

    private TenderExport() {
    }

    static List<Column<TenderHit>> columns(Function<String, String> t) {
        return List.of(
                Column.text(t.apply("export.tender.code"), TenderHit::code),
                Column.text(t.apply("export.tender.name"), TenderHit::name),
                Column.text(t.apply("export.tender.buyer"), TenderHit::buyer),
                Column.text(t.apply("export.tender.type"), h -> h.type() == null ? null
                        : TenderSearchView.typeLabel(h.type(), t)),
                Column.text(t.apply("export.tender.state"), TenderHit::state),
                Column.text(t.apply("export.tender.region"), TenderHit::region),
                Column.number(t.apply("export.tender.amount"), TenderHit::amount),
                Column.dateTime(t.apply("export.tender.published"), TenderHit::publishedAt),
                Column.dateTime(t.apply("export.tender.closes"), TenderHit::closesAt));
    }

    static TableExport<TenderHit> of(TenderSearch engine, Supplier<TenderQuery> query, TableExport.Format format,
                                     Function<String, String> translate, Locale locale, boolean simulated) {
        return new TableExport<>(translate.apply("export.tender.file"), translate.apply("export.tender.sheet"),
                columns(translate), (limit, each) -> engine.forEach(query.get(), limit, each::accept), format,
                TenderSearch.MAX_RANKED, locale, simulated);
    }
}
