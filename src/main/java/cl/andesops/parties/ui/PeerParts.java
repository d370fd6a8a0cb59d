package cl.andesops.parties.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import cl.andesops.parties.BuyerProfile;
import cl.andesops.parties.PeerGroups;
import cl.andesops.parties.SupplierProfile;
import cl.andesops.shared.format.Formats;
import cl.andesops.shared.ui.TableExport;

/** The comparisons of a profile: a buyer among the buyers of its sector, a supplier among those of its category. */
final class PeerParts {

    private PeerParts() {
    }

    /** The buyer's peers: which group, how many, and its value beside their median, or why it cannot compare. */
    static Div buyer(Component owner, BuyerProfile.Peers peers, boolean simulated) {
        String group = owner.getTranslation(peers.fromFiles() ? "peers.group.files" : "peers.group.name",
                peers.sector());
        Paragraph which = new Paragraph(group + " " + owner.getTranslation("peers.count", peers.peers()));
        which.setId("buyer-peers-group");
        if (!peers.comparable()) {
            Paragraph none = new Paragraph(owner.getTranslation("peers.few", PeerGroups.MIN_PEERS));
            none.setId("buyer-peers-none");
            return ProfileParts.section("buyer-peers", owner.getTranslation("peers.title"), which, none);
        }
        Function<BuyerProfile.Peers.Row, String> metric = r -> owner.getTranslation("peers.metric."
                + r.metric().toLowerCase(Locale.ROOT));
        Function<BuyerProfile.Peers.Row, String> value = r -> shown(r, r.value());
        Function<BuyerProfile.Peers.Row, String> median = r -> shown(r, r.peerMedian());
        Function<BuyerProfile.Peers.Row, String> below = r -> Formats.percent(r.peersBelow());
        Grid<BuyerProfile.Peers.Row> g = new Grid<>();
        g.setId("buyer-peers-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.setAllRowsVisible(true);
        g.setWidthFull();
        g.addColumn(metric::apply).setHeader(owner.getTranslation("peers.col.metric")).setFlexGrow(3);
        g.addColumn(value::apply).setHeader(owner.getTranslation("peers.col.value")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        g.addColumn(median::apply).setHeader(owner.getTranslation("peers.col.median")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        g.addColumn(below::apply).setHeader(owner.getTranslation("peers.col.below")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        g.setItems(peers.rows());
        ProfilePdf.table(g, List.of(owner.getTranslation("peers.col.metric"), owner.getTranslation("peers.col.value"),
                owner.getTranslation("peers.col.median"), owner.getTranslation("peers.col.below")), peers.rows()
                .stream().map(r -> List.of(metric.apply(r), value.apply(r), median.apply(r), below.apply(r))).toList());
        List<TableExport.Column<BuyerProfile.Peers.Row>> columns = List.of(
                TableExport.Column.text(owner.getTranslation("peers.col.metric"), metric::apply),
                TableExport.Column.number(owner.getTranslation("peers.col.value"), BuyerProfile.Peers.Row::value),
                TableExport.Column.number(owner.getTranslation("peers.col.median"),
                        BuyerProfile.Peers.Row::peerMedian),
                TableExport.Column.number(owner.getTranslation("peers.col.below"), BuyerProfile.Peers.Row::peersBelow));
        Paragraph when = new Paragraph(owner.getTranslation("peers.when", Formats.dateTime(peers.computedAt())));
        when.addClassName("note");
        return ProfileParts.section("buyer-peers", owner.getTranslation("peers.title"), which,
                ProfileParts.files(owner, "buyer-peers-export", owner.getTranslation("peers.file"), columns,
                        peers.rows(), simulated), g, when);
    }

    private static String shown(BuyerProfile.Peers.Row r, double v) {
        return "AMOUNT".equals(r.metric()) ? Formats.clp(Math.round(v)) : Formats.percent(v);
    }

    /** The supplier's place among those of its main category. */
    static Paragraph supplier(Component owner, SupplierProfile.Position p) {
        Paragraph line = new Paragraph(p == null ? owner.getTranslation("peers.supplier.none")
                : owner.getTranslation("peers.supplier", Formats.count(p.rank()), Formats.count(p.suppliers()),
                p.categoryName() == null ? p.category() : p.categoryName(), Formats.percent(p.share())));
        line.setId("supplier-position");
        return line;
    }
}
