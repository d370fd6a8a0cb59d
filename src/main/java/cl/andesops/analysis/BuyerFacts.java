package cl.andesops.analysis;

import static cl.andesops.analysis.FactsText.t;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Metric;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderStats;
import cl.andesops.shared.format.Formats;

/** A buyer's last twelve months: volume, suppliers, procedures, categories, flags and its tenders' record. */
@Component
class BuyerFacts {

    private final FactTables tables;
    private final OrderStats orders;
    private final Clock clock;
    private final SignalFacts signals;

    BuyerFacts(FactTables tables, OrderStats orders, Clock clock, SignalFacts signals) {
        this.signals = signals;
        this.tables = tables;
        this.orders = orders;
        this.clock = clock;
    }

    Optional<Facts> of(String code) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        OrderFilter f = OrderFilter.none().withBuyer(code).withDates(today.minusDays(364), today);
        Optional<String> name = orders.buyerName(code);
        OrderStats.Totals t = tables.totals(f);
        if (name.isEmpty() && t.orders() == 0) {
            return Optional.empty();
        }
        List<Metric> metrics = new ArrayList<>();
        tables.coverage(f).ifPresent(metrics::add);
        metrics.add(new Metric(t("Órdenes de compra (12 meses)"), Formats.count(t.orders()), tables.largest(f, 3)));
        metrics.add(new Metric(t("Monto total (12 meses)"), Formats.clp(t.amount()), List.of()));
        metrics.add(new Metric(t("Mediana por orden"), tables.median(f, t.orders()), List.of()));
        metrics.add(new Metric(t("Proveedores distintos"), Formats.count(t.suppliers()), List.of()));
        metrics.add(tables.direct(f, t));
        metrics.add(tables.flaggedCount(f));
        metrics.addAll(tables.tenderRecord(code));
        List<Table> out = new ArrayList<>();
        Table suppliers = tables.top(t("Principales proveedores"), t("Proveedor"), f, OrderStats.By.SUPPLIER, t.amount());
        out.add(suppliers);
        metrics.add(FactTables.concentration(suppliers, t("Concentración: proveedor principal")));
        out.add(tables.typeMix(f, t.amount()));
        out.add(tables.categories(f, t.amount()));
        tables.flagged(f).ifPresent(out::add);
        signals.party(cl.andesops.shared.format.PartyKeys.Kind.BUYER, code,
                new cl.andesops.shared.format.Period(f.from(), f.to())).ifPresent(out::add);
        tables.tenderTable(code, null, t("Licitaciones recientes del comprador")).ifPresent(out::add);
        return Optional.of(new Facts(AnalysisKind.BUYER, code, name.orElse(code), t("Comprador {0} · últimos 12 meses", code), metrics, out, tables.trend(f), null));
    }
}
