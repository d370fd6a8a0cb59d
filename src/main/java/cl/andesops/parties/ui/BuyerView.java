package cl.andesops.parties.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cl.andesops.parties.Buyer;
import cl.andesops.parties.BuyerProfile;
import cl.andesops.parties.BuyerProfiles;
import cl.andesops.parties.Figures;
import cl.andesops.shared.format.Period;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.ui.MainLayout;

/**
 * A buyer's profile ({@code /buyers/{code}}): who it is, what it bought in the period of the address (the last 12
 * months unless {@code meses}, or {@code desde} and {@code hasta}, say otherwise), how, from whom, what, how its
 * tenders went and how it uses Compra Ágil; each table with its files, and a way to its analysis.
 */
@Route(value = "buyers/:code", layout = MainLayout.class)
@AnonymousAllowed
public class BuyerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BuyerProfiles profiles;
    private final cl.andesops.parties.Parties parties;
    private final Clock clock;
    private final cl.andesops.shared.ui.Watching watching;
    private final java.util.List<cl.andesops.shared.ui.ProfileSection> sections;
    private final cl.andesops.shared.DataOrigin origin;
    private String title = "AndesOps";
    private BuyerProfile shown;

    /** The profile on the page. */
    public BuyerProfile shown() {
        return shown;
    }

    BuyerView(BuyerProfiles profiles, cl.andesops.parties.Parties parties, Clock clock,
              cl.andesops.shared.DataOrigin origin, java.util.List<cl.andesops.shared.ui.ProfileSection> sections,
              cl.andesops.shared.ui.Watching watching) {
        this.watching = watching;
        this.sections = sections;
        this.profiles = profiles;
        this.parties = parties;
        this.clock = clock;
        this.origin = origin;
        setId("buyer-view");
        addClassName("view");
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        if (cl.andesops.shared.format.PartyKeys.buyer(code).isEmpty()) {
            // a unit's RUT (a Compra Ágil request names its buyer so): the organism it belongs to, at its code
            java.util.Optional<String> organism = parties.organismOfUnit(code);
            if (organism.isPresent()) {
                event.forwardTo("buyers/" + organism.get(), event.getLocation().getQueryParameters());
                return;
            }
        }
        Period period = ProfileParts.period(event.getLocation().getQueryParameters().getParameters(),
                LocalDate.now(clock.withZone(Formats.CHILE)));
        BuyerProfile p = profiles.profile(code, period).orElseThrow(() -> new cl.andesops.shared.ui.Missing(
                getTranslation("profile.buyer.unknown", code), code, false));
        shown = p;
        title = p.buyer().name() + " · AndesOps";
        removeAll();
        add(header(p), figures(p), ProfileParts.months(this, "buyer-months", p.months()));
        add(procedures(p), PeerParts.buyer(this, p.peers(), origin.simulated()), suppliers(p), categories(p),
                tenders(p), compraAgil(p));
        // what other features add (the integrity signals of the buyer's records)
        sections.forEach(x -> x.section(cl.andesops.shared.format.PartyKeys.Kind.BUYER, p.buyer().code(),
                p.period()).ifPresent(this::add));
    }

    private Div header(BuyerProfile p) {
        Buyer b = p.buyer();
        H1 h = new H1(b.name());
        Paragraph sub = new Paragraph(getTranslation("profile.buyer.kind") + " · " + getTranslation("profile.code",
                b.code()) + (b.region() == null ? "" : " · " + b.region()));
        sub.addClassName("subtitle");
        Paragraph period = new Paragraph(getTranslation("profile.period", Formats.date(p.period().from()
                .atStartOfDay(Formats.CHILE).toInstant()), Formats.date(p.period().to().atStartOfDay(Formats.CHILE)
                .toInstant())));
        period.setId("profile-period");
        Div header = new Div(h, sub, period);
        if (!b.formerNames().isEmpty()) {
            header.add(new Paragraph(getTranslation("profile.formernames", String.join(" · ", b.formerNames()))));
        }
        if (!b.units().isEmpty()) {
            UnorderedList units = new UnorderedList();
            for (Buyer.Unit u : b.units().subList(0, Math.min(10, b.units().size()))) {
                units.add(new ListItem((u.name() == null ? u.code() : u.name()) + (u.rut() == null ? ""
                        : " · " + cl.andesops.shared.format.Rut.formatOrKeep(u.rut()))));
            }
            com.vaadin.flow.component.details.Details d = new com.vaadin.flow.component.details.Details(
                    getTranslation("profile.units", b.units().size()), units);
            header.add(d);
        }
        Anchor analyse = new Anchor("analysis?kind=buyer&subject=" + b.code(), getTranslation("profile.analyse"));
        analyse.setId("profile-analyse");
        header.add(watching.follow(PartyKeys.buyerPath(b.code())), analyse, ProfileParts.tools(this, "perfil-comprador-" + b.code(), PartyKeys.buyerPath(b.code()),
                p.period(), origin.simulated(), clock));
        header.addClassName("view-header");
        return header;
    }

    private Div figures(BuyerProfile p) {
        return ProfileParts.figures(
                ProfileParts.figure("buyer-orders", getTranslation("profile.orders"), Formats.count(p.orders()), null),
                ProfileParts.figure("buyer-amount", getTranslation("profile.amount"), Formats.clp(p.amountClp()),
                        null),
                ProfileParts.figure("buyer-suppliers", getTranslation("profile.suppliers"),
                        Formats.count(p.suppliers()), null),
                ProfileParts.figure("buyer-hhi", getTranslation("profile.hhi"), Formats.count(p.hhi()),
                        getTranslation(p.hhi() > 2_500 ? "profile.hhi.high" : p.hhi() >= 1_500 ? "profile.hhi.moderate"
                                : "profile.hhi.low")));
    }

    private String procedure(Figures.Share s) {
        return getTranslation("procedure." + s.key().toLowerCase(java.util.Locale.ROOT));
    }

    private Div procedures(BuyerProfile p) {
        String header = getTranslation("profile.col.procedure");
        return ProfileParts.section("buyer-procedures", getTranslation("profile.procedures"),
                ProfileParts.files(this, "buyer-procedures-export", getTranslation("profile.file.procedures"),
                        ProfileParts.shareColumns(this, header, this::procedure), p.procedures(),
                        origin.simulated()),
                ProfileParts.shares(this, "buyer-procedures-grid", p.procedures(), header, this::procedure));
    }

    private Div suppliers(BuyerProfile p) {
        String header = getTranslation("profile.col.supplier");
        return ProfileParts.section("buyer-suppliers", getTranslation("profile.topsuppliers"),
                ProfileParts.files(this, "buyer-suppliers-export", getTranslation("profile.file.suppliers"),
                        ProfileParts.counterpartColumns(this, header, getTranslation("profile.col.rut")),
                        p.topSuppliers(), origin.simulated()),
                ProfileParts.counterparts(this, "buyer-suppliers-grid", p.topSuppliers(), header));
    }

    private Div categories(BuyerProfile p) {
        String header = getTranslation("profile.col.category");
        return ProfileParts.section("buyer-categories", getTranslation("profile.categories"),
                ProfileParts.files(this, "buyer-categories-export", getTranslation("profile.file.categories"),
                        ProfileParts.shareColumns(this, header, Figures.Share::name), p.categories(),
                        origin.simulated()),
                ProfileParts.shares(this, "buyer-categories-grid", p.categories(), header, Figures.Share::name));
    }

    private Div tenders(BuyerProfile p) {
        BuyerProfile.Tenders t = p.tenders();
        UnorderedList facts = new UnorderedList(
                new ListItem(getTranslation("profile.tenders.published", Formats.count(t.published()),
                        Formats.count(t.awarded()))),
                new ListItem(t.withBidCount() == 0 ? getTranslation("profile.tenders.nobids")
                        : getTranslation("profile.tenders.bidders", Formats.decimal(t.averageBidders(), 1),
                        Formats.percent(t.singleBidShare()), Formats.count(t.withBidCount()))),
                new ListItem(t.medianDaysToAward() == null ? getTranslation("profile.tenders.nodecision")
                        : getTranslation("profile.tenders.decision", Formats.decimal(t.medianDaysToAward(), 0))),
                new ListItem(t.complaints() == null ? getTranslation("profile.tenders.nocomplaints")
                        : getTranslation("profile.tenders.complaints", Formats.count(t.complaints()))));
        return ProfileParts.section("buyer-tenders", getTranslation("profile.tenders"), facts);
    }

    private Div compraAgil(BuyerProfile p) {
        BuyerProfile.CompraAgil c = p.compraAgil();
        UnorderedList facts = new UnorderedList(
                new ListItem(getTranslation("profile.ca.requests", Formats.count(c.requests()),
                        Formats.count(c.quoted()))),
                new ListItem(c.quoted() == 0 ? getTranslation("profile.ca.noquotes")
                        : getTranslation("profile.ca.quotes", Formats.decimal(c.averageQuotes(), 1))),
                new ListItem(c.compared() == 0 ? getTranslation("profile.ca.nocheapest")
                        : getTranslation("profile.ca.cheapest", Formats.percent(c.cheapestChosenShare()),
                        Formats.count(c.compared()))));
        return ProfileParts.section("buyer-ca", getTranslation("profile.ca"), facts);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    List<String> sectionIds() {
        return getChildren().map(c -> c.getId().orElse("")).toList();
    }
}
