package cl.andesops.alerts.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import cl.andesops.alerts.AlertKey;
import cl.andesops.alerts.SavedSearch;
import cl.andesops.alerts.SavedSearch.Digest;
import cl.andesops.alerts.WatchException;
import cl.andesops.alerts.Watchlist;

/**
 * Saves the list's filter under a name; with an address, it says plainly that mail will come (after a confirmation
 * link), how often, and that each mail can stop it.
 */
class SaveSearchDialog extends Dialog {

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final Select<Digest> digest = new Select<>();
    final Select<Integer> hour = new Select<>();
    final Paragraph mailNotice = new Paragraph();

    SaveSearchDialog(Watchlist watchlist, String address, Consumer<AlertKey> saved) {
        setId("save-search-dialog");
        setHeaderTitle(getTranslation("alerts.save.title"));
        name.setLabel(getTranslation("alerts.save.name"));
        name.setId("save-search-name");
        name.setRequired(true);
        name.setMaxLength(120);
        name.setWidthFull();
        name.setValue(defaultName(address));
        email.setLabel(getTranslation("alerts.save.email"));
        email.setId("save-search-email");
        email.setHelperText(getTranslation("alerts.save.email.help"));
        email.setClearButtonVisible(true);
        email.setWidthFull();
        digest.setLabel(getTranslation("alerts.save.digest"));
        digest.setId("save-search-digest");
        digest.setItems(Digest.values());
        digest.setItemLabelGenerator(d -> getTranslation("alerts.digest." + d.name()));
        digest.setValue(Digest.IMMEDIATE);
        hour.setLabel(getTranslation("alerts.save.hour"));
        hour.setId("save-search-hour");
        hour.setItems(java.util.stream.IntStream.range(0, 24).boxed().toList());
        hour.setItemLabelGenerator(h -> String.format("%02d:00", h));
        hour.setValue(8);
        mailNotice.setId("save-search-notice");
        mailNotice.addClassName("mail-notice");
        Runnable describe = () -> {
            boolean mail = !email.isEmpty();
            digest.setEnabled(mail);
            hour.setVisible(mail && digest.getValue() != Digest.IMMEDIATE);
            mailNotice.setText(mail ? getTranslation("alerts.save.notice.mail",
                    getTranslation("alerts.digest.when." + digest.getValue().name(), String.format("%02d:00",
                            hour.getValue()))) : getTranslation("alerts.save.notice.none"));
        };
        email.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        email.addValueChangeListener(e -> describe.run());
        digest.addValueChangeListener(e -> describe.run());
        hour.addValueChangeListener(e -> describe.run());
        describe.run();
        Paragraph scope = new Paragraph(getTranslation(address.startsWith("/?") || address.equals("/")
                ? "alerts.save.scope.orders" : "alerts.save.scope"));
        scope.addClassName("dialog-note");
        VerticalLayout body = new VerticalLayout(name, email, digest, hour, mailNotice, scope);
        body.setPadding(false);
        add(body);
        Button save = new Button(getTranslation("alerts.save.button"), e -> {
            try {
                AlertKey k = VisitorKey.ensure(watchlist, getLocale());
                SavedSearch s = watchlist.save(k, name.getValue(), address, email.isEmpty() ? null : email.getValue(),
                        digest.getValue(), hour.getValue());
                WatchingUi.notify(getTranslation(s.mail() == SavedSearch.Mail.PENDING ? "alerts.save.done.pending"
                        : "alerts.save.done", s.name()), false);
                saved.accept(k);
                close();
            } catch (WatchException x) {
                (x.key().equals("alerts.error.email") ? email : name).setErrorMessage(getTranslation(x.key(),
                        x.args()));
                (x.key().equals("alerts.error.email") ? (com.vaadin.flow.component.HasValidation) email : name)
                        .setInvalid(true);
            }
        });
        save.setId("save-search-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("alerts.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }

    /** The filter's words, or the list's name, as the search's first name. */
    private String defaultName(String address) {
        var p = cl.andesops.shared.format.QueryValues.parse(address.contains("?")
                ? address.substring(address.indexOf('?') + 1) : "");
        String q = cl.andesops.shared.format.QueryValues.first(p, "q");
        String list = getTranslation(address.startsWith("/tenders") ? "nav.tenders"
                : address.startsWith("/compra-agil") ? "nav.compraagil" : "alerts.orders");
        return q == null ? list : list + ": " + (q.length() > 80 ? q.substring(0, 80) : q);
    }
}
