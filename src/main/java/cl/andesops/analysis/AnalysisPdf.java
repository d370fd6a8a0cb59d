package cl.andesops.analysis;

import static cl.andesops.shared.pdf.PdfStyle.*;

import java.io.OutputStream;
import java.util.List;

import org.openpdf.text.Anchor;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import cl.andesops.analysis.Facts.Source;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.pdf.PdfStyle;

/** An analysis as a PDF report: title, facts tables, the narrative, and every source with its official link. */
public final class AnalysisPdf {

    private static final int MAX_SOURCES = 200;

    private AnalysisPdf() {
    }

    public static void write(Analysis a, String shareUrl, OutputStream out) {
        write(a, shareUrl, false, cl.andesops.shared.I18n.SPANISH, out);
    }

    public static void write(Analysis a, String shareUrl, boolean simulated, OutputStream out) {
        write(a, shareUrl, simulated, cl.andesops.shared.I18n.SPANISH, out);
    }

    /**
     * With {@code simulated}: the records are the simulator's, said at the top, and no official link is given. The
     * report's own words follow {@code locale}; the facts are written as they were computed.
     */
    public static void write(Analysis a, String shareUrl, boolean simulated, java.util.Locale locale,
                             OutputStream out) {
        java.util.function.BiFunction<String, Object[], String> t = (key, args) ->
                cl.andesops.shared.I18n.text(locale, key, args);
        Document doc = new Document(PageSize.A4, 42, 42, 48, 48);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(a.facts().title());
        doc.addCreator("AndesOps");
        doc.open();
        Facts f = a.facts();
        if (simulated) {
            doc.add(new Paragraph(t.apply("pdf.simulated", new Object[0]), WARNING));
        }
        doc.add(new Paragraph(t.apply("pdf.kind", new Object[]{t.apply("analysis.kind." + f.kind().param(),
                new Object[0]).toLowerCase(locale)}), SMALL));
        Paragraph title = new Paragraph(f.title(), TITLE);
        title.setSpacingAfter(2);
        doc.add(title);
        doc.add(new Paragraph(f.subtitle() + " · " + t.apply("pdf.generated", new Object[]{Formats.dateTime(a.createdAt())})
                + " · " + (a.hasNarrative() ? t.apply("pdf.narrativeby", new Object[]{a.model()})
                : t.apply("pdf.factsonly", new Object[0])), SMALL));
        if (shareUrl != null) {
            Anchor link = new Anchor(shareUrl, LINK);
            link.setReference(shareUrl);
            doc.add(new Paragraph(link));
        }

        heading(doc, t.apply("analysis.facts", new Object[0]));
        PdfPTable metrics = new PdfPTable(new float[]{2.2f, 4f});
        metrics.setWidthPercentage(100);
        for (Facts.Metric m : f.metrics()) {
            metrics.addCell(cell(m.label(), SMALL));
            metrics.addCell(cell(m.value() + codes(m.sources()), BODY));
        }
        doc.add(metrics);
        for (Facts.Table tab : f.tables()) {
            subheading(doc, tab.title());
            List<String> columns = new java.util.ArrayList<>(tab.columns());
            columns.add(t.apply("pdf.sources", new Object[0]));
            PdfPTable table = PdfStyle.table(columns);
            for (Facts.Row r : tab.rows()) {
                r.cells().forEach(c -> table.addCell(cell(c, SMALL)));
                table.addCell(cell(codes(r.sources()).strip(), SMALL));
            }
            doc.add(table);
        }

        heading(doc, t.apply("analysis.narrative", new Object[0]));
        if (a.hasNarrative()) {
            for (String[] block : Narrative.blocks(a.narrative())) {
                switch (block[0]) {
                    case "h" -> {
                        Paragraph p = new Paragraph(block[1], H);
                        p.setSpacingBefore(8);
                        doc.add(p);
                    }
                    case "li" -> doc.add(new Paragraph("•  " + block[1], BODY));
                    default -> {
                        Paragraph p = new Paragraph(block[1], BODY);
                        p.setSpacingAfter(4);
                        doc.add(p);
                    }
                }
            }
            doc.add(new Paragraph(t.apply("analysis.written", new Object[]{a.model(),
                    Formats.count(a.promptTokens()), Formats.count(a.completionTokens())})
                    + (a.tokensEstimated() ? " " + t.apply("analysis.estimated", new Object[0]) : "") + " · "
                    + Formats.count(a.millis()) + " ms", SMALL));
        } else {
            doc.add(new Paragraph(t.apply("analysis.nomodel", new Object[0]), BODY)); // a PDF travels: no operator jargon
        }

        heading(doc, t.apply("pdf.sources", new Object[0]));
        List<Source> sources = f.sources();
        for (Source s : sources.subList(0, Math.min(MAX_SOURCES, sources.size()))) {
            if (simulated) {
                doc.add(new Paragraph(s.code() + "  " + t.apply("pdf.simulatedcode", new Object[0]), SMALL));
                continue;
            }
            Anchor link = new Anchor(s.code() + "  " + s.type().officialUrl(s.code()), LINK);
            link.setReference(s.type().officialUrl(s.code()));
            doc.add(new Paragraph(link));
        }
        if (sources.size() > MAX_SOURCES) {
            doc.add(new Paragraph(t.apply("pdf.more", new Object[]{sources.size() - MAX_SOURCES}), SMALL));
        }
        doc.close();
    }


    private static String codes(List<Source> sources) {
        return sources.isEmpty() ? "" : "  " + String.join(", ", sources.stream().map(Source::code).toList());
    }
}
