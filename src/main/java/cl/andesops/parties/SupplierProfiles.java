package cl.andesops.parties;

import cl.andesops.shared.format.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cl.andesops.compraagil.CompraAgilPartyQueries;
import cl.andesops.orders.OrderPartyQueries;
import cl.andesops.parties.Figures.Counterpart;
import cl.andesops.parties.Figures.Share;
import cl.andesops.shared.format.Rut;
import cl.andesops.tenders.TenderPartyQueries;
import cl.andesops.shared.format.PartyKeys;

/**
 * Computes a supplier's profile over a period: its orders found by its codes (the index by supplier) and confirmed by
 * its RUT, its offers and quotes by RUT, each read through its feature's queries.
 */
@Service
public class SupplierProfiles {

    private final Parties parties;
    private final OrderPartyQueries orders;
    private final TenderPartyQueries tenders;
    private final CompraAgilPartyQueries compraAgil;

    private final PeerGroups peers;

    SupplierProfiles(Parties parties, OrderPartyQueries orders, TenderPartyQueries tenders,
                     CompraAgilPartyQueries compraAgil, PeerGroups peers) {
        this.peers = peers;
        this.parties = parties;
        this.orders = orders;
        this.tenders = tenders;
        this.compraAgil = compraAgil;
    }

    public Optional<SupplierProfile> profile(String rut, Period p) {
        return parties.supplier(rut).map(s -> profile(s, p));
    }

    /** A page of every buyer that bought from the supplier in the period, most pesos first, and how many there are. */
    public Optional<Figures.Page<Counterpart>> buyers(String rut, Period p, int offset, int limit) {
        return parties.supplier(rut).map(s -> {
            OrderPartyQueries.Who who = OrderPartyQueries.Who.supplier(Parties.spellings(Rut.parse(s.rut())
                    .orElseThrow()));
            long total = orders.totals(who, "buyer_code", p.fromDay(), p.toDay())[1];
            List<Counterpart> page = new ArrayList<>();
            long[] count = new long[1];
            java.util.function.Consumer<Counterpart> each = Figures.paging(offset, limit, page, count);
            orders.byCounterpart(who, "buyer_code", p.fromDay(), p.toDay(), offset + limit, g -> each.accept(
                    new Counterpart(g.key(), g.name(), g.orders(), g.amountClp(), BuyerProfiles.share(g.amountClp(),
                            total), PartyKeys.buyerPath(g.key()))));
            return new Figures.Page<>(page, count[0]);
        });
    }

    SupplierProfile profile(Supplier s, Period p) {
        List<String> r = Parties.spellings(Rut.parse(s.rut()).orElseThrow());
        OrderPartyQueries.Who who = OrderPartyQueries.Who.supplier(r);
        long[] totals = orders.totals(who, "buyer_code", p.fromDay(), p.toDay());
        long total = totals[1];
        int[] span = orders.span(who);
        List<Share> procedures = BuyerProfiles.shares(orders.byProcedure(who, p.fromDay(), p.toDay()), total);
        double direct = procedures.stream().filter(x -> x.key().equals(Procedure.TRATO_DIRECTO.name()))
                .mapToDouble(Share::share).sum();
        List<Counterpart> buyers = new ArrayList<>();
        orders.byCounterpart(who, "buyer_code", p.fromDay(), p.toDay(), BuyerProfiles.TOP, g -> {
            if (buyers.size() < BuyerProfiles.TOP) {
                buyers.add(new Counterpart(g.key(), g.name(), g.orders(), g.amountClp(),
                        BuyerProfiles.share(g.amountClp(), total), PartyKeys.buyerPath(g.key())));
            }
        });
        long from = BuyerProfiles.millis(p.fromDay(), false);
        long to = BuyerProfiles.millis(p.toDay(), true);
        long[] q = compraAgil.supplierQuotes(r, from, to);
        List<Figures.Share> categories = BuyerProfiles.shares(orders.byCategory(who, p.fromDay(), p.toDay(),
                BuyerProfiles.TOP), total);
        SupplierProfile.Position position = categories.isEmpty() ? null : peers.supplierPosition(
                categories.getFirst().key(), categories.getFirst().name(), categories.getFirst().amountClp(), p);
        return new SupplierProfile(s, p, totals[0], total, totals[2], day(span[0]), day(span[1]), direct,
                BuyerProfiles.months(orders.byMonth(who, p.fromDay(), p.toDay()), p), procedures, buyers,
                categories, bids(tenders.offersAround(r, from, to)), new SupplierProfile.Quotes(q[0], q[1]),
                position);
    }

    /**
     * From every offer on the tenders it bid on: how many tenders, how many it won an item of, the other bidders it
     * met on each, and on the items it won, its unit price against the median of the others'.
     */
    static SupplierProfile.Bids bids(List<TenderPartyQueries.Offer> offers) {
        Set<Long> tendersBid = new HashSet<>();
        Set<Long> won = new HashSet<>();
        Map<Long, Set<String>> rivals = new HashMap<>();
        Map<String, List<TenderPartyQueries.Offer>> byLine = new HashMap<>();
        for (TenderPartyQueries.Offer o : offers) {
            if (o.mine()) {
                tendersBid.add(o.tender());
                if (o.selected()) {
                    won.add(o.tender());
                }
            } else {
                rivals.computeIfAbsent(o.tender(), k -> new HashSet<>()).add(o.bidder());
            }
            byLine.computeIfAbsent(o.tender() + ":" + o.line(), k -> new ArrayList<>()).add(o);
        }
        long met = tendersBid.stream().mapToLong(t -> rivals.getOrDefault(t, Set.of()).size()).sum();
        List<Double> gaps = new ArrayList<>();
        for (List<TenderPartyQueries.Offer> line : byLine.values()) {
            Double mine = line.stream().filter(o -> o.mine() && o.selected())
                    .map(o -> Figures.number(o.unitPrice())).filter(v -> v != null).findFirst().orElse(null);
            List<Double> others = line.stream().filter(o -> !o.mine()).map(o -> Figures.number(o.unitPrice()))
                    .filter(v -> v != null && v > 0).toList();
            if (mine != null && !others.isEmpty()) {
                double median = BuyerProfiles.median(others);
                gaps.add((mine - median) / median);
            }
        }
        return new SupplierProfile.Bids(tendersBid.size(), won.size(), tendersBid.isEmpty() ? 0
                : (double) met / tendersBid.size(), gaps.size(), BuyerProfiles.median(gaps));
    }

    private static LocalDate day(int yyyymmdd) {
        return yyyymmdd <= 0 ? null : LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
