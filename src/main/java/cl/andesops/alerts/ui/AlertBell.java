package cl.andesops.alerts.ui;

import java.time.Duration;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import cl.andesops.alerts.AlertKey;
import cl.andesops.alerts.Alerts;
import cl.andesops.alerts.Watchlist;
import cl.andesops.shared.ui.CoalescedPush;

/** The header's bell: a link to /alerts with the count of new alerts, moved by push when the matching finds more. */
class AlertBell extends Anchor {

    private final Watchlist watchlist;
    private final Alerts alerts;
    private final AlertBells bells;
    private final Span count = new Span();
    private Runnable unsubscribe;

    AlertBell(Watchlist watchlist, Alerts alerts, AlertBells bells) {
        super("alerts", "");
        this.watchlist = watchlist;
        this.alerts = alerts;
        this.bells = bells;
        setId("alert-bell");
        addClassName("alert-bell");
        count.setId("alert-count");
        count.addClassName("alert-count");
        count.getElement().getThemeList().add("badge pill error small");
        add(VaadinIcon.BELL_O.create(), count);
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        UI ui = e.getUI();
        var key = VisitorKey.current(watchlist);
        show(key.map(alerts::unseen).orElse(0L));
        key.ifPresent(k -> {
            CoalescedPush push = new CoalescedPush(ui, Duration.ofMillis(200), () -> show(alerts.unseen(k)));
            unsubscribe = bells.add(k.id(), push::request);
        });
    }

    @Override
    protected void onDetach(DetachEvent e) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(e);
    }

    /** After the visitor made a key on this page (a first save or follow): the bell listens for it from now on. */
    void listen(AlertKey key) {
        if (unsubscribe == null) {
            getUI().ifPresent(ui -> {
                CoalescedPush push = new CoalescedPush(ui, Duration.ofMillis(200), () -> show(alerts.unseen(key)));
                unsubscribe = bells.add(key.id(), push::request);
            });
        }
    }

    void show(long n) {
        count.setText(n > 99 ? "99+" : Long.toString(n));
        count.setVisible(n > 0);
        getElement().setAttribute("aria-label", n > 0 ? getTranslation("alerts.bell.new", n)
                : getTranslation("alerts.bell.none"));
        getElement().setAttribute("title", getElement().getAttribute("aria-label"));
    }
}
