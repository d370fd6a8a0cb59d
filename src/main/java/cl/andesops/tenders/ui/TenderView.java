package cl.andesops.tenders.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.CompletableFuture;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Rut;
import cl.andesops.shared.ui.PartyLink;
import cl.andesops.shared.ui.Facts;
import cl.andesops.shared.ui.MainLayout;
import cl.andesops.tenders.TenderDetailView;
import cl.andesops.tenders.TenderRow;
import cl.andesops.tenders.TenderSearch;
import cl.andesops.tenders.TenderService;
import cl.andesops.tenders.web.TenderPage;
import cl.andesops.tenders.web.TenderPages;

/** One tender: its dates as a timeline, items, award, the orders that came from it and similar tenders. */
@Route(value = "tenders/:code", layout = MainLayout.class)
@AnonymousAllowed
public class TenderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TenderService tenders;
    private final TenderSearch search;
    private final TenderPages pages;
    private final Clock clock;
    private final cl.andesops.shared.ui.Watching watching;
    private final cl.andesops.shared.DataOrigin origin;
    /** Whether the tender shown is simulated, by where it came from (its page's link follows it). */
    private boolean simulated;
    private String pageTitle = "AndesOps";
    final Div publicPage = new Div();

    private final java.util.List<cl.andesops.shared.ui.RecordSection> sections;

    TenderView(TenderService tenders, TenderSearch search, TenderPages pages, Clock clock,
               cl.andesops.shared.DataOrigin origin, java.util.List<cl.andesops.shared.ui.RecordSection> sections,
               cl.andesops.shared.ui.Watching watching) {
        this.watching = watching;
        this.sections = sections;
        this.origin = origin;
        this.tenders = tenders;
        this.search = search;
        this.pages = pages;
        this.clock = clock;
        setId("tender-view");
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        TenderDetailView t = tenders.detail(code).orElseThrow(() -> new NotFoundException(code));
        pageTitle = t.code() + " · AndesOps";
        removeAll();
        RouterLink back = new RouterLink(getTranslation("tender.back"), TenderSearchView.class);
        H1 title = new H1(t.name() == null ? t.code() : t.name());
        title.setId("tender-title");
        Paragraph sub = new Paragraph(t.code() + " · " + nz(t.state()) + " · "
                + (t.type() == null ? "" : TenderSearchView.typeLabel(t.type(), this::getTranslation)));
        sub.addClassName("subtitle");
        simulated = origin.simulated(t.fromOpenData());
        var official = cl.andesops.shared.ui.OfficialLink.of(this, simulated, t.officialUrl(),
                "tender-official");
        Anchor analyse = new Anchor("analysis?kind=tender&subject=" + java.net.URLEncoder.encode(t.code(),
                java.nio.charset.StandardCharsets.UTF_8), getTranslation("tender.analyse"));
        analyse.setId("tender-analyse");
        Div links = new Div(official, new Span(" · "), analyse);
        Div header = new Div(back, title, sub, links, watching.follow("/tenders/" + t.code()));
        header.addClassName("view-header");
        add(header);
        // what other features say of the record (the integrity signals that fired on it)
        sections.forEach(x -> x.section(t.code()).ifPresent(this::add));
        if (t.description() != null && !t.description().isBlank()) {
            // descriptions may carry HTML: jsoup keeps the text only
            add(new Paragraph(Jsoup.clean(t.description(), Safelist.none()).replace("&nbsp;", " ")
                    .replace("&amp;", "&")));
        }
        Facts facts = new Facts();
        if (t.buyerName() != null) {
            facts.fact(getTranslation("tender.buyer"), cl.andesops.shared.ui.PartyLink.buyer(t.buyerCode(),
                    t.buyerName()), "tender-buyer");
        }
        facts.fact(getTranslation("tender.unit"), t.unitName());
        facts.fact(getTranslation("tender.region"), t.region());
        facts.fact(getTranslation("tender.amount"), t.amountVisible() && t.estimatedAmount() != null
                ? Formats.money(t.estimatedAmount(), t.currency()) : getTranslation("tender.amount.hidden"));
        facts.fact(getTranslation("tender.bidders"), t.bidders() == null ? null : Formats.count(t.bidders()));
        facts.fact(getTranslation("tender.complaints"), t.complaints() == null ? null : Formats.count(t.complaints()));
        add(facts);

        add(new H2(getTranslation("tender.timeline")));
        OrderedList timeline = new OrderedList();
        timeline.setId("tender-timeline");
        timeline.addClassName("timeline");
        step(timeline, "tender.date.published", t.publishedAt());
        step(timeline, "tender.date.forumOpens", t.forumOpensAt());
        step(timeline, "tender.date.forumCloses", t.forumClosesAt());
        step(timeline, "tender.date.answers", t.answersAt());
        step(timeline, "tender.date.closes", t.closesAt());
        step(timeline, "tender.date.technicalOpening", t.technicalOpeningAt());
        step(timeline, "tender.date.estimatedAward", t.estimatedAwardAt());
        step(timeline, "tender.date.awarded", t.awardedAt());
        add(timeline);

        add(new H2(getTranslation("tender.items")));
        Grid<TenderDetailView.Item> items = new Grid<>();
        items.setId("tender-items");
        items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.addColumn(TenderDetailView.Item::line).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> nz(i.productCode())).setHeader("UNSPSC").setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> nz(i.productName())).setHeader(getTranslation("order.item.product")).setFlexGrow(2);
        items.addColumn(i -> nz(i.description())).setHeader(getTranslation("tender.item.description")).setFlexGrow(3);
        items.addColumn(i -> i.quantity() == null ? "" : i.quantity().stripTrailingZeros().toPlainString() + " "
                + nz(i.unit())).setHeader(getTranslation("order.item.quantity")).setAutoWidth(true).setFlexGrow(0);
        items.setItems(t.items());
        items.setAllRowsVisible(true);
        add(items);

        if (!t.awards().isEmpty()) {
            H2 awardTitle = new H2(getTranslation("tender.awards") + (t.awardActNumber() == null ? ""
                    : " · " + getTranslation("tender.act", t.awardActNumber(), Formats.date(t.awardActDate()))));
            add(awardTitle);
            Grid<TenderDetailView.Award> awards = new Grid<>();
            awards.setId("tender-awards");
            awards.addThemeVariants(GridVariant.LUMO_COMPACT);
            awards.addColumn(TenderDetailView.Award::line).setHeader("#").setAutoWidth(true).setFlexGrow(0);
            awards.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<TenderDetailView.Award>of(
                            cl.andesops.shared.ui.PartyLink.TEMPLATE)
                    .withProperty("name", a -> nz(a.supplierName()))
                    .withProperty("href", a -> cl.andesops.shared.ui.PartyLink.href(cl.andesops.shared.format.PartyKeys
                            .supplierPath(a.supplierRut()))))
                    .setHeader(getTranslation("order.supplier")).setFlexGrow(2);
            awards.addColumn(a -> Rut.formatOrKeep(a.supplierRut())).setHeader("RUT").setAutoWidth(true);
            awards.addColumn(a -> a.quantity() == null ? "" : a.quantity().stripTrailingZeros().toPlainString())
                    .setHeader(getTranslation("order.item.quantity")).setAutoWidth(true);
            awards.addColumn(a -> Formats.money(a.unitPrice(), t.currency())).setHeader(getTranslation(
                    "order.item.price")).setAutoWidth(true);
            awards.addColumn(a -> Formats.money(a.total(), t.currency())).setHeader(getTranslation("order.item.total"))
                    .setAutoWidth(true);
            awards.setItems(t.awards());
            awards.setAllRowsVisible(true);
            add(awards);
            if (t.awardActUrl() != null) {
                Anchor act = new Anchor(t.awardActUrl(), getTranslation("tender.act.link"));
                act.setTarget("_blank");
                add(act);
            }
        }

        int offers = tenders.offerCount(t.code());
        if (offers > 0) {
            H2 offersTitle = new H2(getTranslation("tender.offers", offers, Formats.count(offers)));
            offersTitle.setId("tender-offers-title");
            add(offersTitle, new TenderOffersGrid(tenders, t.code(), offers));
        }

        add(new H2(getTranslation("tender.page")));
        publicPage.removeAll();
        publicPage.setId("tender-public-page");
        Button fetch = new Button(getTranslation("tender.page.fetch"));
        fetch.setId("tender-page-fetch");
        fetch.addClickListener(e -> {
            fetch.setEnabled(false);
            fetch.setText(getTranslation("tender.page.loading"));
            UI ui = UI.getCurrent();
            CompletableFuture.supplyAsync(() -> pages.page(t.code()))
                    .whenComplete((page, error) -> ui.access(() -> showPage(page, t.officialUrl())));
        });
        publicPage.add(new Paragraph(getTranslation("tender.page.why")), fetch);
        add(publicPage);

        List<String[]> orders = tenders.ordersOf(t.code());
        add(new H2(getTranslation("tender.orders", orders.size())));
        if (!orders.isEmpty()) {
            Div list = new Div();
            list.setId("tender-orders");
            for (String[] o : orders) {
                Div row = new Div(new RouterLink(o[0], cl.andesops.orders.ui.OrderView.class,
                        new com.vaadin.flow.router.RouteParameters("code", o[0])), new Span(" · " + nz(o[1]) + " · "
                        + nz(o[2]) + " · " + (o[3] == null ? "" : Formats.money(new java.math.BigDecimal(o[3]), o[4]))));
                list.add(row);
            }
            add(list);
        }

        List<TenderRow> similar = search.similar(t.code(), 5);
        add(new H2(getTranslation("tender.similar")));
        Div similarList = new Div();
        similarList.setId("tender-similar");
        for (TenderRow s : similar) {
            similarList.add(new Div(new Anchor("tenders/" + s.code(), s.name()), new Span(" · "),
                    PartyLink.buyer(s.buyerCode(), nz(s.buyerName())), new Span(" · " + nz(s.state()))));
        }
        add(similarList);
    }

    /** What the public page added, or why it could not: the page is never required. */
    void showPage(TenderPage page, String officialUrl) {
        publicPage.removeAll();
        if (page == null || page.status() != TenderPage.Status.OK) {
            String key = page != null && page.status() == TenderPage.Status.LAYOUT_CHANGED
                    ? "tender.page.changed" : "tender.page.unreachable";
            Paragraph p = new Paragraph(getTranslation(key));
            p.setId("tender-page-problem");
            publicPage.add(p, cl.andesops.shared.ui.OfficialLink.of(this, simulated, officialUrl, null));
            return;
        }
        Div links = new Div();
        links.addClassName("facts");
        link(links, "tender.page.attachments", page.attachmentsUrl());
        link(links, "tender.page.forum", page.forumUrl());
        link(links, "tender.page.orders", page.ordersUrl());
        publicPage.add(links);
    }

    private void link(Div links, String key, String url) {
        if (url != null) {
            Anchor a = new Anchor(url, getTranslation(key));
            a.setTarget("_blank");
            a.setId(key.replace('.', '-'));
            links.add(new Div(a));
        }
    }

    private void step(OrderedList timeline, String key, Instant when) {
        if (when == null) {
            return;
        }
        ListItem li = new ListItem();
        li.addClassName(when.isAfter(clock.instant()) ? "future" : "past");
        li.add(new Span(getTranslation(key)), new Span(Formats.dateTime(when)),
                new Span(Formats.relative(when, clock.instant(), getLocale())));
        timeline.add(li);
    }


    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
