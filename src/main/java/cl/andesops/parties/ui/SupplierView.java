package cl.andesops.parties.ui;

import java.time.Clock;
import java.time.LocalDate;

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

import cl.andesops.parties.Figures;
import cl.andesops.shared.format.Period;
import cl.andesops.parties.Supplier;
import cl.andesops.parties.SupplierProfile;
import cl.andesops.parties.SupplierProfiles;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.MainLayout;

/**
 * A supplier's profile ({@code /suppliers/{rut}}): who it is, what it sold in the period of the address, to whom,
 * how (the share by direct award), what, how its bids and Compra Ágil quotes went, and its first and last sale.
 */
@Route(value = "suppliers/:rut", layout = MainLayout.class)
@AnonymousAllowed
public class SupplierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SupplierProfiles profiles;
    private final Clock clock;
    private final cl.andesops.shared.ui.Watching watching;
    private final java.util.List<cl.andesops.shared.ui.ProfileSection> sections;
    private final cl.andesops.shared.DataOrigin origin;
    private String title = "AndesOps";
    private SupplierProfile shown;

    /** The profile on the page. */
    public SupplierProfile shown() {
        return shown;
    }

    SupplierView(SupplierProfiles profiles, Clock clock, cl.andesops.shared.DataOrigin origin,
                 java.util.List<cl.andesops.shared.ui.ProfileSection> sections, cl.andesops.shared.ui.Watching watching) {
        this.watching = watching;
        this.sections = sections;
        this.profiles = profiles;
        this.clock = clock;
        this.origin = origin;
        setId("supplier-view");
        addClassName("view");
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String rut = event.getRouteParameters().get("rut").orElse("");
        if (cl.andesops.shared.format.Rut.parse(rut).isEmpty()) {
            throw new cl.andesops.shared.ui.Missing(getTranslation("profile.supplier.badrut", rut), rut, true);
        }
        Period period = ProfileParts.period(event.getLocation().getQueryParameters().getParameters(),
                LocalDate.now(clock.withZone(Formats.CHILE)));
        SupplierProfile p = profiles.profile(rut, period).orElseThrow(() -> new cl.andesops.shared.ui.Missing(
                getTranslation("profile.supplier.unknown", rut), rut, false));
        shown = p;
        title = p.supplier().name() + " · AndesOps";
        removeAll();
        add(header(p), figures(p), ProfileParts.months(this, "supplier-months", p.months()));
        add(procedures(p), buyers(p), categories(p), ProfileParts.section("supplier-peers",
                getTranslation("peers.supplier.title"), PeerParts.supplier(this, p.position())), bids(p), quotes(p));
        // what other features add (the integrity signals of the supplier's records)
        sections.forEach(x -> x.section(cl.andesops.shared.format.PartyKeys.Kind.SUPPLIER, p.supplier().rut(),
                p.period()).ifPresent(this::add));
    }

    private Div header(SupplierProfile p) {
        Supplier s = p.supplier();
        Paragraph sub = new Paragraph(getTranslation("profile.supplier.kind") + " · RUT " + s.rutText()
                + (s.region() == null ? "" : " · " + s.region()));
        sub.addClassName("subtitle");
        Paragraph period = new Paragraph(getTranslation("profile.period", Formats.date(p.period().from()
                .atStartOfDay(Formats.CHILE).toInstant()), Formats.date(p.period().to().atStartOfDay(Formats.CHILE)
                .toInstant())));
        period.setId("profile-period");
        Div header = new Div(new H1(s.name()), sub, period);
        if (!s.formerNames().isEmpty()) {
            header.add(new Paragraph(getTranslation("profile.formernames", String.join(" · ", s.formerNames()))));
        }
        if (p.firstSale() != null) {
            header.add(new Paragraph(getTranslation("profile.sales.span",
                    Formats.date(p.firstSale().atStartOfDay(Formats.CHILE).toInstant()),
                    Formats.date(p.lastSale().atStartOfDay(Formats.CHILE).toInstant()))));
        }
        if (!s.codes().isEmpty()) {
            // the analysis reads a supplier's orders by Mercado Público's code for it, the one its orders carry
            Anchor analyse = new Anchor("analysis?kind=supplier&subject=" + s.codes().getFirst(),
                    getTranslation("profile.analyse"));
            analyse.setId("profile-analyse");
            header.add(analyse);
        }
        header.add(watching.follow(s.path()), ProfileParts.tools(this, "perfil-proveedor-" + s.rut(), s.path(), p.period(), origin.simulated(),
                clock));
        header.addClassName("view-header");
        return header;
    }

    private Div figures(SupplierProfile p) {
        return ProfileParts.figures(
                ProfileParts.figure("supplier-orders", getTranslation("profile.orders"), Formats.count(p.orders()),
                        null),
                ProfileParts.figure("supplier-amount", getTranslation("profile.sales"), Formats.clp(p.amountClp()),
                        null),
                ProfileParts.figure("supplier-buyers", getTranslation("profile.buyers"), Formats.count(p.buyers()),
                        null),
                ProfileParts.figure("supplier-direct", getTranslation("profile.direct"),
                        Formats.percent(p.directAwardShare()), null));
    }

    private String procedure(Figures.Share s) {
        return getTranslation("procedure." + s.key().toLowerCase(java.util.Locale.ROOT));
    }

    private Div procedures(SupplierProfile p) {
        String header = getTranslation("profile.col.procedure");
        return ProfileParts.section("supplier-procedures", getTranslation("profile.procedures.sold"),
                ProfileParts.files(this, "supplier-procedures-export", getTranslation("profile.file.procedures"),
                        ProfileParts.shareColumns(this, header, this::procedure), p.procedures(),
                        origin.simulated()),
                ProfileParts.shares(this, "supplier-procedures-grid", p.procedures(), header, this::procedure));
    }

    private Div buyers(SupplierProfile p) {
        String header = getTranslation("profile.col.buyer");
        return ProfileParts.section("supplier-buyers-section", getTranslation("profile.topbuyers"),
                ProfileParts.files(this, "supplier-buyers-export", getTranslation("profile.file.buyers"),
                        ProfileParts.counterpartColumns(this, header, getTranslation("profile.col.code")),
                        p.topBuyers(), origin.simulated()),
                ProfileParts.counterparts(this, "supplier-buyers-grid", p.topBuyers(), header));
    }

    private Div categories(SupplierProfile p) {
        String header = getTranslation("profile.col.category");
        return ProfileParts.section("supplier-categories", getTranslation("profile.categories"),
                ProfileParts.files(this, "supplier-categories-export", getTranslation("profile.file.categories"),
                        ProfileParts.shareColumns(this, header, Figures.Share::name), p.categories(),
                        origin.simulated()),
                ProfileParts.shares(this, "supplier-categories-grid", p.categories(), header, Figures.Share::name));
    }

    private Div bids(SupplierProfile p) {
        SupplierProfile.Bids b = p.bids();
        UnorderedList facts = new UnorderedList(
                new ListItem(b.tenders() == 0 ? getTranslation("profile.bids.none")
                        : getTranslation("profile.bids.won", Formats.count(b.tenders()), Formats.count(b.won()),
                        Formats.percent(b.winRate()))),
                new ListItem(b.tenders() == 0 ? getTranslation("profile.bids.norivals")
                        : getTranslation("profile.bids.rivals", Formats.decimal(b.averageRivals(), 1))),
                new ListItem(b.medianPriceGap() == null ? getTranslation("profile.bids.nogap")
                        : getTranslation(b.medianPriceGap() <= 0 ? "profile.bids.cheaper" : "profile.bids.dearer",
                        Formats.percent(Math.abs(b.medianPriceGap())), Formats.count(b.itemsCompared()))));
        return ProfileParts.section("supplier-bids", getTranslation("profile.bids"), facts);
    }

    private Div quotes(SupplierProfile p) {
        SupplierProfile.Quotes q = p.quotes();
        UnorderedList facts = new UnorderedList(new ListItem(q.quotes() == 0 ? getTranslation("profile.quotes.none")
                : getTranslation("profile.quotes.selected", Formats.count(q.quotes()), Formats.count(q.selected()),
                Formats.percent(q.selectionRate()))));
        return ProfileParts.section("supplier-quotes", getTranslation("profile.ca"), facts);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
