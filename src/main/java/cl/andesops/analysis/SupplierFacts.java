package cl.andesops.analysis;

import static cl.andesops.analysis.FactsText.t;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Metric;
import cl.andesops.analysis.Facts.Row;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderStats;
import cl.andesops.shared.format.Formats;
import cl.andesops.tenders.TenderStats;

/** A supplier's last twelve months: volume, buyers, categories, prices, flags and the tenders it won. */
@Component
class SupplierFacts {

    private final FactTables tables;
    private final OrderStats orders;
    private final TenderStats tenders;
    private final Clock clock;

    private final SignalFacts signals;

    SupplierFacts(FactTables tables, OrderStats orders, TenderStats tenders, Clock clock, SignalFacts signals) {
        this.signals = signals;
        this.tables = tables;
        this.orders = orders;
        this.tenders = tenders;
        this.clock = clock;
    }

    Optional<Facts> of(String code) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        OrderFilter f = OrderFilter.none().withSupplier(code).withDates(today.minusDays(364), today);
        Optional<OrderStats.Supplier> s = orders.supplier(code);
        OrderStats.Totals t = tables.totals(f);
        if (s.isEmpty() && t.orders() == 0) {
            return Optional.empty();
        }
        String name = s.map(OrderStats.Supplier::name).filter(n -> n != null).orElse(code);
        String rut = s.map(OrderStats.Supplier::rut).orElse(null);
        List<Metric> metrics = new ArrayList<>();
        tables.coverage(f).ifPresent(metrics::add);
        metrics.add(new Metric(t("Órdenes recibidas (12 meses)"), Formats.count(t.orders()), tables.largest(f, 3)));
        metrics.add(new Metric(t("Monto total (12 meses)"), Formats.clp(t.amount()), List.of()));
        metrics.add(new Metric(t("Mediana por orden"), tables.median(f, t.orders()), List.of()));
        metrics.add(new Metric(t("Compradores distintos"), Formats.count(t.buyers()), List.of()));
        metrics.add(tables.direct(f, t));
        metrics.add(tables.flaggedCount(f));
        List<Table> out = new ArrayList<>();
        Table buyers = tables.top(t("Principales compradores"), t("Comprador"), f, OrderStats.By.BUYER, t.amount());
        out.add(buyers);
        metrics.add(FactTables.concentration(buyers, t("Dependencia: comprador principal")));
        out.add(tables.categories(f, t.amount()));
        tables.prices(f, t("Precios del proveedor por producto")).ifPresent(out::add);
        if (rut != null) {
            cl.andesops.shared.format.PartyKeys.supplier(rut).flatMap(k -> signals.party(
                    cl.andesops.shared.format.PartyKeys.Kind.SUPPLIER, k,
                    new cl.andesops.shared.format.Period(f.from(), f.to()))).ifPresent(out::add);
        }
        if (rut != null) {
            List<Row> awards = tenders.awardsOf(rut, FactTables.TOP).stream().map(a -> new Row(List.of(a.code(),
                    FactTables.nz(a.name()), FactTables.nz(a.buyerName()), Formats.count(a.lines())),
                    FactTables.tenderSources(List.of(a.code())))).toList();
            metrics.add(new Metric(t("Licitaciones adjudicadas"), Formats.count(tenders.tendersWon(rut)),
                    awards.stream().limit(3).flatMap(r -> r.sources().stream()).toList()));
            if (!awards.isEmpty()) {
                out.add(new Table(t("Licitaciones adjudicadas recientes"), List.of(t("Licitación"), t("Nombre"),
                        t("Comprador"), t("Líneas adjudicadas")), awards));
            }
        }
        return Optional.of(new Facts(AnalysisKind.SUPPLIER, code, name, t("Proveedor {0} · últimos 12 meses", rut == null ? code : rut), metrics, out, tables.trend(f), null,
                cl.andesops.shared.format.PartyKeys.supplierPath(rut)));
    }
}
