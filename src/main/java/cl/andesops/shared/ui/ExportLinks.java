package cl.andesops.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
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
        HorizontalLayout links = new HorizontalLayout(icon, c, x);
        links.setAlignItems(FlexComponent.Alignment.CENTER);
        links.addClassName("exports");
        return links;
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
