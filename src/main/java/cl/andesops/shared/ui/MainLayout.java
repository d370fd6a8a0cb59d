package cl.andesops.shared.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import cl.andesops.shared.I18n;
import cl.andesops.shared.StatusIndicator;
import cl.andesops.shared.events.LiveUpdates;

/**
 * The shell around every screen: the app name, a side navigation built from the routes that carry {@code @Menu}
 * (so it lists exactly the screens that exist), status badges, the language and the light/dark switch.
 */
@AnonymousAllowed
public class MainLayout extends AppLayout implements LocaleChangeObserver {

    final SideNav nav = new SideNav();
    final Select<Locale> language = new Select<>();
    final Button themeToggle = new Button();
    final HorizontalLayout badges = new HorizontalLayout();
    private final Span tagline = new Span();
    private final Anchor source = new Anchor("https://www.mercadopublico.cl", "");
    private final List<StatusIndicator> indicators;
    private final LiveUpdates live;
    private final AuthenticationContext auth;
    private final Div account = new Div();
    private Runnable unsubscribe;
    private boolean dark;

    MainLayout(List<StatusIndicator> indicators, LiveUpdates live, AuthenticationContext auth,
               org.springframework.beans.factory.ObjectProvider<Watching> watching) {
        this.indicators = indicators;
        this.live = live;
        this.auth = auth;
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        badges.setId("status-badges");
        badges.setSpacing(false);
        badges.addClassName("status-badges");

        language.setId("language");
        language.setItems(I18n.SPANISH, I18n.ENGLISH);
        language.setItemLabelGenerator(l -> "en".equals(l.getLanguage()) ? "English" : "Español");
        language.addClassName("language-select");
        language.addValueChangeListener(e -> {
            if (e.getValue() != null && !e.getValue().equals(I18n.supported(getLocale()))) {
                LocalePreference.apply(UI.getCurrent(), e.getValue());
            }
        });

        themeToggle.setId("theme-toggle");
        themeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        themeToggle.addClickListener(e -> setDark(!dark, true));

        Div spacer = new Div();
        HorizontalLayout navbar = new HorizontalLayout(toggle, badges, spacer);
        watching.ifAvailable(w -> navbar.add(w.bell()));
        navbar.add(language, themeToggle);
        navbar.setId("navbar");
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setFlexGrow(1, spacer);
        navbar.addClassName("navbar");
        navbar.getElement().setAttribute("role", "banner");
        addToNavbar(navbar);

        Div brand = new Div();
        brand.addClassName("brand");
        Span logo = new Span("▲");
        logo.addClassName("brand-logo");
        Span name = new Span("AndesOps");
        name.setId("app-name");
        name.addClassName("brand-name");
        tagline.addClassName("brand-tagline");
        brand.add(logo, new Div(name, tagline));

        nav.setId("side-nav");
        source.setTarget("_blank");
        account.setId("account");
        account.addClassName("account");
        Div footer = new Div(account, source); // not a contentinfo landmark: it sits inside the navigation
        footer.addClassName("drawer-footer");
        Div drawer = new Div(brand, nav, footer);
        drawer.addClassName("drawer");
        drawer.getElement().setAttribute("role", "navigation");
        drawer.getElement().setAttribute("aria-label", "AndesOps");
        addToDrawer(drawer);
    }

