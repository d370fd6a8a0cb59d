package cl.andesops.admin.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cl.andesops.admin.AdminService;
import cl.andesops.opendata.Dataset;
import cl.andesops.opendata.ImportService;
import cl.andesops.shared.format.Formats;

/**
 * History from ChileCompra's monthly open data: import (or re-import) a range of months of a dataset, pause and
 * resume, what the worker is doing, and each month's outcome with its rejected rows to download.
 */
class HistoryPanel extends Div {

    final Select<Dataset> dataset = new Select<>();
    final TextField from = new TextField();
    final TextField to = new TextField();
    final Button start = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    final Span current = new Span();
    final Grid<ImportService.Month> months = new Grid<>();
    private final AdminService admin;

    HistoryPanel(AdminService admin, LocalDate today) {
        this.admin = admin;
        setId("admin-history");
        dataset.setLabel(getTranslation("admin.history.dataset"));
        dataset.setItems(Dataset.values());
        dataset.setItemLabelGenerator(d -> getTranslation("admin.history.dataset." + d.key()));
        dataset.setValue(Dataset.OC);
        String last = YearMonth.from(today).minusMonths(1).toString();
        for (TextField f : new TextField[]{from, to}) {
            f.setPattern("\\d{4}-\\d{2}");
            f.setPlaceholder("AAAA-MM");
            f.setWidth("8rem");
            f.setValue(last);
        }
        from.setLabel(getTranslation("admin.history.from"));
        to.setLabel(getTranslation("admin.history.to"));
        from.setId("history-from");
        to.setId("history-to");
        start.setId("history-start");
        start.setText(getTranslation("admin.history.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> importRange());
        pause.setText(getTranslation("admin.sync.pause"));
        pause.addClickListener(e -> {
            admin.pauseImports();
            refresh();
        });
        resume.setText(getTranslation("admin.sync.resume"));
        resume.addClickListener(e -> {
            admin.resumeImports();
            refresh();
        });
        HorizontalLayout controls = new HorizontalLayout(dataset, from, to, start, pause, resume);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        current.setId("history-current");
        months.setId("history-months");
        months.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        months.addColumn(m -> getTranslation("admin.history.dataset." + m.dataset()))
                .setHeader(getTranslation("admin.history.dataset")).setAutoWidth(true);
        months.addColumn(ImportService.Month::month).setHeader(getTranslation("admin.history.month")).setAutoWidth(true);
        months.addColumn(m -> getTranslation("admin.history.state." + m.state()))
                .setHeader(getTranslation("admin.job.state")).setAutoWidth(true);
        months.addColumn(m -> Formats.count(m.rows())).setHeader(getTranslation("admin.history.rows"))
                .setAutoWidth(true);
        months.addColumn(m -> Formats.count(m.records())).setHeader(getTranslation("admin.history.records"))
                .setAutoWidth(true);
        months.addComponentColumn(this::rejected).setHeader(getTranslation("admin.history.rejected"))
                .setAutoWidth(true);
        months.addColumn(m -> m.finishedAt() == null ? "" : Formats.dateTime(m.finishedAt()))
                .setHeader(getTranslation("admin.history.finished")).setAutoWidth(true);
        // a reason is a sentence: whole in its tooltip (hover and focus) when the column cuts it
        months.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("admin.job.error"))
                .setFlexGrow(1).setTooltipGenerator(m -> m.lastError() == null ? "" : m.lastError());
        months.addComponentColumn(this::discard).setHeader(getTranslation("admin.history.again")).setAutoWidth(true);
        months.setAllRowsVisible(true);
        add(controls, current, months);
        refresh();
    }

    private void importRange() {
        try {
            YearMonth a = YearMonth.parse(from.getValue().strip());
            YearMonth b = YearMonth.parse(to.getValue().strip());
            int n = admin.importMonths(dataset.getValue(), a, b);
            Notification.show(getTranslation("admin.history.queued", n));
        } catch (DateTimeParseException e) {
            Notification.show(getTranslation("admin.history.badmonth"));
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage());
        }
        refresh();
    }

    /** The rejected rows of a month: their count, and a CSV of where and why when there are any. */
    private Div rejected(ImportService.Month m) {
        Div d = new Div(new Span(Formats.count(m.rejected())));
        if (m.rejected() > 0) {
            Dataset ds = Dataset.of(m.dataset()).orElseThrow();
            YearMonth month = YearMonth.parse(m.month());
            Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] body = admin.rejectionsCsv(ds, month).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(body),
                        "rechazadas-" + ds.key() + "-" + month + ".csv", "text/csv", body.length);
            }), " CSV");
            csv.getElement().setAttribute("download", true);
            d.add(csv);
        }
        return d;
    }

    /**
     * Discards a month's file and progress and fetches it again: for a month that failed, or whose file ChileCompra
     * has fixed since (a re-import of a done month asks only whether it changed).
     */
    private Button discard(ImportService.Month m) {
        Button b = new Button(getTranslation("admin.history.discard"));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.getElement().setAttribute("aria-label", getTranslation("admin.history.discard.label",
                getTranslation("admin.history.dataset." + m.dataset()), m.month()));
        b.setEnabled(!m.state().equals("QUEUED"));
        b.addClickListener(e -> {
            admin.discardMonth(Dataset.of(m.dataset()).orElseThrow(), YearMonth.parse(m.month()));
            Notification.show(getTranslation("admin.history.discarded", m.month()));
            refresh();
        });
        return b;
    }

    /** "2 min 5 s", or "…" while there is no pace yet. */
    private String left(long seconds) {
        return seconds < 0 ? "…" : seconds >= 60 ? getTranslation("admin.history.minutes", seconds / 60, seconds % 60)
                : getTranslation("admin.history.seconds", seconds);
    }

    void refresh() {
        ImportService.Status s = admin.imports();
        months.setItems(s.months());
        pause.setEnabled(!s.paused());
        resume.setEnabled(s.paused());
        ImportService.Current c = s.current();
        current.setText(c == null ? getTranslation(s.paused() ? "admin.history.paused" : "admin.history.idle")
                : c.phase().equals("DOWNLOADING")
                ? getTranslation("admin.history.downloading", c.dataset(), c.month(), Formats.count(c.bytesDone() / 1_000),
                c.bytesTotal() <= 0 ? "?" : Formats.count(c.bytesTotal() / 1_000))
                : getTranslation("admin.history.importing", c.dataset(), c.month(), Formats.count(c.rows()),
                Formats.count(Math.round(c.rowsPerSecond())), c.percent(), left(admin.importSecondsLeft())));
    }
}
