package cl.andesops.alerts.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import cl.andesops.alerts.AlertKey;
import cl.andesops.alerts.Alerts;
import cl.andesops.alerts.Follow;
import cl.andesops.alerts.WatchException;
import cl.andesops.alerts.Watchlist;
import cl.andesops.shared.ui.Watching;

/** The alerts' buttons and bell for the other screens. */
@org.springframework.stereotype.Component
class WatchingUi implements Watching {

    private final Watchlist watchlist;
    private final Alerts alerts;
    private final AlertBells bells;

    WatchingUi(Watchlist watchlist, Alerts alerts, AlertBells bells) {
        this.watchlist = watchlist;
        this.alerts = alerts;
        this.bells = bells;
    }

    @Override
    public Component bell() {
        return new AlertBell(watchlist, alerts, bells);
    }

    @Override
    public Component follow(String path) {
        Button b = new Button();
        b.setId("follow");
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Runnable show = () -> {
            boolean on = VisitorKey.current(watchlist).flatMap(k -> following(k, path)).isPresent();
            b.setText(b.getTranslation(on ? "alerts.follow.on" : "alerts.follow"));
            b.setIcon(on ? VaadinIcon.CHECK.create() : VaadinIcon.BELL_O.create());
            b.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        };
        show.run();
        b.addClickListener(e -> {
            AlertKey k = VisitorKey.ensure(watchlist, UI.getCurrent().getLocale());
            var existing = following(k, path);
            try {
                if (existing.isPresent()) {
                    watchlist.unfollow(k, existing.get().id());
                    notify(b.getTranslation("alerts.follow.removed"), false);
                } else {
                    Follow f = watchlist.follow(k, path);
                    notify(b.getTranslation("alerts.follow.added", f.label()), false);
                    listen(k);
                }
            } catch (WatchException x) {
                notify(b.getTranslation(x.key(), x.args()), true);
            }
            show.run();
        });
        return b;
    }

    private java.util.Optional<Follow> following(AlertKey k, String path) {
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return java.util.Optional.empty();
        }
        Follow.Kind kind = switch (path.substring(0, slash + 1)) {
            case "/tenders/" -> Follow.Kind.TENDER;
            case "/compra-agil/" -> Follow.Kind.COMPRA_AGIL;
            case "/buyers/" -> Follow.Kind.BUYER;
            case "/suppliers/" -> Follow.Kind.SUPPLIER;
            default -> null;
        };
        return kind == null ? java.util.Optional.empty() : watchlist.following(k, kind, path.substring(slash + 1));
    }

    @Override
    public Component saveSearch(Supplier<String> address) {
        Button b = new Button(VaadinIcon.BELL_O.create());
        b.setText(b.getTranslation("alerts.save"));
        b.setId("save-search");
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.addClickListener(e -> new SaveSearchDialog(watchlist, address.get(), this::listen).open());
        return b;
    }

    /** After a first save or follow on this page, the header's bell listens for the new key. */
    private void listen(AlertKey k) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            findBell(ui).ifPresent(bell -> bell.listen(k));
        }
    }

    private static java.util.Optional<AlertBell> findBell(Component root) {
        if (root instanceof AlertBell b) {
            return java.util.Optional.of(b);
        }
        return root.getChildren().map(WatchingUi::findBell).flatMap(java.util.Optional::stream).findFirst();
    }

    static void notify(String text, boolean error) {
        Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
