package cl.andesops.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

/** The CSV and XLSX download links a list offers, with ids {@code PREFIX-csv} and {@code PREFIX-xlsx}. */
public final class ExportLinks {

    private ExportLinks() {
    }

    public static HorizontalLayout of(Component owner, String idPrefix, DownloadHandler csv, DownloadHandler xlsx) {
        Anchor c = link(owner, idPrefix + "-csv", csv, "CSV");
        Anchor x = link(owner, idPrefix + "-xlsx", xlsx, "XLSX");
        var icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        // a long file says how far it has got, beside its links (a browser's own bar knows no total)
        Span status = new Span();
        status.setId(idPrefix + "-status");
        status.addClassName("export-status");
        status.getElement().setAttribute("role", "status");
        for (DownloadHandler handler : new DownloadHandler[]{csv, xlsx}) {
            if (handler instanceof TableExport<?> export) {
                export.withProgress(progress(owner, status));
            }
        }
        HorizontalLayout links = new HorizontalLayout(icon, c, x, status);
        links.setAlignItems(FlexComponent.Alignment.CENTER);
        links.addClassName("exports");
        return links;
    }

    /** Writes a file's progress into {@code status}, pushed to the page from the thread writing the file. */
    static TableExport.Progress progress(Component owner, Span status) {
        return new TableExport.Progress() {
            @Override
            public void written(long rows, boolean done) {
                show(() -> done ? owner.getTranslation("export.done", rows,
                        cl.andesops.shared.format.Formats.count(rows)) : owner.getTranslation("export.progress",
                        cl.andesops.shared.format.Formats.count(rows)));
            }

            @Override
            public void refused(String why) {
                show(() -> why);
            }

            /** The words are made inside the page's lock, where its language and number style are known. */
            private void show(java.util.function.Supplier<String> text) {
                status.getUI().ifPresent(ui -> CoalescedPush.access(ui, () -> status.setText(text.get())));
            }
        };
    }

    private static Anchor link(Component owner, String id, DownloadHandler handler, String text) {
        Anchor a = new Anchor(handler, text);
        a.setId(id);
        a.getElement().setAttribute("download", true);
        // the name a screen reader says is the visible one (CSV, XLSX); what it does is the description
        a.getElement().setAttribute("title", owner.getTranslation("export.label") + " (" + text + ")");
        return a;
    }
}
