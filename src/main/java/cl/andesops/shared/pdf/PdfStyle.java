package cl.andesops.shared.pdf;

import java.awt.Color;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/** The look of AndesOps' PDF reports (an analysis, a profile): fonts, headings, tables. */
public final class PdfStyle {

    public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    public static final Font H = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9.5f);
    public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    public static final Font CELL_HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8, Color.WHITE);
    public static final Font LINK = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.UNDERLINE,
            new Color(0x1a, 0x5f, 0xb4));
    public static final Font WARNING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10, new Color(0xb0, 0x3a, 0x00));

    private PdfStyle() {
    }

    /** A section's heading. */
    public static void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14));
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    /** A table's title, smaller than a section's heading. */
    public static void subheading(Document doc, String text) {
        Paragraph p = new Paragraph(text, H);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    public static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3);
        c.setBorderColor(new Color(0xdd, 0xdd, 0xdd));
        return c;
    }

    public static PdfPCell head(String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, CELL_HEAD));
        c.setBackgroundColor(new Color(0x2c, 0x3e, 0x50));
        c.setPadding(3);
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        return c;
    }

    /** A full-width table with its header row repeated on each page. */
    public static PdfPTable table(java.util.List<String> columns) {
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String c : columns) {
            table.addCell(head(c));
        }
        return table;
    }
}
