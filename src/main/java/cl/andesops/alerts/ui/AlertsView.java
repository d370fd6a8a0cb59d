package cl.andesops.alerts.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.alerts.Alert;
import cl.andesops.alerts.AlertKey;
import cl.andesops.alerts.AlertWords;
import cl.andesops.alerts.Alerts;
import cl.andesops.alerts.AlertsProperties;
import cl.andesops.alerts.Follow;
import cl.andesops.alerts.MailFlow;
import cl.andesops.alerts.SavedSearch;
import cl.andesops.alerts.Watchlist;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;

/**
 * A visitor's alerts, newest first, each linking to its record; its saved searches with their mail and feed; what it
 * follows with its calendar; and its private key, shown as a link to open all this on another device, and replaced
 * on demand. Opening {@code /alerts?clave=…} (that link) keeps the key in this browser.
 */
@Route(value = "alerts", layout = MainLayout.class)
@Menu(title = "nav.alerts", order = 7, icon = "vaadin:bell-o")
@AnonymousAllowed
public class AlertsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 50;

    private final Watchlist watchlist;
    private final Alerts alerts;
    private final MailFlow mail;
    private final AlertBells bells;
    private final AlertsProperties properties;
    private final Clock clock;
    final Div news = new Div();
    final Div searches = new Div();
    final Div follows = new Div();
    final Div keyPart = new Div();
    private int shown;

    AlertsView(Watchlist watchlist, Alerts alerts, MailFlow mail, AlertBells bells, AlertsProperties properties,
               Clock clock) {
        this.watchlist = watchlist;
        this.alerts = alerts;
        this.mail = mail;
        this.bells = bells;
        this.properties = properties;
        this.clock = clock;
        setId("alerts-view");
        addClassName("view");
        news.setId("alert-list");
        searches.setId("saved-searches");
        follows.setId("follows");
        keyPart.setId("alert-key");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.alerts") + " · AndesOps";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String clave = event.getLocation().getQueryParameters().getSingleParameter("clave").orElse(null);
        if (clave != null) {
            if (watchlist.key(clave).isPresent()) {
                VisitorKey.remember(clave);
            } else {
                WatchingUi.notify(getTranslation("alerts.key.invalid"), true);
            }
            // the key leaves the address bar (and the history) at once
            event.getUI().getPage().getHistory().replaceState(null, new Location("alerts"));
        }
        build();
    }

    void build() {
        removeAll();
        Div header = new Div(new H1(getTranslation("alerts.title")), new Paragraph(getTranslation("alerts.subtitle")));
        header.addClassName("view-header");
        add(header);
        Optional<AlertKey> key = VisitorKey.current(watchlist);
        if (key.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("alerts.nokey"));
            none.setId("alerts-none");
            add(none);
            return;
        }
        AlertKey k = key.get();
        add(new H2(getTranslation("alerts.news")), news);
        shown = 0;
        news.removeAll();
        more(k);
        add(new H2(getTranslation("alerts.searches")), searches);
        showSearches(k);
        add(new H2(getTranslation("alerts.follows")), follows);
        showFollows(k);
        add(new H2(getTranslation("alerts.key")), keyPart);
        showKey(k);
        alerts.markSeen(k);
        bells.refresh(k.id());
    }

    private void more(AlertKey k) {
        List<Alert> page = alerts.page(k, shown, PAGE);
        news.getChildren().filter(c -> "alerts-more".equals(c.getId().orElse(null))).toList()
                .forEach(news::remove);
        if (shown == 0 && page.isEmpty()) {
            news.add(new Paragraph(getTranslation("alerts.news.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("alert-items");
        for (Alert a : page) {
            Anchor record = new Anchor(a.path().substring(1), a.title() == null || a.title().isBlank() ? a.code()
                    : a.title());
            Span what = new Span(AlertWords.what(a, getLocale()));
            what.addClassName("alert-what");
            Span when = new Span(Formats.relative(a.createdAt(), clock.instant(), getLocale()));
            when.addClassName("alert-when");
            ListItem item = new ListItem(record, new Span(" · " + a.code() + " · "), what, new Span(" · "), when);
            if (a.seenAt() == null) {
                item.addClassName("alert-new");
            }
            list.add(item);
        }
        news.add(list);
        shown += page.size();
        if (page.size() == PAGE) {
            Button more = new Button(getTranslation("alerts.more"), e -> more(k));
            more.setId("alerts-more");
            news.add(more);
        }
    }

    private void showSearches(AlertKey k) {
        searches.removeAll();
        List<SavedSearch> all = watchlist.searches(k);
        if (all.isEmpty()) {
            searches.add(new Paragraph(getTranslation("alerts.searches.none")));
            return;
        }
        var addresses = mail.addresses(k);
        UnorderedList list = new UnorderedList();
        list.addClassName("alert-items");
        for (SavedSearch s : all) {
            String masked = addresses.stream().filter(a -> a.id().equals(s.addressId())).findFirst()
                    .map(a -> a.masked()).orElse("");
            Anchor name = new Anchor(s.path().substring(1), s.name());
            Span state = new Span(getTranslation("alerts.mail." + s.mail().name(), masked,
                    getTranslation("alerts.digest." + s.digest().name())));
            state.addClassName("alert-what");
            Anchor feed = new Anchor(base() + "/api/v1/alerts/feeds/" + s.feedToken(),
                    getTranslation("alerts.feed"));
            feed.getElement().setAttribute("type", "application/atom+xml");
            Div actions = new Div(feed);
            actions.addClassName("alert-actions");
            if (s.mail() == SavedSearch.Mail.ON || s.mail() == SavedSearch.Mail.PENDING) {
                Button stop = new Button(getTranslation("alerts.mail.stop.button"), e -> {
                    watchlist.stopMail(k, s.id());
                    showSearches(k);
                });
                stop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                actions.add(stop);
            }
            Button delete = new Button(getTranslation("alerts.delete"), e -> {
                watchlist.delete(k, s.id());
                showSearches(k);
            });
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", getTranslation("alerts.delete.named", s.name()));
            actions.add(delete);
            list.add(new ListItem(name, new Span(" · "), state, actions));
        }
        searches.add(list);
    }

    private void showFollows(AlertKey k) {
        follows.removeAll();
        List<Follow> all = watchlist.follows(k);
        if (all.isEmpty()) {
            follows.add(new Paragraph(getTranslation("alerts.follows.none")));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("alert-items");
            for (Follow f : all) {
                Anchor name = new Anchor(f.path().substring(1), f.label() == null ? f.code() : f.label());
                Span kind = new Span(" · " + getTranslation("alerts.kind." + f.kind().name()));
                Button stop = new Button(getTranslation("alerts.unfollow"), e -> {
                    watchlist.unfollow(k, f.id());
                    showFollows(k);
                });
                stop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                stop.getElement().setAttribute("aria-label", getTranslation("alerts.unfollow.named",
                        f.label() == null ? f.code() : f.label()));
                list.add(new ListItem(name, kind, stop));
            }
            follows.add(list);
        }
        String ics = base() + "/api/v1/alerts/calendar/" + k.feedToken() + ".ics";
        Anchor webcal = new Anchor();
        webcal.setUnsafeHref(ics.replaceFirst("^https?://", "webcal://")); // our own calendar, in the scheme apps open
        webcal.setText(getTranslation("alerts.calendar"));
        webcal.setId("calendar-link");
        Anchor download = new Anchor(ics, getTranslation("alerts.calendar.file"));
        Anchor feed = new Anchor(base() + "/api/v1/alerts/feeds/" + k.feedToken(),
                getTranslation("alerts.feed.all"));
        feed.setId("key-feed");
        Div links = new Div(webcal, new Span(" · "), download, new Span(" · "), feed);
        links.addClassName("alert-actions");
        follows.add(links);
    }

    /** The app's address as this visitor reached it (or the one configured). */
    private String base() {
        return properties.base(cl.andesops.shared.ui.UrlParams.baseUrl());
    }

    private void showKey(AlertKey k) {
        keyPart.removeAll();
        Paragraph about = new Paragraph(getTranslation("alerts.key.about"));
        keyPart.add(about);
        Optional<String> secret = VisitorKey.secret();
        TextField link = new TextField(getTranslation("alerts.key.link"));
        link.setId("private-link");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setValue(secret.map(s -> base() + "/alerts?clave=" + s).orElse(""));
        Button replace = new Button(getTranslation("alerts.key.replace"), e -> {
            Dialog d = new Dialog();
            d.setId("replace-key-dialog");
            d.setHeaderTitle(getTranslation("alerts.key.replace"));
            d.add(new Paragraph(getTranslation("alerts.key.replace.ask")));
            Button yes = new Button(getTranslation("alerts.key.replace.confirm"), x -> {
                Watchlist.NewKey fresh = watchlist.replace(k);
                VisitorKey.remember(fresh.secret());
                d.close();
                build();
                WatchingUi.notify(getTranslation("alerts.key.replaced"), false);
            });
            yes.setId("replace-key-confirm");
            yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            Button no = new Button(getTranslation("alerts.cancel"), x -> d.close());
            no.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            d.getFooter().add(no, yes);
            d.open();
        });
        replace.setId("replace-key");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        keyPart.add(link, replace);
    }
}
