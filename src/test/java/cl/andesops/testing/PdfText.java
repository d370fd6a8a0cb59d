package cl.andesops.testing;

/** The text of a PDF, page after page, as OpenPDF extracts it. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) throws java.io.IOException {
        var reader = new org.openpdf.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p));
        }
        return text.toString();
    }
}
