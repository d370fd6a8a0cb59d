package cl.andesops.analysis;

import java.util.List;

/**
 * The figures an analysis stands on, computed in SQL. Every metric and every table row names the records behind
 * it, so the narrative can cite them and the screen can link them. Serialised as JSON into the analysis cache.
 */
public record Facts(AnalysisKind kind, String subject, String title, String subtitle, List<Metric> metrics,
                    List<Table> tables, Series trend, String untrustedText, String profile) {

    /**
     * {@code profile}: the subject's profile, relative to the app (a buyer's by its code; a supplier's by the RUT its
     * records carry), null for a tender or a market slice.
     */
    public Facts(AnalysisKind kind, String subject, String title, String subtitle, List<Metric> metrics,
                 List<Table> tables, Series trend, String untrustedText) {
        this(kind, subject, title, subtitle, metrics, tables, trend, untrustedText,
                kind == AnalysisKind.BUYER ? cl.andesops.shared.format.PartyKeys.buyerPath(subject) : null);
    }

    /** A record the facts stand on; {@code type} says where it lives. */
    public record Source(String code, SourceType type) {
    }

    public enum SourceType {
        ORDER, TENDER, COMPRA_AGIL;

        public String appPath(String code) {
            return switch (this) {
                case ORDER -> "orders/" + code;
                case TENDER -> "tenders/" + code;
                case COMPRA_AGIL -> "compra-agil/" + code;
            };
        }

        public String officialUrl(String code) {
            return switch (this) {
                case ORDER -> "https://www.mercadopublico.cl/PurchaseOrder/Modules/PO/DetailsPurchaseOrder.aspx?codigoOC="
                        + code;
                case TENDER -> "https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion="
                        + code;
                case COMPRA_AGIL -> "https://buscador.mercadopublico.cl/ficha?code=" + code;
            };
        }
    }

    public record Metric(String label, String value, List<Source> sources) {
    }

    /**
     * A table's row: its cells, the records it stands on, and for each cell the profile it names (a buyer, a
     * supplier, a product; relative to the app's root), empty for none ({@code links} may be shorter than the cells;
     * analyses saved before it had none).
     */
    public record Row(List<String> cells, List<Source> sources, List<String> links) {
        public Row {
            links = links == null ? List.of() : links.stream().map(l -> l == null ? "" : l).toList();
        }

        public Row(List<String> cells, List<Source> sources) {
            this(cells, sources, List.of());
        }

        /** The profile the cell names, or null. */
        public String link(int cell) {
            return cell < links.size() && !links.get(cell).isEmpty() ? links.get(cell) : null;
        }
    }

    public record Table(String title, List<String> columns, List<Row> rows) {
    }

    /** A time series for the chart: labels (months or days) and values (amount in CLP and order counts). */
    public record Series(String title, List<String> labels, List<Long> amounts, List<Long> counts) {
    }

    /** Every record cited anywhere in these facts, without repeats, in order of appearance. */
    public List<Source> sources() {
        java.util.LinkedHashMap<String, Source> all = new java.util.LinkedHashMap<>();
        metrics.forEach(m -> m.sources().forEach(s -> all.putIfAbsent(s.code(), s)));
        tables.forEach(t -> t.rows().forEach(r -> r.sources().forEach(s -> all.putIfAbsent(s.code(), s))));
        return List.copyOf(all.values());
    }

    public boolean isEmpty() {
        return metrics.isEmpty() && tables.isEmpty();
    }

    /** Every name a table row links to its profile (name → path), longest names first, as the narrative links them. */
    public java.util.Map<String, String> partyLinks() {
        java.util.Map<String, String> out = new java.util.TreeMap<>(java.util.Comparator.comparingInt(String::length)
                .reversed().thenComparing(java.util.Comparator.naturalOrder()));
        for (Table t : tables) {
            for (Row r : t.rows()) {
                for (int i = 0; i < r.cells().size(); i++) {
                    String link = r.link(i);
                    if (link != null && r.cells().get(i) != null && r.cells().get(i).strip().length() >= 6) {
                        out.putIfAbsent(r.cells().get(i).strip(), link);
                    }
                }
            }
        }
        return out;
    }
}
