package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.time.LocalDate;
import java.util.List;

import cl.andesops.parties.Figures.Counterpart;
import cl.andesops.parties.Figures.Month;
import cl.andesops.parties.Figures.Share;

/**
 * What a supplier sold in a period, from the orders to it, the tenders it bid on and its Compra Ágil quotes: totals,
 * sales by month, how it was bought from (procedures; the share of its sales by direct award), to whom (top buyers),
 * what (categories), how its bids went, and its first and last sale in all the history held.
 */
public record SupplierProfile(Supplier supplier, Period period, long orders, long amountClp, long buyers,
                              LocalDate firstSale, LocalDate lastSale, double directAwardShare, List<Month> months,
                              List<Share> procedures, List<Counterpart> topBuyers, List<Share> categories,
                              Bids bids, Quotes quotes, Position position) {

    /**
     * Its place among the suppliers that sold in its main category (the category of most of its pesos) in the
     * period: how many did, its rank by pesos (1 the largest) and its share of the category's pesos. Null without
     * sales.
     */
    public record Position(String category, String categoryName, int suppliers, int rank, double share) {
    }

    /**
     * The tenders published in the period that it bid on: how many, how many it won an item of, the rivals it met
     * (other bidders per tender, on average), and on the items it won, how far its unit price was from the median of
     * the others' (a negative share is cheaper), over the items that had others.
     */
    public record Bids(long tenders, long won, double averageRivals, long itemsCompared, Double medianPriceGap) {
        public double winRate() {
            return tenders == 0 ? 0 : (double) won / tenders;
        }
    }

    /** Its Compra Ágil quotes on requests published in the period, and how many were selected. */
    public record Quotes(long quotes, long selected) {
        public double selectionRate() {
            return quotes == 0 ? 0 : (double) selected / quotes;
        }
    }
}
