package cl.andesops.parties.ui;

import java.io.OutputStream;

import com.vaadin.flow.component.Component;

/** The profile PDF writer, for the tests of other packages. */
public final class ProfilePdfAccess {

    private ProfilePdfAccess() {
    }

    public static void write(Component view, String url, boolean simulated, OutputStream out) {
        ProfilePdf.write(view, url, simulated, view.getTranslation("pdf.simulated"), "generado", out);
    }
}
