package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.util.List;

import cl.andesops.parties.Figures.Counterpart;
import cl.andesops.parties.Figures.Month;
import cl.andesops.parties.Figures.Share;

/**
 * What a buyer bought in a period, from its orders, the tenders it published and its Compra Ágil requests: totals,
 * spend by month, how it bought (procedures), from whom (top suppliers, and how concentrated: HHI), what
 * (categories), how its tenders went, and how it uses Compra Ágil.
 */
public record BuyerProfile(Buyer buyer, Period period, long orders, long amountClp, long suppliers, int hhi,
                           List<Month> months, List<Share> procedures, List<Counterpart> topSuppliers,
                           List<Share> categories, Tenders tenders, CompraAgil compraAgil, Peers peers) {

    /**
     * Its place among the buyers of its sector ({@code fromFiles}: as the open-data files class it, else as its name
     * says) that bought in the period: for its pesos and its shares of them by procedure, its value, the peers'
     * median, and the share of peers below it. No rows when there are fewer than 20 peers ({@code comparable}
     * false). {@code computedAt}: when the peers' figures were read.
     */
    public record Peers(String sector, boolean fromFiles, int peers, boolean comparable, List<Row> rows,
                        java.time.Instant computedAt) {
        /** {@code metric}: AMOUNT (pesos) or a procedure (a share of pesos, 0–1). */
        public record Row(String metric, double value, double peerMedian, double peersBelow) {
        }
    }

    /**
     * The tenders it published in the period: how many, how many awarded, the bidders they drew (average over those
     * with a known count), the share of those with one bid only, the days from publication to award (median), and
     * the complaints against it as Mercado Público counts them (the latest figure a tender carries).
     */
    public record Tenders(long published, long awarded, long withBidCount, double averageBidders,
                          double singleBidShare, Double medianDaysToAward, Integer complaints) {
    }

    /**
     * Its Compra Ágil requests (found by its units' RUTs) in the period: how many, how many drew a quote, quotes per
     * request, and, of those with a selected quote and more than one, the share where the cheapest was selected.
     */
    public record CompraAgil(long requests, long quoted, double averageQuotes, long compared,
                             double cheapestChosenShare) {
    }
}
