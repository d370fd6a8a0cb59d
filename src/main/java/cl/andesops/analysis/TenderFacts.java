package cl.andesops.analysis;

import static cl.andesops.analysis.FactsText.t;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

import cl.andesops.analysis.Facts.Metric;
import cl.andesops.analysis.Facts.Row;
import cl.andesops.analysis.Facts.Source;
import cl.andesops.analysis.Facts.Table;
import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.OrderStats;
import cl.andesops.shared.format.Formats;
import cl.andesops.tenders.TenderDetailView;
import cl.andesops.tenders.TenderService;

/**
 * A tender as a supplier weighs it: its dates and terms, items and award, who wins in its categories and what was
 * paid there, its buyer's usual suppliers and record. Its own text goes to the model fenced as untrusted.
 */
@Component
class TenderFacts {

    private static final int UNTRUSTED_MAX = 2_000;

    private final FactTables tables;
    private final TenderService tenders;
    private final Clock clock;

    private final SignalFacts signals;

    TenderFacts(FactTables tables, TenderService tenders, Clock clock, SignalFacts signals) {
        this.signals = signals;
        this.tables = tables;
        this.tenders = tenders;
        this.clock = clock;
    }

    Optional<Facts> of(String code) {
        Optional<TenderDetailView> found = tenders.detail(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TenderDetailView t = found.get();
        List<Source> self = FactTables.tenderSources(List.of(t.code()));
        Instant now = Instant.now(clock);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric(t("Estado"), nz(t.state()) + (t.type() == null ? "" : " · " + t("tipo {0}", t.type())), self));
        metrics.add(new Metric(t("Comprador"), nz(t.buyerName()) + (t.unitName() == null ? "" : " / " + t.unitName())
                + (t.region() == null ? "" : " · " + t.region()), self));
        metrics.add(new Metric(t("Monto estimado"), t.estimatedAmount() != null && t.amountVisible()
                ? Formats.money(t.estimatedAmount(), t.currency()) : t("no publicado"), self));
        date(metrics, t("Publicada"), t.publishedAt(), self);
        if (t.closesAt() != null) {
            String left = " (" + (t.closesAt().isAfter(now)
                    ? t("quedan {0} días", Long.toString(Duration.between(now, t.closesAt()).toDays())) : t("cerrada")) + ")";
            metrics.add(new Metric(t("Cierre de ofertas"), Formats.dateTime(t.closesAt()) + left, self));
        }
        date(metrics, t("Cierre de preguntas"), t.forumClosesAt(), self);
        date(metrics, t("Publicación de respuestas"), t.answersAt(), self);
        date(metrics, t("Adjudicación estimada"), t.estimatedAwardAt(), self);
        date(metrics, t("Adjudicada"), t.awardedAt(), self);
        if (t.contractDuration() != null && !t.contractDuration().isBlank()) {
            metrics.add(new Metric(t("Duración del contrato"), t.contractDuration(), self));
        }
        if (t.complaints() != null) {
            metrics.add(new Metric(t("Reclamos contra el comprador"), Formats.count(t.complaints()), self));
        }
        if (t.bidders() != null && t.bidders() > 0) {
            metrics.add(new Metric(t("Oferentes"), Formats.count(t.bidders()), self));
        }
        List<Table> out = new ArrayList<>();
        List<String> categories = t.items().stream().map(TenderDetailView.Item::categoryCode)
                .filter(c -> c != null).distinct().toList();
        List<Row> items = t.items().stream().map(i -> new Row(List.of(String.valueOf(i.line()), nz(i.productCode()),
                nz(i.productName()), ((i.quantity() == null ? "" : i.quantity().stripTrailingZeros().toPlainString())
                        + " " + nz(i.unit())).strip()), self)).toList();
        if (!items.isEmpty()) {
            out.add(new Table(t("Ítems solicitados"), List.of(t("Línea"), t("Código UNSPSC"), t("Producto"), t("Cantidad")), items));
        }
        List<Row> awards = t.awards().stream().map(a -> new Row(List.of(nz(a.supplierName()), nz(a.supplierRut()),
                a.quantity() == null ? "" : a.quantity().stripTrailingZeros().toPlainString(),
                a.unitPrice() == null ? "" : FactTables.clp(a.unitPrice().doubleValue())), self)).toList();
        if (!awards.isEmpty()) {
            out.add(new Table(t("Adjudicación"), List.of(t("Proveedor"), "RUT", t("Cantidad"), t("Precio unitario")), awards));
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));
        OrderFilter lastYear = OrderFilter.none().withDates(today.minusDays(364), today);
        if (!categories.isEmpty()) {
            OrderFilter inCategory = lastYear.withCategories(Set.copyOf(categories));
            OrderStats.Totals ct = tables.totals(inCategory);
            metrics.add(new Metric(t("Órdenes en la categoría (12 meses, todo el país)"), Formats.count(ct.orders())
                    + " · " + Formats.clp(ct.amount()) + " · " + t("{0} proveedores", Formats.count(ct.suppliers())),
                    tables.largest(inCategory, 3)));
            if (ct.orders() > 0) {
                out.add(tables.top(t("Quién gana en esta categoría (12 meses)"), t("Proveedor"), inCategory,
                        OrderStats.By.SUPPLIER, ct.amount()));
                tables.prices(inCategory, t("Precios pagados en la categoría (12 meses)")).ifPresent(out::add);
            }
        }
        if (t.buyerCode() != null) {
            OrderFilter buyer = lastYear.withBuyer(t.buyerCode());
            OrderStats.Totals bt = tables.totals(buyer);
            if (bt.orders() > 0) {
                out.add(tables.top(t("Proveedores habituales de este comprador (12 meses)"), t("Proveedor"), buyer,
                        OrderStats.By.SUPPLIER, bt.amount()));
            }
            // the tender itself already says how many complaints its buyer has
            tables.tenderRecord(t.buyerCode()).stream().filter(m -> !m.label().equals(t("Reclamos recibidos por el comprador")))
                    .forEach(metrics::add);
            tables.tenderTable(t.buyerCode(), t.code(), t("Otras licitaciones del comprador")).ifPresent(out::add);
        }
        signals.records(List.of(t.code())).ifPresent(out::add);
        String text = clean(t.name()) + "\n" + clean(t.description());
        return Optional.of(new Facts(AnalysisKind.TENDER, t.code(), nz(t.name()), t("Licitación {0}", t.code()), metrics,
                out, null, text.length() > UNTRUSTED_MAX ? text.substring(0, UNTRUSTED_MAX) + "…" : text));
    }

    private static void date(List<Metric> metrics, String label, Instant at, List<Source> sources) {
        if (at != null) {
            metrics.add(new Metric(label, Formats.dateTime(at), sources));
        }
    }

    private static String nz(String s) {
        return FactTables.nz(s);
    }

    /** Text a tender carries, as plain text: HTML removed, whitespace collapsed. */
    private static String clean(String s) {
        return s == null ? "" : Jsoup.parse(s).text().replaceAll("\\s+", " ").strip();
    }
}
