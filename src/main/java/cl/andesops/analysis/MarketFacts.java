package cl.andesops.analysis;

import static cl.andesops.analysis.FactsText.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Metric;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderStats;
import cl.andesops.shared.format.Formats;

/** A market slice (category, region, period): volume, who sells and buys, procedures, prices and flags. */
@Component
class MarketFacts {

    private final FactTables tables;
    private final OrderStats orders;

    MarketFacts(FactTables tables, OrderStats orders) {
        this.tables = tables;
        this.orders = orders;
    }

    Facts of(Subject.Slice slice) {
        OrderFilter f = OrderFilter.none().withDates(slice.from(), slice.to());
        String category = null;
        if (slice.category() != null && !slice.category().isBlank()) {
            f = f.withCategories(Set.of(slice.category()));
            category = orders.categoryName(slice.category()).map(FactTables::shortCategory).orElse("");
        }
        if (slice.region() != null && !slice.region().isBlank()) {
            f = f.withRegion(slice.region());
        }
        OrderStats.Totals t = tables.totals(f);
        List<Metric> metrics = new ArrayList<>();
        tables.coverage(f).ifPresent(metrics::add);
        metrics.add(new Metric(t("Órdenes de compra"), Formats.count(t.orders()), tables.largest(f, 3)));
        metrics.add(new Metric(t("Monto total"), Formats.clp(t.amount()), List.of()));
        metrics.add(new Metric(t("Mediana por orden"), tables.median(f, t.orders()), List.of()));
        metrics.add(new Metric(t("Compradores distintos"), Formats.count(t.buyers()), List.of()));
        metrics.add(new Metric(t("Proveedores distintos"), Formats.count(t.suppliers()), List.of()));
        List<Table> out = new ArrayList<>();
        if (t.orders() > 0) {
            metrics.add(tables.direct(f, t));
            metrics.add(tables.flaggedCount(f));
            Table suppliers = tables.top(t("Principales proveedores"), t("Proveedor"), f, OrderStats.By.SUPPLIER, t.amount());
            metrics.add(FactTables.concentration(suppliers, t("Concentración: proveedor principal")));
            out.add(suppliers);
            out.add(tables.top(t("Principales compradores"), t("Comprador"), f, OrderStats.By.BUYER, t.amount()));
            out.add(tables.typeMix(f, t.amount()));
            if (category == null) {
                out.add(tables.categories(f, t.amount()));
            }
            tables.prices(f, t("Precios unitarios por producto")).ifPresent(out::add);
            tables.flagged(f).ifPresent(out::add);
        }
        String title = t("Mercado: {0}", category == null ? t("todas las categorías") : slice.category() + " " + category)
                + (slice.region() == null || slice.region().isBlank() ? "" : " · " + slice.region());
        return new Facts(AnalysisKind.MARKET, Subject.market(slice).key(), title,
                t("{0} al {1}", Formats.date(FactTables.startOf(slice.from())), Formats.date(FactTables.startOf(slice.to()))),
                metrics, out, tables.trend(f), null);
    }
}
