package cl.andesops.tenders.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import cl.andesops.shared.format.Formats;
import cl.andesops.shared.format.Rut;
import cl.andesops.tenders.TenderOffer;
import cl.andesops.tenders.TenderService;

/**
 * Every offer a tender received, item by item (the winners first, then by price), paged by the database: a tender
 * of many items and bidders can hold thousands of rows.
 */
class TenderOffersGrid extends Grid<TenderOffer> {

    TenderOffersGrid(TenderService tenders, String code, int count) {
        setId("tender-offers");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(TenderOffer::line).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(com.vaadin.flow.data.renderer.LitRenderer.<TenderOffer>of(cl.andesops.shared.ui.PartyLink.TEMPLATE)
                .withProperty("name", o -> o.supplierName() == null ? o.supplierCode() : o.supplierName())
                .withProperty("href", o -> cl.andesops.shared.ui.PartyLink.href(cl.andesops.shared.format.PartyKeys
                        .supplierPath(o.supplierRut()))))
                .setHeader(getTranslation("order.supplier")).setWidth("14rem").setFlexGrow(2)
                .setTooltipGenerator(o -> o.supplierName() == null ? o.supplierCode() : o.supplierName());
        addColumn(o -> Rut.formatOrKeep(o.supplierRut())).setHeader("RUT").setAutoWidth(true).setFlexGrow(0);
        addColumn(o -> o.quantity() == null ? "" : o.quantity().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("order.item.quantity")).setAutoWidth(true).setFlexGrow(0);
        addColumn(o -> Formats.money(o.unitPrice(), o.currency())).setHeader(getTranslation("order.item.price"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(o -> Formats.money(o.total(), o.currency())).setHeader(getTranslation("tender.offer.amount"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(o -> o.state() == null ? "" : o.state()).setHeader(getTranslation("tender.offer.state"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(o -> getTranslation(o.selected() ? "tender.offer.won" : "tender.offer.lost"))
                .setHeader(getTranslation("tender.offer.selected")).setAutoWidth(true).setFlexGrow(0);
        setItems(q -> tenders.offers(code, q.getOffset(), q.getLimit()).stream(), q -> count);
        if (count <= 20) {
            setAllRowsVisible(true);
        } else {
            setHeight("480px");
        }
    }
}
