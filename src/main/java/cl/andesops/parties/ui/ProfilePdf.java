package cl.andesops.parties.ui;

import static cl.andesops.shared.pdf.PdfStyle.BODY;
import static cl.andesops.shared.pdf.PdfStyle.LINK;
import static cl.andesops.shared.pdf.PdfStyle.SMALL;
import static cl.andesops.shared.pdf.PdfStyle.TITLE;
import static cl.andesops.shared.pdf.PdfStyle.WARNING;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import cl.andesops.shared.pdf.PdfStyle;

/**
 * A profile as a PDF in the analysis' style, written from the page itself: its title and header lines, its figures,
 * and each section's heading, lines and tables, the tables from the rows each grid and chart was given (attached to
 * them as they were built), so the PDF says what the screen says. Charts are given as their tables; the files'
 * and tools' links are left out.
 */
final class ProfilePdf {

    /** A table as the page shows it: its columns and its rows, formatted. */
    record Table(List<String> columns, List<List<String>> rows) {
    }

    /** A figure card's label, value and note. */
    record Figure(String label, String value, String note) {
    }

    private ProfilePdf() {
    }

    /** Attaches the rows a grid or chart shows, for the PDF. */
    static <C extends Component> C table(C component, List<String> columns, List<List<String>> rows) {
        ComponentUtil.setData(component, Table.class, new Table(List.copyOf(columns), List.copyOf(rows)));
        return component;
    }

    static void figure(Component card, String label, String value, String note) {
        ComponentUtil.setData(card, Figure.class, new Figure(label, value, note));
    }

    /** Writes the view's content; {@code url} reopens the same profile and period. */
    static void write(Component view, String url, boolean simulated, String simulatedNote, String generated,
                      OutputStream out) {
        Document doc = new Document(PageSize.A4, 42, 42, 48, 48);
        PdfWriter.getInstance(doc, out);
        doc.addCreator("AndesOps");
        doc.open();
        if (simulated) {
            doc.add(new org.openpdf.text.Paragraph(simulatedNote, WARNING));
        }
        List<Figure> figures = new ArrayList<>();
        walk(view, doc, figures, url, generated);
        flush(doc, figures);
        doc.close();
    }

    private static void walk(Component c, Document doc, List<Figure> figures, String url, String generated) {
        Figure figure = ComponentUtil.getData(c, Figure.class);
        if (figure != null) {
            figures.add(figure);
            return;
        }
        flush(doc, figures);
        Table table = ComponentUtil.getData(c, Table.class);
        if (table != null) {
            PdfPTable t = PdfStyle.table(table.columns());
            for (List<String> row : table.rows()) {
                for (int i = 0; i < table.columns().size(); i++) {
                    t.addCell(PdfStyle.cell(i < row.size() && row.get(i) != null ? row.get(i) : "", SMALL));
                }
            }
            doc.add(t);
            return;
        }
        if (c instanceof H1 h) {
            doc.addTitle(h.getText());
            org.openpdf.text.Paragraph title = new org.openpdf.text.Paragraph(h.getText(), TITLE);
            title.setSpacingAfter(2);
            doc.add(title);
            doc.add(new org.openpdf.text.Paragraph(generated, SMALL));
            org.openpdf.text.Anchor link = new org.openpdf.text.Anchor(url, LINK);
            link.setReference(url);
            doc.add(new org.openpdf.text.Paragraph(link));
            return;
        }
        if (c instanceof H2 h) {
            PdfStyle.heading(doc, h.getText());
            return;
        }
        if (c instanceof Paragraph p) {
            if (!p.getText().isBlank()) {
                org.openpdf.text.Paragraph para = new org.openpdf.text.Paragraph(p.getText(), BODY);
                para.setSpacingAfter(3);
                doc.add(para);
            }
            return;
        }
        if (c instanceof ListItem li) {
            doc.add(new org.openpdf.text.Paragraph("•  " + li.getElement().getTextRecursively(), BODY));
            return;
        }
        if (c instanceof Anchor || c instanceof Details || c instanceof com.vaadin.flow.component.button.Button
                || c instanceof com.vaadin.flow.component.Text || !c.isVisible()) {
            return;
        }
        c.getChildren().forEach(child -> walk(child, doc, figures, url, generated));
    }

    /** The figures met so far, as one two-column table. */
    private static void flush(Document doc, List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        PdfPTable t = new PdfPTable(new float[]{2.2f, 4f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        for (Figure f : figures) {
            t.addCell(PdfStyle.cell(f.label(), SMALL));
            t.addCell(PdfStyle.cell(f.value() + (f.note() == null ? "" : " (" + f.note() + ")"), BODY));
        }
        doc.add(t);
        figures.clear();
    }
}