    /** The screen's own content is the page's main landmark (the navbar is its banner, the drawer its navigation). */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().executeJs("var t='';try{t=localStorage.getItem($0)||''}catch(e){}"
                        + "return " + AppShell.DARK_TEST + ";", AppShell.THEME_KEY)
                .then(Boolean.class, isDark -> setDark(Boolean.TRUE.equals(isDark), false));
        localize();
        UI ui = attachEvent.getUI();
        unsubscribe = live.onProgress(p -> CoalescedPush.access(ui, this::buildBadges));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        localize();
    }

    private void localize() {
        tagline.setText(getTranslation("app.tagline"));
        source.setText(getTranslation("app.source"));
        language.setLabel(null);
        language.setAriaLabel(getTranslation("shell.language"));
        language.setValue(I18n.supported(getLocale()));
        updateThemeToggle();
        buildNav();
        buildBadges();
        buildAccount();
    }

    /** "Ingresar" for visitors (only the administration needs it), "Salir" for the logged-in admin. */
    private void buildAccount() {
        account.removeAll();
        if (auth.isAuthenticated()) {
            Button logout = new Button(getTranslation("shell.logout"), e -> auth.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            account.add(new Span(auth.getPrincipalName().orElse("")), logout);
        } else {
            Anchor login = new Anchor("login", getTranslation("shell.login"));
            login.setId("login-link");
            account.add(login);
        }
    }

    private void buildNav() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon().substring(7).toUpperCase(Locale.ROOT)
                        .replace('-', '_')).create());
            }
            nav.addItem(item);
        }
    }

    /** The badges shown, by id, each with its popover's list when it has one: updated in place, not rebuilt. */
    private final Map<String, Span> shownBadges = new java.util.LinkedHashMap<>();
    private final Map<String, com.vaadin.flow.component.html.UnorderedList> popoverLists = new java.util.HashMap<>();

    /**
     * Shows each indicator's badge as it is now. A badge that stays is changed in place, so its popover stays
     * open while the progress it describes moves on (pushed several times a second during a sync).
     */
    private void buildBadges() {
        java.util.Set<String> current = new java.util.HashSet<>();
        for (StatusIndicator indicator : indicators) {
            indicator.current().ifPresent(status -> {
                current.add(status.id());
                Span badge = shownBadges.computeIfAbsent(status.id(), id -> {
                    Span b = new Span();
                    b.setId("badge-" + id);
                    badges.add(b);
                    return b;
                });
                badge.setText(getTranslation(status.messageKey(), status.args()));
                badge.getElement().getThemeList().clear();
                badge.getElement().getThemeList().add("badge pill" + (status.tone().isEmpty() ? "" : " " + status.tone()));
                if (status.tooltipKey() != null) {
                    badge.getElement().setAttribute("title", getTranslation(status.tooltipKey(), status.args()));
                } else {
                    badge.getElement().removeAttribute("title"); // a badge kept in place must not keep an old one
                }
                java.util.List<StatusIndicator.Status> details = indicator.details();
                if (details.isEmpty()) {
                    dropPopover(status.id()); // the run is over: no list of its jobs left to hover
                } else {
                    var list = popoverLists.computeIfAbsent(status.id(), id -> popover(badge, status));
                    list.removeAll();
                    for (StatusIndicator.Status d : details) {
                        Object[] args = java.util.Arrays.stream(d.args())
                                .map(x -> x instanceof StatusIndicator.Key k ? getTranslation(k.key()) : x).toArray();
                        com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem(
                                getTranslation(d.messageKey(), args));
                        if (!d.tone().isEmpty()) {
                            item.addClassName("popover-" + d.tone());
                        }
                        list.add(item);
                    }
                }
            });
        }
        shownBadges.entrySet().removeIf(e -> {
            if (current.contains(e.getKey())) {
                return false;
            }
            e.getValue().removeFromParent();
            dropPopover(e.getKey());
            return true;
        });
    }

    private void dropPopover(String id) {
        var list = popoverLists.remove(id);
        if (list != null) {
            Span badge = shownBadges.get(id);
            if (badge != null) {
                badge.getElement().removeAttribute("tabindex");
                badge.getElement().removeAttribute("role");
                badge.getElement().removeAttribute("aria-haspopup");
                badge.getElement().removeAttribute("aria-expanded");
            }
            list.getParent().flatMap(com.vaadin.flow.component.Component::getParent)
                    .ifPresent(com.vaadin.flow.component.Component::removeFromParent);
        }
    }

    /** The jobs behind one overall figure: opened by hover, focus or click on the badge; returns its list. */
    private com.vaadin.flow.component.html.UnorderedList popover(Span badge, StatusIndicator.Status status) {
        // it opens something, so it is a button: aria-haspopup and aria-expanded are allowed on a button, not a span
        badge.getElement().setAttribute("role", "button");
        badge.getElement().setAttribute("tabindex", "0");
        badge.getElement().setAttribute("aria-haspopup", "dialog");
        com.vaadin.flow.component.popover.Popover popover = new com.vaadin.flow.component.popover.Popover();
        popover.setTarget(badge);
        popover.setId("popover-" + status.id());
        popover.setOpenOnHover(true);
        popover.setOpenOnFocus(true);
        popover.setAriaLabel(getTranslation(status.messageKey(), status.args()));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.addClassName("popover-list");
        Div content = new Div(list);
        popover.add(content);
        badges.add(popover);
        return list;
    }

    private void setDark(boolean dark, boolean remember) {
        this.dark = dark;
        getElement().executeJs("document.documentElement.setAttribute('theme', $0 ? 'dark' : '');"
                + "if ($1) { try { localStorage.setItem($2, $0 ? 'dark' : 'light'); } catch (e) {} }",
                dark, remember, AppShell.THEME_KEY);
        updateThemeToggle();
    }

    private void updateThemeToggle() {
        Icon icon = (dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O).create();
        themeToggle.setIcon(icon);
        String label = getTranslation(dark ? "shell.theme.light" : "shell.theme.dark");
        themeToggle.setAriaLabel(label);
        themeToggle.setTooltipText(label);
    }

    boolean isDark() {
        return dark;
    }
}
