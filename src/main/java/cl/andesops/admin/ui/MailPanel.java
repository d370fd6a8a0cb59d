package cl.andesops.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.textfield.TextField;

import cl.andesops.alerts.MailAdmin;
import cl.andesops.shared.format.Formats;

/**
 * The mail of the alerts: whether it is configured (server, masked sender), what waits and what failed with its
 * reason, and a "Probar" that sends a test mail now.
 */
class MailPanel extends Div {

    final Paragraph status = new Paragraph();
    final Grid<cl.andesops.alerts.MailFailure> failures = new Grid<>();
    final TextField to = new TextField();
    final Button test = new Button();
    private final MailAdmin mail;

    MailPanel(MailAdmin mail) {
        this.mail = mail;
        setId("mail-panel");
        status.setId("mail-status");
        to.setId("mail-test-to");
        to.setLabel(getTranslation("admin.mail.to"));
        to.setHelperText(getTranslation("admin.mail.to.help"));
        test.setId("mail-test");
        test.setText(getTranslation("admin.mail.test"));
        test.addThemeVariants(ButtonVariant.LUMO_SMALL);
        test.addClickListener(e -> {
            boolean queued = mail.test(to.getValue(), getLocale());
            status.setText(getTranslation(queued ? "admin.mail.test.queued" : "admin.mail.test.refused"));
            getUI().ifPresent(ui -> ui.access(() -> { }));
        });
        HorizontalLayout row = new HorizontalLayout(to, test);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        failures.setId("mail-failures");
        failures.addColumn(f -> Formats.dateTime(f.createdAt())).setHeader(getTranslation("admin.mail.when"))
                .setAutoWidth(true);
        failures.addColumn(f -> f.kind()).setHeader(getTranslation("admin.mail.kind")).setAutoWidth(true);
        failures.addColumn(f -> f.to()).setHeader(getTranslation("admin.mail.recipient")).setAutoWidth(true);
        failures.addColumn(f -> f.attempts() + " · " + f.state()).setHeader(getTranslation("admin.mail.attempts"))
                .setAutoWidth(true);
        failures.addColumn(f -> f.error()).setHeader(getTranslation("admin.mail.error")).setFlexGrow(1);
        failures.setAllRowsVisible(true);
        add(status, row, failures);
        refresh();
    }

    void refresh() {
        MailAdmin.Status s = mail.status();
        status.setText(s.configured() ? getTranslation("admin.mail.on", s.server(), s.from(), s.queued(), s.retrying(),
                s.sent24h(), s.failed()) : getTranslation("admin.mail.off", s.queued()));
        test.setEnabled(s.configured());
        failures.setItems(s.failures());
        failures.setVisible(!s.failures().isEmpty());
    }
}
