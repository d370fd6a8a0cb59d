package cl.andesops.analysis.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import cl.andesops.orders.OrderFilter;
import cl.andesops.orders.monitor.MonitorService;
import cl.andesops.orders.monitor.MonitorSummary;
import cl.andesops.shared.format.Formats;
import cl.andesops.tenders.TenderHit;
import cl.andesops.tenders.TenderQuery;
import cl.andesops.tenders.TenderResults;
import cl.andesops.tenders.TenderSearch;

/**
 * What the analysis screen offers before anything is picked: the largest buyers this month, the tenders closing this
 * week (in a region the visitor chooses), and the market of the last 30 days; each a link that opens its analysis.
 * Every list is read from what the app holds now; an empty one says so.
 */
class StartingPoints extends Div {

    static final int SHOWN = 5;
    final UnorderedList buyers = new UnorderedList();
    final UnorderedList tenders = new UnorderedList();
    final ComboBox<String> region = new ComboBox<>();
    final Anchor market = new Anchor();
    private final TenderSearch search;

    StartingPoints(MonitorService monitor, TenderSearch search, Clock clock) {
        this.search = search;
        setId("analysis-start");
        setWidthFull();
        addClassName("starting-points");
        LocalDate today = LocalDate.now(clock.withZone(Formats.CHILE));

        buyers.setId("start-buyers");
        List<MonitorSummary.Slice> top = monitor.summary(OrderFilter.none().withDates(today.withDayOfMonth(1), today))
                .map(MonitorSummary::topBuyers).orElse(List.of());
        for (MonitorSummary.Slice b : top.subList(0, Math.min(SHOWN, top.size()))) {
            buyers.add(new ListItem(new Anchor(link("buyer", b.key()), b.label()),
                    new Span(" · "), nowrap(Formats.clpCompact(java.math.BigDecimal.valueOf(b.amountClp())))));
        }
        Div buyersCard = card("analysis.start.buyers", buyers, top.isEmpty());

        region.setId("start-region");
        region.setAriaLabel(getTranslation("analysis.field.region"));
        region.setPlaceholder(getTranslation("ca.region.all"));
        region.setClearButtonVisible(true);
        // one search gives the week's tenders and the regions they are in: the picker offers only those
        TenderResults week = closing(null);
        region.setItems(week.facets().getOrDefault("region", List.of()).stream()
                .map(TenderResults.FacetCount::value).sorted().toList());
        region.setItemLabelGenerator(Formats::regionShort);
        region.addValueChangeListener(e -> show(closing(e.getValue() == null ? null : Set.of(e.getValue())).hits()));
        tenders.setId("start-tenders");
        show(week.hits());
        Div tendersCard = card("analysis.start.tenders", new Div(region, tenders), false);

        LocalDate from = today.minusDays(29);
        market.setId("start-market");
        market.setHref("analysis?kind=market&desde=" + from + "&hasta=" + today);
        market.setText(getTranslation("analysis.start.market.link", Formats.date(from.atStartOfDay(Formats.CHILE)
                .toInstant()), Formats.date(today.atStartOfDay(Formats.CHILE).toInstant())));
        Div marketCard = card("analysis.start.market", new Div(market), false);

        add(new H2(getTranslation("analysis.start")), new Div(buyersCard, tendersCard, marketCard));
    }

    /** The tenders closing in the next seven days, soonest first, in these regions or all of them. */
    private TenderResults closing(Set<String> regions) {
        return search.search(new TenderQuery("", null, null, regions, null, null, "week", null,
                TenderQuery.Order.CLOSING), 0, SHOWN);
    }

    private void show(List<TenderHit> hits) {
        tenders.removeAll();
        for (TenderHit t : hits) {
            tenders.add(new ListItem(new Anchor(link("tender", t.code()), t.name() == null ? t.code() : t.name()),
                    new Span(t.closesAt() == null ? "" : " · "), nowrap(Formats.dateTime(t.closesAt()))));
        }
        if (hits.isEmpty()) {
            tenders.add(new ListItem(getTranslation("analysis.start.none")));
        }
    }

    private Div card(String titleKey, com.vaadin.flow.component.Component body, boolean empty) {
        Div card = new Div(new Span(getTranslation(titleKey)), body);
        card.addClassName("card");
        card.addClassName("start-card");
        if (empty) {
            card.add(new Paragraph(getTranslation("analysis.start.none")));
        }
        return card;
    }

    private static String link(String kind, String subject) {
        return "analysis?kind=" + kind + "&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    /** A date and time that never breaks across lines. */
    private static Span nowrap(String text) {
        Span s = new Span(text);
        s.addClassName("nowrap");
        return s;
    }
}
